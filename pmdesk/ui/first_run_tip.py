"""The one-time tip for a new user: where the blame highlighting is, and how to start a meeting.

A small panel floating in the main window's lower right corner, not a dialog: it blocks
nothing, takes no focus, and the user can work around it. It is shown once in the life of the
settings file; the moment it appears, `first_run_tip_shown` is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.settings import load_settings, save_settings

TIP_TEXT = (
    "<b>Welcome to pmdesk.</b> The example postmortem is open so you can look around."
    "<p>Words that put a person at the centre of a failure are <u>underlined</u> as you "
    "type. Hover over one to see why, right-click it for a system-focused rewording, or "
    "press <b>Ctrl+.</b> to apply the first.</p>"
    "<p>On the day of the review meeting, press <b>F5</b> for meeting mode: the projector "
    "shows the document, your console keeps the notes.</p>"
)
_MARGIN = 16


class FirstRunTip(QFrame):
    """The panel; `dismissed` when closed, `guide_requested` for the Guide button."""

    dismissed = Signal()
    guide_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunTip")
        self.setAccessibleName("Tip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        # narrow enough to sit over the findings panel, clear of the editor's buttons
        self.setFixedWidth(250)

        self.label = QLabel(TIP_TEXT)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.guide_button = QPushButton("Open the Guide")
        self.guide_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button = QPushButton("Got it")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(buttons)

        self.guide_button.clicked.connect(self.guide_requested)
        self.close_button.clicked.connect(self.dismiss)
        parent.installEventFilter(self)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
        self.deleteLater()

    def place(self) -> None:
        """Keep to the lower right corner of the parent, above its status bar."""
        parent = self.parentWidget()
        self.adjustSize()
        bottom = parent.height() - _MARGIN
        if isinstance(parent, QMainWindow) and parent.statusBar().isVisible():
            bottom -= parent.statusBar().height()
        self.move(max(parent.width() - self.width() - _MARGIN, 0), max(bottom - self.height(), 0))
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parentWidget() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            self.place()
        return False


def show_first_run_tip_once(
    window: QWidget,
    *,
    open_guide: Callable[[], object] | None = None,
    remember: bool = True,
    settings_path: Path | None = None,
) -> FirstRunTip | None:
    """Show the tip over `window` unless it has been shown before; None when it is not shown.

    `remember=False` shows it without saving that it was (a smoke test must not use up a
    user's tip). A settings file pmdesk cannot read means no tip, and the file is not touched.
    """
    try:
        settings = load_settings(settings_path)
    except PmdeskError:
        return None
    if settings.first_run_tip_shown:
        return None
    if remember:
        settings.first_run_tip_shown = True
        try:
            save_settings(settings, settings_path)
        except OSError:
            pass  # an unwritable config folder costs a repeated tip, nothing more
    tip = FirstRunTip(window)
    if open_guide is not None:
        tip.guide_requested.connect(open_guide)
    tip.show()
    tip.place()
    return tip
