"""The bundle's entry point: the same `main` as the `pmdesk` command of a pip install.

Started with pmdesk.lint_process.BUNDLE_FLAG it is the window's lint process instead (a bundle
has no `python -m`), and imports nothing else.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--pmdesk-lint-process"]:
        from pmdesk.lint_process import main as lint_process

        sys.exit(lint_process())

    from pmdesk.cli import main

    sys.exit(main())
