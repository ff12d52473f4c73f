"""Work done in turns of the event loop, so that no turn keeps the window from answering."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer


def in_turns(owner: QObject, steps: Iterator[None]) -> None:
    """Run `steps` (a generator) up to its next `yield` on each turn of the event loop, from
    the next one on; events that came in meanwhile (input, paints) are handled in between.
    The work stops when `owner` is destroyed."""

    def step() -> None:
        if next(steps, StopIteration) is not StopIteration:
            QTimer.singleShot(0, owner, step)

    QTimer.singleShot(0, owner, step)
