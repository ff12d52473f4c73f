"""The bundle's entry point: the same `main` as the `pmdesk` command of a pip install."""

import sys

from pmdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
