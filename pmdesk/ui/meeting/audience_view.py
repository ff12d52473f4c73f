"""The audience view: the current step of the meeting on the projector, in large type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pmdesk.ui.meeting.slide_view import SlideView
from pmdesk.ui.meeting.slides import SlideContext, centred, slide_html


class AudienceView(QWidget):
    """A window of its own; F11 makes it full screen on whichever screen it is on."""

    #: the window was closed by the window manager (which ends the meeting)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("meetingAudience")
        self.setWindowTitle("pmdesk — meeting (audience view)")
        self.setMinimumSize(640, 400)
        self.resize(1280, 720)
        self.slide = SlideView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slide)
        self._closing_quietly = False

    def show_context(self, ctx: SlideContext) -> None:
        self.slide.show_slide(
            lambda px: slide_html(ctx, px), centred=centred(ctx), background=ctx.theme.background
        )

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def close_quietly(self) -> None:
        """Close without asking to end the meeting (the meeting is ending already)."""
        self._closing_quietly = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self._closing_quietly:
            self.closed.emit()
