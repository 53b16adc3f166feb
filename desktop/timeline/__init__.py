"""The timeline room: lanes per section, the adaptive axis, marks, the window brush."""
