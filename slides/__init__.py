"""Slides: the deck model (plain slide specs) and the writers that render it.

Only the PowerPoint writer imports python-pptx; nothing here imports Qt.
"""
