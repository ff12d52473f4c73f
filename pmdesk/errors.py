"""The one family of errors pmdesk raises for things a user can fix.

Every error here carries a message that reads well as a single line on its own,
so the command line prints `pmdesk: <message>` and the window shows it in a dialog.
Anything else that escapes is a bug.
"""


class PmdeskError(Exception):
    """A problem the user can understand and act on."""

    #: exit status of the command line when this error ends a command
    exit_code = 2


class ValidationError(PmdeskError, ValueError):
    """A value that a postmortem cannot hold: end before start, an unknown severity, a bad date."""
