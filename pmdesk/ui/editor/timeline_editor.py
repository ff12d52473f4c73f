"""The timeline editor: a chronological table, an entry line for new events, quiet checks below.

Times are typed as the clock showed them (14:22, 14:22:05 or a full ISO date-time)
in the zone picked next to the entry (UTC by default); the label beside it says
how the time was converted. Pasting lines that start with a time adds one event
per line as a single undo step.
"""

from __future__ import annotations

from functools import cache
from html import escape
from zoneinfo import available_timezones

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import TimelineEvent
from pmdesk.models.timeline_checks import check_timeline
from pmdesk.models.timeparse import ParsedTime, parse_pasted_lines
from pmdesk.ui.editor.blame_delegate import BlameTextDelegate
from pmdesk.ui.editor.fitted_table import FittedTableView
from pmdesk.ui.editor.list_commands import AddRecords, DeleteRecords, UpdateRecord, timeline_part
from pmdesk.ui.editor.session import EditorSession
from pmdesk.ui.editor.text_field import TextField
from pmdesk.ui.editor.timeline_model import EVENT, SOURCE, TIME, TimelineModel
from pmdesk.words import counted

#: offered first in the zone picker; any IANA name can be typed
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Helsinki",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
)
PASTED_SOURCE = "pasted"
#: events outside the incident's window named one by one below the table; the rest counted
OUTSIDE_SHOWN = 3
QUIET = "color: palette(placeholder-text);"
ERROR = "color: #c62828;"


@cache
def zone_names() -> list[str]:
    """Every time zone name the completer offers, read once per process."""
    return sorted(available_timezones() | {"UTC"})


class _AllZonesOnFocus(QObject):
    """Gives `completer` every zone name the first time `box` gets the keyboard focus."""

    def __init__(self, completer: QCompleter, box: QComboBox) -> None:
        super().__init__(box)
        self._completer = completer
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn:
            self._completer.model().setStringList(zone_names())
            watched.removeEventFilter(self)
        return False


class _EventEntry(TextField):
    """The text of a new event: Enter adds it, several pasted lines become several events."""

    submitted = Signal()
    lines_pasted = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        if sum(1 for line in text.splitlines() if line.strip()) > 1:
            self.lines_pasted.emit(text)
            return
        super().insertFromMimeData(source)


