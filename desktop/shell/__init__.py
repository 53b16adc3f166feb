"""The shell: the application, the main window that composes the rooms, the pack's
life (open, watch, reload, problems), start-up steps, exports and housekeeping."""
