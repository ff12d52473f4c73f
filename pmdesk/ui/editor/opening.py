"""Opening a postmortem: the top of the document at once, the rest of its text in slices.

A 40-page postmortem holds some 125,000 characters in its text fields; laying them all out
before the first paint blocked the window for tens of milliseconds. The opening shows the
first NOW_CHARS characters in document order (more than the tallest screen shows), and once
the editor has painted (`start`), appends the rest a slice at a time from the event loop,
top to bottom: text only ever arrives below what is already whole, so nothing the user reads
moves. Anything that reaches further down first (a jump to a section or a finding, a scroll,
typing in a field not yet whole) completes the opening at once; see TextField for how a
field not yet whole is kept from ever being taken for an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from pmdesk.ui.editor.text_field import TextField

#: characters shown before the first paint: more than a 2160-pixel-high window shows
NOW_CHARS = 12_000
#: characters appended per turn of the event loop (a few milliseconds of layout here)
SLICE_CHARS = 12_000


class Opening(QObject):
    """Loads the text of `fields` (in document order) into them, the top first."""

    #: every field shows its whole text
    finished = Signal()

    def __init__(
        self,
        fields: Sequence[tuple[TextField, str]],
        lay_out: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields = [field for field, _ in fields]
        self._lay_out = lay_out  # after each slice: the next paint shows the fields whole
        budget = NOW_CHARS
        for field, text in fields:
            field.start_loading(text, budget)
            budget -= len(field.text())
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._slice)

    def start(self) -> None:
        """Append the rest a slice per turn of the event loop, from the next turn on.

        Called once the editor has painted: a slice before that paint only delays it (and
        the editor's build, in turns of its own, would wait on slices laid out again and
        again at widths the page does not keep)."""
        if not self.done and not self._timer.isActive():
            self._timer.start()

    @property
    def done(self) -> bool:
        return all(field.is_loaded for field in self._fields)

    def _slice(self) -> None:
        budget = SLICE_CHARS
        for field in self._fields:
            while budget > 0 and not field.is_loaded:
                budget -= field.load_more(budget)
            if budget <= 0:
                break
        self._lay_out()
        if self.done:
            self.finished.emit()
        else:
            self._timer.start()

    def finish(self) -> None:
        """Load everything left now (a jump or a scroll is about to show it)."""
        if self.done:
            return
        self._timer.stop()
        for field in self._fields:
            field.finish_loading()
        self._lay_out()
        self.finished.emit()
