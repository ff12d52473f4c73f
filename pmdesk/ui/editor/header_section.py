"""The header of the template: title, date, authors, status, severity, incident window, process dates."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pmdesk.errors import ValidationError
from pmdesk.models import Severity, Status, parse_utc
from pmdesk.models.postmortem import check_window
from pmdesk.ui import colours
from pmdesk.ui.editor.session import EditorSession
from pmdesk.ui.editor.text_field import TextField

NO_DATE = QDate(2000, 1, 1)
#: typed authors and times are saved this long after the last keystroke
TYPING_SAVE_MS = 700
EXAMPLE_AMBER = "#d9a400"
TIME_FORMAT = "%Y-%m-%d %H:%M"


class UtcTimeEdit(QLineEdit):
    """A UTC date and time typed as 2026-03-10 14:05 (seconds and ISO forms accepted)."""

    def __init__(self, name: str, accessible: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setPlaceholderText("YYYY-MM-DD HH:MM (UTC)")
        self.setClearButtonEnabled(True)

    def set_value(self, value: datetime | None) -> None:
        if self.hasFocus():
            return  # never pull the text from under the cursor; it is saved as typed
        self.setText(value.strftime(TIME_FORMAT) if value else "")
        self.mark_invalid(False)

    def value_or_error(self) -> datetime | None:
        """The typed time; ValidationError when it cannot be read."""
        return parse_utc(self.text().strip(), self.accessibleName().lower())

    def mark_invalid(self, invalid: bool) -> None:
        self.setStyleSheet("QLineEdit { border: 1px solid #c62828; }" if invalid else "")


class HeaderSection(QWidget):
    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        pm = session.pm
        people = session.pm.people

        self.title = TextField(
            "title", placeholder="Title of the incident", single_line=True, people=people
        )
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)

        self.incident_date = QDateEdit(calendarPopup=True, objectName="incident_date")
        self.incident_date.setDisplayFormat("yyyy-MM-dd")
        self.incident_date.setMinimumDate(NO_DATE)
        self.incident_date.setSpecialValueText("—")
        self.incident_date.setAccessibleName("Incident date")
        self.authors = QLineEdit(objectName="authors", placeholderText="Names, separated by commas")
        self.authors.setAccessibleName("Authors")
        self.status = QComboBox(objectName="status", accessibleName="Status")
        for status in Status:
            self.status.addItem(status.label, status.value)
        self.severity = QComboBox(objectName="severity", accessibleName="Severity")
        for severity in Severity:
            self.severity.addItem(severity.value, severity.value)
        self.started_at = UtcTimeEdit("started_at", "Incident start")
        self.ended_at = UtcTimeEdit("ended_at", "Incident end")
        self.duration = QLabel(objectName="duration")
        self.draft_shared_at = UtcTimeEdit("draft_shared_at", "Draft shared")
        self.meeting_at = UtcTimeEdit("meeting_at", "Meeting")
        self.example_note = QLabel(
            "This is the example postmortem that ships with pmdesk. Edit it freely, "
            "or delete it when you no longer need it."
        )
        self.example_note.setObjectName("exampleNote")
        self.example_note.setWordWrap(True)
        window = self.palette().window().color()
        self.example_note.setStyleSheet(
            f"background: {colours.tinted(EXAMPLE_AMBER, window).name()};"
            f" color: {self.palette().windowText().color().name()};"
            f" border: 1px solid {EXAMPLE_AMBER}; border-radius: 4px; padding: 6px 8px;"
        )

        left = QFormLayout()
        left.addRow("Incident &date", self.incident_date)
        left.addRow("&Authors", self.authors)
        left.addRow("&Status", self.status)
        left.addRow("Se&verity", self.severity)
        right = QFormLayout()
        right.addRow("S&tart (UTC)", self.started_at)
        right.addRow("&End (UTC)", self.ended_at)
        right.addRow("Duration", self.duration)
        right.addRow("Draft shared (UTC)", self.draft_shared_at)
        right.addRow("&Meeting (UTC)", self.meeting_at)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.example_note, 0, 0, 1, 2)
        grid.addWidget(self.title, 1, 0, 1, 2)
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.refresh()
        self.example_note.setVisible(pm.is_example)

        self.title.text_edited.connect(lambda text: session.edit_text("title", text))
        self.title.focus_left.connect(session.flush)
        self.incident_date.dateChanged.connect(self._date_changed)
        self.authors.editingFinished.connect(self._authors_changed)
        self.status.activated.connect(
            lambda: session.set_fields("Change status", status=self.status.currentData())
        )
        self.severity.activated.connect(
            lambda: session.set_fields("Change severity", severity=self.severity.currentData())
        )
        for edit in (self.started_at, self.ended_at):
            edit.textEdited.connect(self._update_duration)
        # Typed values are saved after a pause too, not only when the field is left:
        # nothing typed stays only in a widget for long.
        self._typing = QTimer(self, singleShot=True, interval=TYPING_SAVE_MS)
        self._typing.timeout.connect(self._save_typing)
        self.authors.textEdited.connect(self._typing.start)
        for edit in self._time_edits():
            edit.editingFinished.connect(lambda e=edit: self._time_changed(e))
            edit.textEdited.connect(self._typing.start)
        session.part_changed.connect(self._part_changed)

    # --- showing ---------------------------------------------------------------------

    def refresh(self) -> None:
        pm = self._session.pm
        if not self.title.hasFocus():
            self.title.set_text(pm.title)
        self.incident_date.blockSignals(True)
        self.incident_date.setDate(
            QDate(pm.incident_date.year, pm.incident_date.month, pm.incident_date.day)
            if pm.incident_date
            else NO_DATE
        )
        self.incident_date.blockSignals(False)
        if not self.authors.hasFocus():
            self.authors.setText(", ".join(pm.authors))
        self.status.setCurrentIndex(self.status.findData(pm.status.value))
        self.severity.setCurrentIndex(self.severity.findData(pm.severity.value))
        self.started_at.set_value(pm.started_at)
        self.ended_at.set_value(pm.ended_at)
        self.draft_shared_at.set_value(pm.draft_shared_at)
        self.meeting_at.set_value(pm.meeting_at)
        self._update_duration()

    def _part_changed(self, part: str) -> None:
        if part in {
            "title", "incident_date", "authors", "status", "severity",
            "started_at", "ended_at", "draft_shared_at", "meeting_at",
        }:  # fmt: skip
            self.refresh()

    def _update_duration(self) -> None:
        """Shown as you type, before the value is saved."""
        try:
            start = self.started_at.value_or_error()
            end = self.ended_at.value_or_error()
            check_window(start, end)
        except ValidationError as exc:
            message = escape(_first_clause(str(exc)))  # it quotes what was typed
            self.duration.setText(f"<span style='color:#c62828'>{message}</span>")
            return
        if start is None or end is None:
            self.duration.setText("—")
            return
        minutes = int((end - start).total_seconds() // 60)
        hours, rest = divmod(minutes, 60)
        self.duration.setText(f"{minutes} min" + (f" ({hours} h {rest} min)" if hours else ""))

    # --- editing ---------------------------------------------------------------------

    def _date_changed(self, qdate: QDate) -> None:
        value: date | None = None if qdate == NO_DATE else qdate.toPython()  # type: ignore[assignment]
        self._session.set_fields("Change incident date", incident_date=value)

    def _authors_changed(self) -> None:
        names = [n.strip() for n in self.authors.text().split(",") if n.strip()]
        if names != self._session.pm.authors:
            self._session.set_fields("Change authors", authors=names)

    def _time_edits(self) -> tuple[UtcTimeEdit, ...]:
        return (self.started_at, self.ended_at, self.draft_shared_at, self.meeting_at)

    def _save_typing(self) -> None:
        """The pause after typing: save what reads as a valid value, quietly."""
        self._authors_changed()
        for edit in self._time_edits():
            self._time_changed(edit, quiet=True)

    def _time_changed(self, edit: UtcTimeEdit, *, quiet: bool = False) -> None:
        try:
            value = edit.value_or_error()
            if quiet and edit in (self.started_at, self.ended_at):
                check_window(self.started_at.value_or_error(), self.ended_at.value_or_error())
        except ValidationError as exc:
            if not quiet:  # half-typed is fine while typing; said once the field is left
                edit.mark_invalid(True)
                self._session.problem.emit(str(exc))
            return
        if value == getattr(self._session.pm, edit.objectName()):
            edit.mark_invalid(False)
            return
        label = f"Change {edit.accessibleName().lower()}"
        ok = self._session.set_fields(label, **{edit.objectName(): value})
        edit.mark_invalid(not ok)


def _first_clause(message: str) -> str:
    return message.split(" (")[0]
