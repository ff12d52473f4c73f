"""Meeting mode: one controller for the agenda, the two windows, the keys and the clock.

It works on the editor's own session, so everything captured is in the store (and
in the editor) at once, and leaving only has to flush what is still being typed.

The projector's flags (when the settings show them) are worked out in the lint worker:
a slide is shown at once without them, and drawn again when they arrive, if they are of
the words the postmortem still holds.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QScreen

from pmdesk.meeting import (
    TIMELINE_STEP,
    MeetingCursor,
    ProjectorFlags,
    ProjectorText,
    StepClock,
    follow_up_dates,
    format_remaining,
    load_agenda,
    projector_flags,
)
from pmdesk.settings import Settings
from pmdesk.ui.editor.editor_widget import EditorWidget
from pmdesk.ui.lint_worker import lint_worker
from pmdesk.ui.meeting.audience_view import AudienceView
from pmdesk.ui.meeting.console import FacilitatorConsole
from pmdesk.ui.meeting.meeting_keys import MeetingKeys
from pmdesk.ui.meeting.placement import place_windows
from pmdesk.ui.meeting.slides import SlideContext, slide_html
from pmdesk.ui.meeting.theme import theme

TICK_MS = 500
#: the timer turns amber for the last minute of a step
SHORT_SECONDS = 60


class MeetingMode(QObject):
    """Runs the review meeting of the postmortem open in `editor`."""

    #: the meeting was left (Esc, the Leave button, or a window closed)
    finished = Signal()

    def __init__(
        self,
        editor: EditorWidget,
        settings: Settings,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.session = editor.session
        self.settings = settings
        self.agenda = load_agenda()
        self._today = today
        self.cursor = MeetingCursor(self.agenda, len(self.session.pm.timeline))
        self.clock = StepClock(clock)
        self._clock = clock
        self._started = clock()
        self._now = now
        self.audience = AudienceView()
        self.console = FacilitatorConsole(self.session, editor.actions.model, self.agenda)
        self.console.apply_theme(settings.meeting_theme)
        self.keys = MeetingKeys(
            [self.audience, self.console],
            forward=self.forward,
            back=self.back,
            leave=self.leave,
            full_screen=self.audience.toggle_full_screen,
        )
        self.running = False
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.console.leave_requested.connect(self.leave)
        self.console.step_chosen.connect(self.go_to)
        self.console.closed.connect(self.leave)
        self.audience.closed.connect(self.leave)
        self.session.part_changed.connect(self._document_changed)
        #: the projector's flags, as last worked out, and the words last asked about
        self._flags: ProjectorFlags | None = None
        self._flags_asked: ProjectorText | None = None
        self._flags_key = (id(self), "projector flags")
        self._worker = lint_worker()
        self._worker.finished.connect(self._flags_arrived)
        self._worker.rules_changed.connect(self._rules_changed)

    def start(self, anchor: QPoint) -> QScreen | None:
        """Show both windows; `anchor` (the main window's centre) marks the laptop's screen."""
        self.running = True
        self._started = self._clock()
        self.keys.install()
        self._show()
        screen = place_windows(self.console, self.audience, anchor)
        self.console.notes.setFocus()
        self._timer.start()
        return screen

    # --- moving through the agenda -------------------------------------------------------

    def forward(self) -> None:
        if self.cursor.forward():
            self._show()

    def back(self) -> None:
        if self.cursor.back():
            self._show()

    def go_to(self, index: int) -> None:
        self.cursor.go_to(index)
        self._show()

    def leave(self) -> None:
        """Save what is being typed, close both windows, and hand back to the editor."""
        if not self.running:
            return
        self.running = False
        self._timer.stop()
        self.keys.remove()
        self._worker.finished.disconnect(self._flags_arrived)
        self._worker.rules_changed.disconnect(self._rules_changed)
        self.session.flush()
        self.console.close_quietly()
        self.audience.close_quietly()
        self.finished.emit()

    # --- showing -------------------------------------------------------------------------

    def context(self) -> SlideContext:
        """What the slides are drawn from; flags not yet worked out for these words are asked for."""
        pm = self.session.pm
        show_flags = self.settings.show_flags_on_projector
        return SlideContext(
            pm=pm,
            agenda=self.agenda,
            cursor=self.cursor,
            theme=theme(self.settings.meeting_theme),
            follow_ups=follow_up_dates(pm, self.settings.holidays, self._today()),
            show_flags=show_flags,
            flags=self._current_flags() if show_flags else None,
        )

    def _current_flags(self) -> ProjectorFlags | None:
        """The flags of the words as they are now, or None (and a request) while they are not known."""
        text = ProjectorText.of(self.session.pm)
        if self._flags is not None and self._flags.text == text:
            return self._flags
        if text != self._flags_asked:
            self._ask_flags(text)
        return None

    def _ask_flags(self, text: ProjectorText) -> None:
        self._flags_asked = text
        self._worker.request(self._flags_key, partial(projector_flags, text))

    def _flags_arrived(self, batch: list[tuple[object, Any]]) -> None:
        for key, result in batch:
            if key != self._flags_key or not isinstance(result, ProjectorFlags):
                continue
            if not self.running or result.text != ProjectorText.of(self.session.pm):
                continue  # of words since changed: their own request is on its way
            if result == self._flags:
                continue  # already shown: drawing it again would only flicker
            self._flags = result
            self.audience.show_context(self.context())
            self._show_preview()

    def _rules_changed(self) -> None:
        # What is shown stays until the new rules' flags arrive and replace it.
        if self.running and self.settings.show_flags_on_projector:
            self._ask_flags(ProjectorText.of(self.session.pm))

    def _show(self) -> None:
        step = self.cursor.step
        self.clock.enter(step.key)
        self.audience.show_context(self.context())
        self.console.show_step(self.cursor.step_index, step, self._on_screen())
        self._show_preview()
        self._tick()

    def _show_preview(self) -> None:
        following = copy.copy(self.cursor)
        if not following.forward():
            self.console.show_preview(None, "")
            return
        ctx = replace(self.context(), cursor=following)
        self.console.show_preview(lambda px: slide_html(ctx, px), ctx.theme.background)

    def _on_screen(self) -> str:
        step = self.cursor.step
        events = self.session.pm.timeline
        index = self.cursor.event_index
        if step.key != TIMELINE_STEP:
            return escape(step.title)
        if index is None or not events:
            return "The timeline (no events yet)"
        event = events[index]
        return f"Event {index + 1} of {len(events)}: <b>{event.at:%H:%M}</b> {escape(event.text)}"

    def _tick(self) -> None:
        left = self.clock.remaining(self.cursor.step)
        state = "over" if left < 0 else "short" if left <= SHORT_SECONDS else "ok"
        self.console.show_time(format_remaining(left), state)
        elapsed = int(self._clock() - self._started)
        hours, rest = divmod(elapsed, 3600)
        spent = (
            f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
            if hours
            else f"{rest // 60:02d}:{rest % 60:02d}"
        )
        self.console.show_clock(spent, self._now().strftime("%H:%M"))

    def _document_changed(self, part: str) -> None:
        if not self.running or part == "meeting_notes":
            return  # notes are the console's, never on the projector: nothing to redraw
        if part == "timeline":
            self.cursor.set_events(len(self.session.pm.timeline))
        self.audience.show_context(self.context())
        self.console.on_screen.setText(self._on_screen())
        self._show_preview()
