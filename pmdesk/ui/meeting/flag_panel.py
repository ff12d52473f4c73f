"""The console's flag box: what was flagged, the rewrite to accept, and what to say aloud."""

from __future__ import annotations

import re
from html import escape, unescape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pmdesk.meeting import LiveFlag
from pmdesk.ui import colours

FLAG_AMBER = "#c77700"
IDLE = "No flags. Notes, Five Whys answers and action items are checked as you type."


class FlagPanel(QFrame):
    """Shows one flag in full (the one at the cursor) and how many others there are."""

    accept_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagPanel")
        self.title = QLabel(objectName="flagTitle", wordWrap=True)
        self.message = QLabel(objectName="flagMessage", wordWrap=True)
        self.rewrite = QLabel(objectName="flagRewrite", wordWrap=True)
        self.rewrite.setTextFormat(Qt.TextFormat.RichText)
        self.prompt = QLabel(objectName="flagPrompt", wordWrap=True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.more = QLabel(objectName="flagMore")
        self.accept_button = QPushButton("Accept rewrite  (Ctrl+.)", objectName="flagAccept")
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the cursor where it is
        self.accept_button.clicked.connect(self.accept_requested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.more)
        rewrite_row = QHBoxLayout()
        rewrite_row.setContentsMargins(0, 0, 0, 0)
        rewrite_row.addWidget(self.rewrite, 1)
        rewrite_row.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(rewrite_row)
        layout.addWidget(self.prompt)
        layout.addStretch(1)
        self.show_flags([], None)

    def show_flags(self, flags: list[LiveFlag], current: LiveFlag | None) -> None:
        flagged = current is not None
        self.setProperty("flagged", flagged)
        # the surroundings' palette: this frame's own reports its style-sheet background
        around = (self.parentWidget() or self).palette()
        base = around.base().color()
        if flagged:
            # the palette's own background with an amber hint: light on a light desktop,
            # dark in the dark meeting theme, the palette's text readable on both
            box = f"background: {colours.tinted(FLAG_AMBER, base).name()}; border: 2px solid"
            box += f" {FLAG_AMBER};"
            ink = around.text().color().name()
        else:
            box = "background: palette(base); border: 1px solid palette(mid);"
            ink = "palette(text)"
        self.setStyleSheet(
            f"QFrame#flagPanel {{ border-radius: 6px; {box} }}"
            f" QFrame#flagPanel QLabel {{ color: {ink}; background: transparent; border: none; }}"
            " QLabel#flagTitle { font-weight: 700; font-size: 13pt; }"
            " QLabel#flagPrompt { font-size: 13pt; }"
        )
        if current is None:
            self.title.setText(IDLE)
            self.title.setStyleSheet("font-weight: 400; color: palette(placeholder-text);")
            for label in (self.message, self.rewrite, self.prompt, self.more):
                label.clear()
                label.hide()
            self.accept_button.hide()
            return
        ink = colours.readable("#8a4500", colours.tinted(FLAG_AMBER, base))
        self.title.setStyleSheet(f"color: {ink.name()};")
        self.title.setText(f"⚑ {current.label}")
        self.message.setText(current.message)
        self.message.show()
        if current.replacement is not None:
            shown = current.preview or current.replacement
            self.rewrite.setText(f"<b>Rewrite:</b> “{escape(shown)}”")
            self.rewrite.show()
            self.accept_button.show()
        elif current.question:
            self.rewrite.setText(f"<b>Ask:</b> “{escape(current.question)}”")
            self.rewrite.show()
            self.accept_button.hide()
        else:
            self.rewrite.clear()
            self.rewrite.hide()
            self.accept_button.hide()
        self.prompt.setText(f"<b>Say:</b> <i>“{escape(current.prompt)}”</i>")
        self.prompt.show()
        others = len(flags) - 1
        self.more.setText(f"+{others} more" if others > 0 else "")
        self.more.setVisible(others > 0)

    def texts(self) -> str:
        """Everything the panel says, for tests and screen readers."""
        parts = (self.title, self.message, self.rewrite, self.prompt)
        return "\n".join(unescape(re.sub(r"<[^>]+>", "", p.text())) for p in parts if p.text())
