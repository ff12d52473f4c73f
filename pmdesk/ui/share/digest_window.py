"""Share → Digest…: a newsletter section for a period, previewed, copied or saved."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.files import write_atomically
from pmdesk.models import Store
from pmdesk.share.digest import Digest, build_digest, render

FORMATS = (("Markdown", "md"), ("HTML (for email)", "html"), ("Plain text", "text"))
DEFAULT_DAYS = 30


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DigestWindow(QWidget):
    """Pick a period and a format; see the digest; copy it or save it."""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = date.today,
        holidays: Callable[[], list[date]] = list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        self._holidays = holidays
        self.digest: Digest | None = None
        self.setWindowTitle("Digest — pmdesk")
        self.setObjectName("digestWindow")
        self.resize(900, 720)

        end = today()
        self.since = QDateEdit(_qdate(end - timedelta(days=DEFAULT_DAYS - 1)), calendarPopup=True)
        self.until = QDateEdit(_qdate(end), calendarPopup=True)
        for edit in (self.since, self.until):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.format = QComboBox()
        for label, key in FORMATS:
            self.format.addItem(label, key)
        self.copy_button = QPushButton("Copy to Clipboard")
        self.save_button = QPushButton("Save…")
        self.status = QLabel()
        self.status.setObjectName("digestStatus")

        # HTML is shown as it will look in an email; Markdown and text as the characters copied.
        self.rendered = QTextBrowser()
        self.rendered.setOpenLinks(False)
        self.rendered.setOpenExternalLinks(False)
        # the email's own colours, on a dark desktop too: that is what the reader will see
        self.rendered.setStyleSheet("QTextBrowser { background: #ffffff; color: #1f2933; }")
        self.source = QTextBrowser()
        self.source.setOpenLinks(False)
        self.source.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        font = self.source.font()
        font.setFamily("monospace")
        self.source.setFont(font)
        self.preview = QStackedWidget()
        self.preview.addWidget(self.source)
        self.preview.addWidget(self.rendered)

        controls = QHBoxLayout()
        controls.addWidget(QLabel("Incidents from"))
        controls.addWidget(self.since)
        controls.addWidget(QLabel("to"))
        controls.addWidget(self.until)
        controls.addSpacing(16)
        controls.addWidget(QLabel("Format"))
        controls.addWidget(self.format)
        controls.addStretch(1)
        controls.addWidget(self.copy_button)
        controls.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)

        self.since.dateChanged.connect(lambda _: self.refresh())
        self.until.dateChanged.connect(lambda _: self.refresh())
        self.format.currentIndexChanged.connect(lambda _: self._show())
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.refresh()

    @property
    def fmt(self) -> str:
        return self.format.currentData()

    def refresh(self) -> None:
        """Read the store again and rebuild the digest of the chosen period."""
        try:
            pms = self.store.postmortems()
            self.digest = build_digest(
                pms,
                _pydate(self.since.date()),
                _pydate(self.until.date()),
                self._today(),
                self._holidays(),
            )
        except PmdeskError as exc:
            self.digest = None
            self.status.setText(str(exc))
        self._show()

    def text(self) -> str:
        return "" if self.digest is None else render(self.digest, self.fmt)

    def _show(self) -> None:
        enabled = self.digest is not None
        self.copy_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        if self.digest is None:
            self.source.clear()
            self.rendered.clear()
            return
        text = self.text()
        if self.fmt == "html":
            self.rendered.setHtml(text)
            self.preview.setCurrentWidget(self.rendered)
        else:
            self.source.setPlainText(text)
            self.preview.setCurrentWidget(self.source)
        n = len(self.digest.entries)
        words = len(render(self.digest, "text").split())
        self.status.setText(f"{n} postmortem{'s' if n != 1 else ''} completed · {words} words")

    def copy(self) -> None:
        """Put the digest on the clipboard; HTML goes with a plain-text twin for plain editors."""
        if self.digest is None:
            return
        mime = QMimeData()
        if self.fmt == "html":
            mime.setHtml(self.text())
            mime.setText(render(self.digest, "text"))
        else:
            mime.setText(self.text())
        clipboard = QGuiApplication.clipboard()
        clipboard.setMimeData(mime)
        # Qt owns the data now; if it is still there when the application object goes, Qt
        # and Python both free it and the process dies on exit: clear it as the app quits
        app = QGuiApplication.instance()
        if app is not None and not getattr(app, "_pmdesk_clears_clipboard", False):
            app.aboutToQuit.connect(clipboard.clear)
            app._pmdesk_clears_clipboard = True  # type: ignore[attr-defined]
        self.status.setText("Copied to the clipboard.")

    def save(self) -> Path | None:
        if self.digest is None:
            return None
        suffix = {"md": ".md", "html": ".html", "text": ".txt"}[self.fmt]
        name, _ = QFileDialog.getSaveFileName(
            self, "Save digest", f"postmortem-digest-{self.digest.until}{suffix}"
        )
        if not name:
            return None
        path = Path(name)
        if not re.search(r"\.\w+$", path.name):
            path = path.with_name(path.name + suffix)
        try:
            write_atomically(path, self.text().encode("utf-8"))
        except PmdeskError as exc:
            self.status.setText(str(exc))
            return None
        self.status.setText(f"Saved to {path}")
        return path
