"""The action items as a table: action, owner, priority, due date, status, completed on, link.

An open item past its due date is overdue: its row is tinted and says by how
many days. Marking an item done sets "completed on" to today; reopening it
clears that date, because an open item cannot have one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QColor

from pmdesk.errors import PmdeskError
from pmdesk.models import ActionItem, ActionStatus, Priority, parse_date
from pmdesk.ui import colours
from pmdesk.ui.editor import blame_marks
from pmdesk.ui.editor.record_model import Index, RecordTableModel
from pmdesk.ui.editor.session import EditorSession

ACTION, OWNER, PRIORITY, DUE, STATUS, COMPLETED, TRACKER = range(7)
#: what the proxy sorts by, so dates sort as dates and priorities by rank
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: hues; the colours shown are derived from the palette (pmdesk.ui.colours)
OVERDUE = QColor("#c62828")
LINK = QColor("#1f5fa8")
_STATUS_ORDER = {ActionStatus.OPEN: 0, ActionStatus.IN_PROGRESS: 1, ActionStatus.DONE: 2}


def overdue_text(days: int) -> str:
    return f"Overdue by {days} day" + ("" if days == 1 else "s")


class ActionsModel(RecordTableModel):
    part = "action_items"
    headers = ("Action", "Owner", "Priority", "Due", "Status", "Completed", "Tracker link")

    def __init__(
        self,
        session: EditorSession,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(session, parent)
        self.today = today
        self.marks = self.watch_findings(
            ACTION, lambda item: item.action, check=blame_marks.action_cell_check
        )

    # --- showing ---------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item: ActionItem = self.rows[index.row()]
        column = index.column()
        overdue = item.days_overdue(self.today())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(item, column)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return colours.tinted(OVERDUE, colours.app_palette().base().color())
        if role == Qt.ItemDataRole.ForegroundRole:
            base = colours.app_palette().base().color()
            under = colours.tinted(OVERDUE, base) if overdue else base
            if overdue and column == DUE:
                return colours.readable(OVERDUE, under)
            if column == TRACKER:
                return colours.readable(LINK, under)
            if overdue:
                return colours.app_palette().text().color()
        if role == Qt.ItemDataRole.DecorationRole and column == ACTION:
            return blame_marks.marker(self._findings(item))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column, overdue)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        item: ActionItem = self.rows[index.row()]
        if index.column() == COMPLETED and item.status is not ActionStatus.DONE:
            return base  # only a done item has a completion date
        return base | Qt.ItemFlag.ItemIsEditable

    def _display(self, item: ActionItem, column: int) -> str:
        if column == ACTION:
            return item.action
        if column == OWNER:
            return item.owner
        if column == PRIORITY:
            return item.priority.label
        if column == DUE:
            return item.due_date.isoformat() if item.due_date else "—"
        if column == STATUS:
            return item.status.label
        if column == COMPLETED:
            return item.completed_on.isoformat() if item.completed_on else ""
        # the scheme is noise in a narrow column; the tooltip and the editor show it whole
        return item.tracker_url.removeprefix("https://").removeprefix("http://")

    def _edit_value(self, item: ActionItem, column: int) -> Any:
        if column == PRIORITY:
            return item.priority.value
        if column == TRACKER:
            return item.tracker_url
        if column == STATUS:
            return item.status.value
        if column in (DUE, COMPLETED):
            value = item.due_date if column == DUE else item.completed_on
            return QDate(value.year, value.month, value.day) if value else None
        return self._display(item, column)

    def _sort_key(self, item: ActionItem, column: int) -> Any:
        if column == PRIORITY:
            return -item.priority.rank  # ascending puts high first
        if column == STATUS:
            return _STATUS_ORDER[item.status]
        if column in (DUE, COMPLETED):
            value = item.due_date if column == DUE else item.completed_on
            return value.isoformat() if value else "9999-12-31"  # no date sorts last
        return self._display(item, column).casefold()

    def _findings(self, item: ActionItem) -> list:
        return self.marks.findings(item.action, self.session.pm.people())

    def _tooltip(self, item: ActionItem, column: int, overdue: int) -> str | None:
        parts = []
        if overdue:
            parts.append(f"<b>{overdue_text(overdue)}</b> (due {item.due_date})")
        if column == ACTION:
            found = self._findings(item)
            if found:
                parts.append(blame_marks.tooltip(found, item.action))
        elif column == TRACKER and item.tracker_url:
            parts.append(escape(item.tracker_url))
        return "<br>".join(parts) or None

    # --- editing ---------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        before: ActionItem = self.rows[index.row()]
        try:
            after = self.changed(before, index.column(), value)
        except PmdeskError as exc:
            self.session.problem.emit(str(exc))
            return False
        if after != before:
            self.edit_requested.emit(index.row(), after)
        return True

    def changed(self, item: ActionItem, column: int, value: Any) -> ActionItem:
        """The item with one cell set to `value` (and what that implies for completion)."""
        if column == ACTION:
            return dataclasses.replace(item, action=str(value).strip())
        if column == OWNER:
            return dataclasses.replace(item, owner=" ".join(str(value).split()))
        if column == PRIORITY:
            return dataclasses.replace(item, priority=Priority(value))
        if column == DUE:
            return dataclasses.replace(item, due_date=_date(value))
        if column == STATUS:
            status = ActionStatus(value)
            if status is ActionStatus.DONE:
                completed = item.completed_on or self.today()
            else:
                completed = None  # reopened: an open item has no completion date
            return dataclasses.replace(item, status=status, completed_on=completed)
        if column == COMPLETED:
            return dataclasses.replace(item, completed_on=_date(value) or self.today())
        return dataclasses.replace(item, tracker_url=str(value).strip())

    def refresh_overdue(self) -> None:
        """Repaint every row (the day changed, or the names the linter knows)."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, TRACKER))


def _date(value: Any) -> date | None:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None  # type: ignore[return-value]
    return parse_date(value or None)
