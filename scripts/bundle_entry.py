"""The bundled app's entry point (PyInstaller runs this file): the `briefdesk` command
line, which opens the window when given no command. Run with `--read-half`, it is
the child process that reads the second half of a large events file
(`content.yamlhalf`): the bundle has no separate interpreter to start for that."""

import sys

if __name__ == "__main__":
    from content.yamlhalf import HALF_FLAG

    if sys.argv[1:] == [HALF_FLAG]:
        from content.yamlhalf import main as read_half

        sys.exit(read_half())
    from desktop.cli import main

    sys.exit(main())
