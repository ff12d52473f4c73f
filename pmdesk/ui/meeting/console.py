"""The facilitator console: the step, the time left, what comes next, the script, and capture."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.meeting import Agenda, AgendaStep
from pmdesk.ui.editor.actions_model import ActionsModel
from pmdesk.ui.editor.session import EditorSession
from pmdesk.ui.meeting.capture_field import CaptureField
from pmdesk.ui.meeting.capture_forms import ActionForm, NotesBox, WhysBox
from pmdesk.ui.meeting.flag_panel import FlagPanel
from pmdesk.ui.meeting.slide_view import SlideView

#: the next slide is drawn at this size and shown scaled down to PREVIEW
RENDERED = (1280, 720)
PREVIEW = (320, 180)

KEYS_HINT = (
    "→ PageDown Space: next · ← PageUp: back · F11: projector full screen · Esc: leave\n"
    "In a text box, PageUp/PageDown still move the meeting; Ctrl+. or Alt+Enter accepts a rewrite."
)
TIMER_COLOURS = {
    "light": {"ok": "#1b5e20", "short": "#8a4500", "over": "#b3261e"},
    "dark": {"ok": "#81c995", "short": "#ffb74d", "over": "#ff8a80"},
}
#: the console's colours in the dark meeting theme (a dim room); light keeps the system's
DARK = {
    QPalette.ColorRole.Window: "#1e2227",
    QPalette.ColorRole.WindowText: "#eeeeee",
    QPalette.ColorRole.Base: "#15181c",
    QPalette.ColorRole.AlternateBase: "#22272e",
    QPalette.ColorRole.Text: "#eeeeee",
    QPalette.ColorRole.Button: "#2a2f36",
    QPalette.ColorRole.ButtonText: "#eeeeee",
    QPalette.ColorRole.Highlight: "#3d6fb6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#a0a6ad",
    QPalette.ColorRole.Mid: "#4a5058",
    QPalette.ColorRole.ToolTipBase: "#2a2f36",
    QPalette.ColorRole.ToolTipText: "#eeeeee",
}
#: the capture tab each step opens on
STEP_TABS = {"root_cause": 0, "actions": 1, "wrap_up": 1}


class FacilitatorConsole(QWidget):
    """The laptop's window; all meeting keys work here (see MeetingKeys)."""

    leave_requested = Signal()
    step_chosen = Signal(int)
    #: closed by the window manager (which ends the meeting)
    closed = Signal()

    def __init__(
        self,
        session: EditorSession,
        actions_model: ActionsModel,
        agenda: Agenda,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("meetingConsole")
        self.setWindowTitle(f"pmdesk — meeting console: {session.pm.title or 'Untitled'}")
        self.setMinimumSize(900, 600)
        self.agenda = agenda
        self._closing_quietly = False
        self._theme = "light"

        # --- top: step, timer, next, leave -------------------------------------------
        self.step_label = QLabel(objectName="consoleStep")
        _set_font(self.step_label, 20, bold=True)
        self.timer_label = QLabel(objectName="consoleTimer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.next_label = QLabel(objectName="consoleNext", wordWrap=True)
        _set_font(self.next_label, 12)
        self.next_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.leave_button = QPushButton("Leave meeting (Esc)", objectName="consoleLeave")
        self.leave_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.leave_button.clicked.connect(self.leave_requested)
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.step_label, 0, 0)
        top.addWidget(self.timer_label, 0, 1)
        top.addWidget(self.leave_button, 0, 2, Qt.AlignmentFlag.AlignVCenter)
        self.clock_label = QLabel(objectName="consoleClock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        _set_font(self.clock_label, 12)
        top.addWidget(self.next_label, 1, 0)
        top.addWidget(self.clock_label, 1, 1, 1, 2)
        top.setColumnStretch(0, 1)

        # --- left: on screen, script, agenda -----------------------------------------
        self.on_screen = QLabel(objectName="consoleOnScreen", wordWrap=True)
        self.on_screen.setTextFormat(Qt.TextFormat.RichText)
        _set_font(self.on_screen, 12)
        self.script = QLabel(objectName="consoleScript", wordWrap=True)
        self.script.setTextFormat(Qt.TextFormat.RichText)
        _set_font(self.script, 12)
        self.script.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.agenda_list = QListWidget(objectName="consoleAgenda")
        self.agenda_list.setAccessibleName("Agenda")
        for number, step in enumerate(agenda.steps, start=1):
            self.agenda_list.addItem(
                QListWidgetItem(f"{number}. {step.title} · {step.minutes} min")
            )
        self._fit_agenda()
        self.agenda_list.itemActivated.connect(
            lambda item: self.step_chosen.emit(self.agenda_list.row(item))
        )
        self.agenda_list.itemClicked.connect(
            lambda item: self.step_chosen.emit(self.agenda_list.row(item))
        )
        hint = QLabel(KEYS_HINT, objectName="consoleKeys", wordWrap=True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        left_content = QWidget()
        left_box = QVBoxLayout(left_content)
        left_box.setContentsMargins(0, 0, 8, 0)
        left_box.addWidget(_heading("On the screen"))
        left_box.addWidget(self.on_screen)
        self.preview = QLabel(objectName="consolePreview")
        self.preview.setFixedSize(*PREVIEW)
        self.preview.setFrameShape(QFrame.Shape.Box)
        self.preview.setAccessibleName("Next slide")
        self._preview_renderer = SlideView()  # never shown: drawn at full size, then scaled
        self._preview_renderer.resize(*RENDERED)
        left_box.addWidget(_heading("Next on the screen"))
        left_box.addWidget(self.preview)
        left_box.addWidget(_heading("Script"))
        left_box.addWidget(self.script, 1)
        left_box.addWidget(_heading("Agenda"))
        left_box.addWidget(self.agenda_list)
        left_box.addWidget(hint)
        left = _scrolling(left_content)

        # --- right: flags and capture ------------------------------------------------
        self.flag_panel = FlagPanel()
        self.notes = NotesBox(session)
        self.whys = WhysBox(session)
        self.action_form = ActionForm(session, actions_model)
        self.tabs = QTabWidget(objectName="consoleTabs")
        self.tabs.addTab(self.whys, "&Five Whys")
        self.tabs.addTab(self.action_form, "&Action item")
        notes_label = QLabel("&Notes")
        notes_label.setBuddy(self.notes)
        notes_part = QWidget()
        notes_box = QVBoxLayout(notes_part)
        notes_box.setContentsMargins(0, 0, 0, 0)
        notes_box.addWidget(notes_label)
        notes_box.addWidget(self.notes, 1)
        # Notes and capture share the height and each scrolls inside its own part, so long
        # notes never push the Five Whys and the action form off the window.
        self.capture_splitter = QSplitter(Qt.Orientation.Vertical, objectName="consoleCapture")
        self.capture_splitter.addWidget(notes_part)
        self.capture_splitter.addWidget(_scrolling(self.tabs))
        self.capture_splitter.setChildrenCollapsible(False)
        self.capture_splitter.setStretchFactor(0, 1)
        self.capture_splitter.setStretchFactor(1, 1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(8, 0, 0, 0)
        right_box.addWidget(self.flag_panel)
        right_box.addWidget(self.capture_splitter, 1)
        self._capture_parts = (right, self.agenda_list)
        self._base_points = right.font().pointSize()

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="consoleSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        line = QFrame(frameShape=QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(line)
        layout.addWidget(splitter, 1)

        self.fields: list[CaptureField] = [
            self.notes,
            self.whys.answer,
            self.whys.root_cause,
            self.action_form.action,
        ]
        self.active_field: CaptureField = self.notes
        for field in self.fields:
            field.flags_changed.connect(lambda f=field: self._flags_changed(f))
            field.touched.connect(lambda f=field: self._touched(f))
        self.flag_panel.accept_requested.connect(lambda: self.active_field.accept_flag())
        self._flags_changed(self.notes)

    # --- what the meeting controller calls ---------------------------------------------

    def show_step(self, index: int, step: AgendaStep, on_screen: str) -> None:
        total = len(self.agenda.steps)
        self.step_label.setText(f"{index + 1} / {total} · {step.title}")
        following = self.agenda.after(index)
        self.next_label.setText(
            f"Next: {following.title} · {following.minutes} min"
            if following
            else "Next: end of the meeting — Esc returns to the editor"
        )
        self.script.setText(
            "<ul style='margin-left:-20px'>"
            + "".join(f"<li style='margin-bottom:6px'>{escape(s)}</li>" for s in step.script)
            + "</ul>"
        )
        self.on_screen.setText(on_screen)
        self.agenda_list.setCurrentRow(index)
        if step.key in STEP_TABS:
            self.tabs.setCurrentIndex(STEP_TABS[step.key])

    def show_preview(self, html: Callable[[float], str] | None, background: str) -> None:
        """The slide the next press of → will show, small; None at the end of the meeting."""
        renderer = self._preview_renderer
        if html is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("End of the meeting")
            self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return
        renderer.show_slide(html, centred=True, background=background)
        picture = renderer.grab().scaled(
            self.preview.contentsRect().size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(picture)

    def show_clock(self, elapsed: str, wall: str) -> None:
        """Time since the meeting started, and the time of day in the room."""
        self.clock_label.setText(f"Meeting {elapsed} · now {wall}")

    def show_time(self, text: str, state: str) -> None:
        """`text` like "04:12"; state "ok", "short" (last minute) or "over"."""
        words = "over" if state == "over" else "left"
        self.timer_label.setText(text + " " + words)
        self.timer_label.setProperty("state", state)
        self.timer_label.setStyleSheet(
            f"font-size: 24pt; font-weight: 700; color: {TIMER_COLOURS[self._theme][state]};"
            " font-family: monospace; padding: 0 12px;"
        )

    def apply_theme(self, name: str) -> None:
        """Dark colours for a dim room when the meeting theme is dark; else the system's."""
        self._theme = "dark" if name == "dark" else "light"
        palette = self.style().standardPalette() if self._theme == "dark" else QPalette()
        if self._theme == "dark":
            for role, colour in DARK.items():
                palette.setColor(role, QColor(colour))
        self.setPalette(palette)
        if hasattr(self, "active_field"):
            # the panel takes its colours from the palette when it shows a flag: show it again
            self.flag_panel.show_flags(self.active_field.flags, self.active_field.current_flag())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # On a big laptop screen the desktop default is small for typing mid-meeting at
        # arm's length; smaller windows keep it so everything still fits.
        points = self._base_points + 2 if self.height() >= 950 else self._base_points
        for part in self._capture_parts:
            if part.font().pointSize() != points:
                font = part.font()
                font.setPointSize(points)
                part.setFont(font)
                self._fit_agenda()

    def _fit_agenda(self) -> None:
        self.agenda_list.setFixedHeight(
            self.agenda_list.sizeHintForRow(0) * self.agenda_list.count()
            + 2 * self.agenda_list.frameWidth()
        )

    def close_quietly(self) -> None:
        self._closing_quietly = True
        self.close()

    # --- flags ---------------------------------------------------------------------------

    def _touched(self, field: CaptureField) -> None:
        """The facilitator is working in `field`: the panel shows its flags."""
        self.active_field = field
        self.flag_panel.show_flags(field.flags, field.current_flag())

    def _flags_changed(self, field: CaptureField) -> None:
        # (flags arrive from the worker for fields not being worked in too: the root cause is
        # re-checked as a why is typed; they must not take the panel from the active field)
        if field is self.active_field:
            self.flag_panel.show_flags(field.flags, field.current_flag())

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self._closing_quietly:
            self.closed.emit()


def _scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless area that scrolls when the window is too short for it."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    _set_font(label, 11, bold=True)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def _set_font(label: QLabel, points: int, *, bold: bool = False) -> None:
    # Fonts, not style sheets: a style sheet on a label would ignore the console's palette.
    font = label.font()
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
