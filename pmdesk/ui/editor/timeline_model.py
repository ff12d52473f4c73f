"""The timeline as a table: Time (UTC), Event, Source, always in time order.

Times read HH:MM:SS while the whole incident sits inside one UTC day and
gain their date as soon as anything crosses midnight. A typed time is read in
the zone the editor picked (UTC unless changed), so the cell being edited
shows the wall-clock time in that zone.
"""

from __future__ import annotations

import bisect
import dataclasses
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from pmdesk.errors import PmdeskError
from pmdesk.importers.times import zone as lookup_zone
from pmdesk.models import TimelineEvent
from pmdesk.models.timeparse import ParsedTime, parse_event_time
from pmdesk.ui.editor import blame_marks
from pmdesk.ui.editor.record_model import Index, RecordTableModel
from pmdesk.ui.editor.session import EditorSession

TIME, EVENT, SOURCE = range(3)


def _key(event: TimelineEvent) -> tuple[datetime, int]:
    # the store orders by (at, id); an event not stored yet goes last among its equals
    return event.at, event.id if event.id is not None else 1 << 62


class TimelineModel(RecordTableModel):
    part = "timeline"
    headers = ("Time (UTC)", "Event", "Source")

    #: a typed time was read (a ParsedTime) or refused (the message, a str)
    time_read = Signal(object)

    def __init__(self, session: EditorSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.rows.sort(key=_key)
        self.zone_name = "UTC"
        self.show_dates = self._needs_dates()
        self.marks = self.watch_findings(EVENT, lambda e: e.text)

    # --- showing ---------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event: TimelineEvent = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            # (asked of every cell as the rows are sized: only the time is formatted, and only
            # for its own column)
            if column == EVENT:
                return event.text
            if column != TIME:
                return event.source
            if role == Qt.ItemDataRole.DisplayRole:
                return self.format_time(event.at)
            return self.format_local(event.at)
        if column == EVENT and role in (
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            found = self.marks.findings(event.text, self.session.pm.people())
            if role == Qt.ItemDataRole.DecorationRole:
                return blame_marks.marker(found)
            return blame_marks.tooltip(found, event.text) if found else None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TIME:
            return f"{event.at:%Y-%m-%d %H:%M:%S} UTC"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # wrapped event texts make tall rows; every cell starts on the first line
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def format_time(self, at: datetime) -> str:
        return f"{at:%Y-%m-%d %H:%M:%S}" if self.show_dates else f"{at:%H:%M:%S}"

    def format_local(self, at: datetime) -> str:
        """The time as the user would type it in the picked zone."""
        try:
            local = at.astimezone(lookup_zone(self.zone_name))
        except PmdeskError:
            local = at
        return f"{local:%Y-%m-%d %H:%M:%S}" if self.show_dates else f"{local:%H:%M:%S}"

    # --- editing ---------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        before: TimelineEvent = self.rows[index.row()]
        column = index.column()
        if column == TIME:
            if str(value).strip() == self.format_local(before.at):
                return False
            parsed = self.parse_time(str(value))
            if parsed is None:
                return False
            after = dataclasses.replace(before, at=parsed.at)
        elif column == EVENT:
            after = dataclasses.replace(before, text=str(value).strip())
        else:
            after = dataclasses.replace(before, source=str(value).strip() or "manual")
        if after != before:
            self.edit_requested.emit(index.row(), after)
        return True

    def parse_time(self, text: str, *, quiet: bool = False) -> ParsedTime | None:
        """Read a typed time for this incident; a refusal is shown, not raised.

        `quiet` (a preview while typing) tells only the conversion label, not the session.
        """
        pm = self.session.pm
        try:
            parsed = parse_event_time(
                text,
                zone_name=self.zone_name,
                incident_date=pm.incident_date,
                started_at=pm.started_at,
                ended_at=pm.ended_at,
            )
        except PmdeskError as exc:
            self.time_read.emit(str(exc))
            if not quiet:
                self.session.problem.emit(str(exc))
            return None
        self.time_read.emit(parsed)
        return parsed

    def set_zone(self, name: str) -> None:
        self.zone_name = name

    # --- time order ------------------------------------------------------------------

    def position_for(self, record: Any, position: int | None) -> int:
        return bisect.bisect_right([_key(e) for e in self.rows], _key(record))

    def replace(self, record: Any) -> None:
        """Change an event; a new time moves its row to keep the table in time order."""
        row = self.row_of(record.id)
        others = self.rows[:row] + self.rows[row + 1 :]
        target = bisect.bisect_right([_key(e) for e in others], _key(record))
        if target != row:
            destination = target + 1 if target > row else target
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
            self.rows = others
            self.rows.insert(target, record)
            self.endMoveRows()
        else:
            self.rows[row] = record
        self.dataChanged.emit(self.index(target, 0), self.index(target, len(self.headers) - 1))
        self._publish()

    def sync(self) -> bool:
        fresh = sorted(self.session.pm.timeline, key=_key)
        if fresh == self.rows:
            return False
        self.beginResetModel()
        self.rows = fresh
        self.show_dates = self._needs_dates()
        self.endResetModel()
        return True

    def _publish(self) -> None:
        super()._publish()
        self.update_time_format()

    def update_time_format(self) -> None:
        """Dates appear (or go) when the incident starts or stops crossing midnight."""
        needs = self._needs_dates()
        if needs != self.show_dates:
            self.show_dates = needs
            self.refresh_column(TIME)

    def _needs_dates(self) -> bool:
        pm = self.session.pm
        moments = [e.at for e in self.rows] + [t for t in (pm.started_at, pm.ended_at) if t]
        return len({m.date() for m in moments}) > 1
