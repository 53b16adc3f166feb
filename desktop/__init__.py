"""Briefing Desk's Qt application and command line.

The only package that imports Qt, and only where a window is needed: the command
line's `validate`, `dump` and `export` never import Qt.
"""
