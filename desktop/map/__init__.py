"""The map room: the offline basemap, markers and clusters, labels and links."""
