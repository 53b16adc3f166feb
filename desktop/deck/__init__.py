"""The deck room: the Deck pane, live thumbnails, the slide painter and PDF output."""
