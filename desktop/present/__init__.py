"""The present room: the show's controller, the audience and presenter windows, and
the launcher that puts them on screens."""
