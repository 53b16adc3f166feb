"""The PowerPoint layer: the only place that imports python-pptx (writer, template)."""
