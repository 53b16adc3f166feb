"""Curating: the pack's records added, changed and deleted in its own files.

The editor (`editor.py`) makes every change a byte-exact edit of one YAML file,
checked by loading the pack with it before it is written, undoable; its forms
(`event_form.py`, `place_form.py`, `record_form.py` on `checked_form.py`) and the
import dialog (`import_dialog.py`) ask; `actions.py` offers it all in the Edit menu.
"""
