"""`python -m desktop` runs the `briefdesk` command line."""

import sys

from desktop.cli import main

sys.exit(main())
