"""Action items across postmortems as a Qt table model (rows computed by pmdesk.models.followup)."""

from __future__ import annotations

from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from pmdesk.models.followup import NO_OWNER, ActionRow
from pmdesk.ui import colours

_Index = QModelIndex | QPersistentModelIndex

PRIORITY_COLOURS = {
    "high": QColor("#b3261e"),
    "medium": QColor("#9a5b00"),
    "low": QColor("#46607a"),
}
LATE_COLOUR = QColor("#b3261e")


class ActionTableModel(QAbstractTableModel):
    """Rows of ActionRow; the action item's id in Qt.UserRole."""

    COLUMNS = ("Days overdue", "Action", "Owner", "Priority", "Due", "Status", "Postmortem")
    LATE, ACTION, OWNER, PRIORITY, DUE, STATUS, POSTMORTEM = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ActionRow] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        item = row.item
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.PRIORITY:
                return colours.on_base(PRIORITY_COLOURS[item.priority.value])
            if column == self.LATE and row.overdue:
                return colours.on_base(LATE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == self.LATE and row.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.ACTION, self.POSTMORTEM):
            tip = f"{item.action}\n\nfrom: {row.record.postmortem_title}"
            tip += f"\n{item.tracker_url}" if item.tracker_url else ""
            return QtGui.Qt.convertFromPlainText(tip)  # user text, never markup
        return None

    def _text(self, row: ActionRow, column: int) -> str:
        item = row.item
        if column == self.LATE:
            return f"{row.days_overdue} d" if row.overdue else "—"
        if column == self.ACTION:
            return item.action
        if column == self.OWNER:
            return item.owner or NO_OWNER
        if column == self.PRIORITY:
            return item.priority.label
        if column == self.DUE:
            return item.due_date.isoformat() if item.due_date else "no date"
        if column == self.STATUS:
            return item.status.label
        return f"#{row.record.postmortem_id} {row.record.postmortem_title}"

    # --- changes ---------------------------------------------------------------------

    def set_rows(self, rows: list[ActionRow]) -> None:
        """A new list (new filters or a refresh from the store): the whole table changes."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ActionRow]:
        return list(self._rows)

    def row_of(self, action_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.item.id == action_id), -1)

    def remove_action(self, action_id: int) -> None:
        """One item left the list (marked done): remove exactly its row."""
        row = self.row_of(action_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
