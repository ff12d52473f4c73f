"""The library of postmortems as a Qt table model: title, incident date, severity, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QFont, Qt

from pmdesk.models import PostmortemSummary

_Index = QModelIndex | QPersistentModelIndex

SEVERITY_COLOURS = {"P1": QColor("#b3261e"), "P2": QColor("#b86e00"), "P3": QColor("#46607a")}


class LibraryModel(QAbstractTableModel):
    """Rows of PostmortemSummary; ids in Qt.UserRole."""

    COLUMNS = ("Title", "Date", "Sev.", "Status")
    TITLE, DATE, SEVERITY, STATUS = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PostmortemSummary] = []

    # --- reading ---------------------------------------------------------------------

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
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                title = row.title or "Untitled postmortem"
                # a search shows why each postmortem matched, under its title
                return f"{title}\n{row.snippet}" if row.snippet else title
            if column == self.DATE:
                return row.incident_date.isoformat() if row.incident_date else ""
            if column == self.SEVERITY:
                return row.severity.value
            return row.status.label
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            tip = row.title
            if row.is_example:
                tip += "\n(an example that ships with pmdesk)"
            if row.snippet:
                tip += f"\n\n{row.snippet}"
            # Qt guesses whether a tooltip is HTML; a title with a tag in it must
            # show as typed, never as markup (or an image loaded from disk).
            return Qt.convertFromPlainText(tip)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SEVERITY:
            return SEVERITY_COLOURS.get(row.severity.value)
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE and row.is_example:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, pm_id: int) -> int | None:
        for i, summary in enumerate(self._rows):
            if summary.id == pm_id:
                return i
        return None

    # --- changing --------------------------------------------------------------------

    def set_rows(self, rows: list[PostmortemSummary]) -> None:
        """A new query result (search or filter): the whole list changes."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_row(self, summary: PostmortemSummary) -> None:
        """One postmortem changed (title, status ...): only its row repaints."""
        row = self.row_of(summary.id)
        if row is None:
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
