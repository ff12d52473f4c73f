"""The review window's table: every replacement the public version makes, one row per text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from pmdesk.share.redact import Replacement

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Replace", "Kind", "Found", "Becomes", "Times")


class ReplacementModel(QAbstractTableModel):
    """Rows of `Replacement`; the check box in the first column accepts or rejects one."""

    #: request: the facilitator wants `original` published as written (False) or replaced (True)
    accept_requested = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Replacement] = []

    def set_rows(self, rows: list[Replacement]) -> None:
        """Show `rows`; when only their state changed, say which cells, not 'everything'."""
        same = [(r.kind, r.original) for r in rows] == [(r.kind, r.original) for r in self.rows]
        if same and rows:
            self.rows = rows
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, last))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if row.accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                None,
                row.kind.label + (" (added)" if row.added else ""),
                row.original,
                row.placeholder if row.accepted else "kept as written",
                str(len(row.occurrences)),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return "\n".join(f"{o.label}: {o.context}" for o in row.occurrences[:6])
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        accepted = Qt.CheckState(value) == Qt.CheckState.Checked
        row = self.rows[index.row()]
        row.accepted = accepted
        self.dataChanged.emit(index, self.index(index.row(), len(COLUMNS) - 1))
        self.accept_requested.emit(row.original, accepted)
        return True
