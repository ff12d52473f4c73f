"""Qt's own messages, minus the ones that mean nothing to a user.

The offscreen and some Wayland platform plugins warn "This plugin does not support
propagateSizeHints()" for every window shown: a missing optional feature of the
platform, not a problem, and nothing the user can act on. Every other message passes.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

#: messages that carry no information for a user
QUIET = ("This plugin does not support propagateSizeHints()",)

_installed = False
_previous = None


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in QUIET:
        return
    if _previous is not None:
        _previous(kind, context, message)
    else:
        print(message, file=sys.stderr)


def quiet_platform_notices() -> None:
    """Install the filter (once a process)."""
    global _installed, _previous
    if not _installed:
        _previous = qInstallMessageHandler(_handler)
        _installed = True
