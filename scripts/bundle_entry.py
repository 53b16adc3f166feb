"""The bundled app's entry point (PyInstaller runs this file): the `briefdesk` command
line, which opens the window when given no command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