class TimelineEditor(QWidget):
    """Edits `session.pm.timeline`; every change is one command on the session's undo stack."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.part = timeline_part(session)
        self.model = TimelineModel(session, self)

        self.table = FittedTableView(self)
        self.table.setObjectName("timelineTable")
        self.table.setAccessibleName("Timeline")
        self.table.setModel(self.model)
        self.table.setItemDelegate(
            BlameTextDelegate(
                {EVENT}, lambda: session.pm.people(), self.table, findings=self.model.marks.findings
            )
        )
        self.table.one_line_columns = {TIME, SOURCE}
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TIME, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Fixed)
        self._size_columns()

        self.time_entry = QLineEdit(objectName="timelineTimeEntry", placeholderText="14:22")
        self.time_entry.setAccessibleName("Time of the new event")
        self.time_entry.setFixedWidth(self.fontMetrics().horizontalAdvance("2026-03-10 14:22:00"))
        self.text_entry = _EventEntry(
            "timelineTextEntry",
            placeholder="What happened? (Enter adds it; paste lines that start with a time)",
            single_line=True,
            people=lambda: session.pm.people(),
        )
        self.add_button = QPushButton("&Add", objectName="timelineAdd")
        self.add_button.setToolTip("Add the event (Ctrl+Enter)")
        self.zone = QComboBox(objectName="timelineZone", editable=True)
        self.zone.setAccessibleName("Time zone of typed times")
        self.zone.addItems(COMMON_ZONES)
        completer = QCompleter(COMMON_ZONES, self.zone)
        # every zone name, read from the time zone database (~10 ms) when the box is first
        # focused, not while the window opens its first postmortem
        self._all_zones = _AllZonesOnFocus(completer, self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        self.zone.setMinimumContentsLength(16)
        self.conversion = QLabel(objectName="timelineConversion")
        self.conversion.setStyleSheet(QUIET)
        self.insert_button = QPushButton("&Insert", objectName="timelineInsert")
        self.insert_button.setToolTip("Insert an event at the time of the selected one")
        self.delete_button = QPushButton("Delete", objectName="timelineDelete")
        self.delete_button.setToolTip("Delete the selected events (Del)")
        self.paste_button = QPushButton("Paste lines", objectName="timelinePaste")
        self.paste_button.setToolTip(
            "Add one event per line of the clipboard that starts with a time "
            "(e.g. “14:22 Alert fires”)"
        )
        self.note = QLabel(objectName="timelineNote", wordWrap=True)
        self.note.setStyleSheet(QUIET)
        self.warnings = QLabel(objectName="timelineWarnings", wordWrap=True)
        self.warnings.setStyleSheet(QUIET)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)

        entry = QGridLayout()
        entry.setContentsMargins(0, 4, 0, 0)
        entry.setHorizontalSpacing(6)
        entry.addWidget(self.time_entry, 0, 0)
        entry.addWidget(self.text_entry, 0, 1, 1, 2)
        entry.addWidget(self.add_button, 0, 3, Qt.AlignmentFlag.AlignTop)
        zone_row = QHBoxLayout()
        zone_label = QLabel("&Zone")
        zone_label.setBuddy(self.zone)
        zone_row.addWidget(zone_label)
        zone_row.addWidget(self.zone)
        zone_row.addWidget(self.conversion, 1)
        entry.addLayout(zone_row, 1, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.insert_button, self.delete_button, self.paste_button):
            buttons.addWidget(button)
        entry.addLayout(buttons, 1, 2, 1, 2)
        entry.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addLayout(entry)
        layout.addWidget(self.note)
        layout.addWidget(self.warnings)

        self.add_button.clicked.connect(self.add_from_entry)
        self.text_entry.submitted.connect(self.add_from_entry)
        self.text_entry.lines_pasted.connect(self.paste_lines)
        self.time_entry.returnPressed.connect(lambda: self.text_entry.setFocus())
        self.time_entry.textEdited.connect(self._preview_time)
        self.insert_button.clicked.connect(self.insert_at_selection)
        self.delete_button.clicked.connect(self.delete_selected)
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.table.delete_requested.connect(self.delete_selected)
        self.table.paste_requested.connect(self.paste_clipboard)
        self.zone.currentTextChanged.connect(self._zone_changed)
        self.model.edit_requested.connect(self._edit_requested)
        self.model.time_read.connect(self._show_time_read)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.add_from_entry)
        session.part_changed.connect(self._part_changed)
        self._update_buttons()
        self._show_warnings()
        self._say("")

    # --- adding ----------------------------------------------------------------------

    def add_from_entry(self) -> bool:
        """Add the event typed in the entry line; False (with the reason shown) if it cannot be."""
        text = " ".join(self.text_entry.text().split())
        if not self.time_entry.text().strip():
            self._say("Type the time of the event first, e.g. 14:22.", error=True)
            self.time_entry.setFocus()
            return False
        if not text:
            self._say("Type what happened at that time.", error=True)
            self.text_entry.setFocus()
            return False
        parsed = self.model.parse_time(self.time_entry.text())
        if parsed is None:
            self.time_entry.setFocus()
            return False
        self._push_add([TimelineEvent(at=parsed.at, text=text)], "Add timeline event")
        self.text_entry.set_text("")
        self.time_entry.clear()
        self.time_entry.setFocus()
        self._say("")
        return True

    def insert_at_selection(self) -> None:
        """A new event at the selected event's time, right after it, ready to type."""
        rows = self.table.selected_rows()
        if not rows:
            self.time_entry.setFocus()
            return
        at = self.model.rows[rows[-1]].at
        row = self._push_add([TimelineEvent(at=at, text="")], "Insert timeline event")
        if row is not None:
            self.table.edit(self.model.index(row, EVENT))

    def paste_clipboard(self) -> None:
        self.paste_lines(QGuiApplication.clipboard().text())

    def paste_lines(self, text: str) -> int:
        """One event per line that starts with a time, as one undo step; returns how many."""
        pm = self.session.pm
        pasted = parse_pasted_lines(
            text,
            zone_name=self.model.zone_name,
            incident_date=pm.incident_date,
            started_at=pm.started_at,
            ended_at=pm.ended_at,
        )
        skipped = (
            _lines(pasted.skipped, "line")
            + " without a time "
            + ("was" if pasted.skipped == 1 else "were")
        )
        if not pasted.events:
            self._say(
                "Nothing to add: no line starts with a time (e.g. “14:22 Alert fires”)"
                + (f"; {skipped} skipped." if pasted.skipped else "."),
                error=True,
            )
            return 0
        events = [TimelineEvent(at=at, text=t, source=PASTED_SOURCE) for at, t in pasted.events]
        self._push_add(events, f"Paste {_lines(len(events), 'timeline event')}")
        note = f"Added {_lines(len(events), 'event')} from the pasted lines"
        self._say(note + (f"; {skipped} skipped." if pasted.skipped else "."))
        return len(events)

    def _push_add(self, events: list[TimelineEvent], label: str) -> int | None:
        command = AddRecords(self.session, self.model, self.part, events, text=label)
        self.session.push(command)
        if command.isObsolete() or not command.records or command.records[0].id is None:
            return None
        rows = [self.model.row_of(e.id) for e in command.records]
        self.table.clearSelection()
        self.focus_row(rows[0])
        return rows[0]

    # --- changing and deleting -------------------------------------------------------

    def delete_selected(self) -> None:
        rows = self.table.selected_rows()
        if not rows:
            return
        label = "Delete timeline event" if len(rows) == 1 else f"Delete {len(rows)} timeline events"
        self.session.push(DeleteRecords(self.session, self.model, self.part, rows, text=label))
        if self.model.rows:
            self.focus_row(min(rows[0], len(self.model.rows) - 1))

    def _edit_requested(self, row: int, after: TimelineEvent) -> None:
        before = self.model.rows[row]
        label = "Change event time" if after.at != before.at else "Edit timeline event"
        self.session.push(UpdateRecord(self.session, self.model, self.part, before, after, label))
        self.focus_row(self.model.row_of(after.id))

    # --- showing ---------------------------------------------------------------------

    def focus_row(self, row: int) -> None:
        """Select an event (by its index in the timeline) and bring it into view."""
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, EVENT)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _part_changed(self, part: str) -> None:
        if part == "timeline":
            self.model.sync()
        elif part in ("started_at", "ended_at", "incident_date"):
            self.model.update_time_format()
        elif part in ("authors", "action_items"):
            self.model.refresh_column(EVENT)  # the names the linter knows changed
        else:
            return
        self._size_columns()
        self._show_warnings()

    def _show_warnings(self) -> None:
        pm = self.session.pm
        found = check_timeline(self.model.rows, pm.started_at, pm.ended_at)
        # A handful of events outside the window, then a count: a wrapped label of a hundred
        # lines is no help to read, and measuring it took ~30 ms of opening a long timeline.
        # The missing milestones always show; the tooltip lists every event.
        outside = [w for w in found if w.kind != "missing-milestone"]
        lines = [w.message for w in outside[:OUTSIDE_SHOWN]]
        if len(outside) > OUTSIDE_SHOWN:
            more = len(outside) - OUTSIDE_SHOWN
            lines.append(
                f"… and {counted(more, 'more event')} outside the incident's start and end"
            )
        lines += [w.message for w in found if w not in outside]
        self.warnings.setText("<br>".join(f"ⓘ {escape(line)}" for line in lines))
        self.warnings.setToolTip(
            "<br>".join(escape(w.message) for w in outside) if len(outside) > OUTSIDE_SHOWN else ""
        )
        self.warnings.setVisible(bool(found))

    def _size_columns(self) -> None:
        sample = self.model.format_time(self.model.rows[0].at) if self.model.rows else "00:00:00"
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(TIME, metrics.horizontalAdvance(sample) + 48)
        self.table.setColumnWidth(SOURCE, metrics.horizontalAdvance("alertmanager") + 28)

    def _zone_changed(self, name: str) -> None:
        self.model.set_zone(name.strip() or "UTC")
        self._preview_time(self.time_entry.text())

    def _preview_time(self, text: str) -> None:
        if text.strip():
            self.model.parse_time(text, quiet=True)
        else:
            self.conversion.clear()

    def _show_time_read(self, result: ParsedTime | str) -> None:
        if isinstance(result, str):
            self.conversion.setStyleSheet(ERROR)
            self.conversion.setText(result)
        else:
            self.conversion.setStyleSheet(QUIET)
            self.conversion.setText(result.describe())

    def _update_buttons(self) -> None:
        has_selection = bool(self.table.selected_rows())
        self.insert_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.note.setStyleSheet(ERROR if error else QUIET)
        self.note.setText(text)
        self.note.setVisible(bool(text))


def _lines(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
