"""Work done in turns of the event loop, so that no turn keeps the window from answering."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer


def in_turns(owner: QObject, steps: Iterator[None]) -> None:
    """Run `steps` (a generator) up to its next `yield` on each turn of the event loop, from
    the next one on; what came in meanwhile (input, paints, timers) is handled in between.
    The work stops when `owner` is destroyed.

    A zero-interval timer, not QTimer.singleShot(0, ...): that posts an event, and events
    posted while a step runs are delivered on the next turn before any timer is looked at, so
    two steps could run back to back, with the paint between them, before any other timer
    (the window's own, or a probe of how long the loop is blocked) had a turn."""
    timer = QTimer(owner, singleShot=True, interval=0)

    def step() -> None:
        if next(steps, StopIteration) is not StopIteration:
            timer.start()
        else:
            timer.deleteLater()

    timer.timeout.connect(step)
    timer.start()
