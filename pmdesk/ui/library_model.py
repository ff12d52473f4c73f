"""The library of postmortems as a lazy Qt table model: title, incident date, severity, status.

A store may hold ten thousand postmortems; the model holds the rows fetched so
far and asks the store for the next page as the view scrolls (Qt's
canFetchMore/fetchMore). Sorting by a column is a new query, not a sort of the
rows in memory, so the order is right for the whole library.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QFont, Qt

from pmdesk.models import PostmortemSummary

_Index = QModelIndex | QPersistentModelIndex

#: rows fetched per page: two screens of the list at 1080 pixels (each row is sized to its
#: text as it arrives, so the first page is laid out before the first paint)
PAGE_SIZE = 60

#: fetches a page: (sort column name or None, descending, limit, offset) -> rows
PageQuery = Callable[[str | None, bool, int, int], list[PostmortemSummary]]

SEVERITY_COLOURS = {"P1": QColor("#b3261e"), "P2": QColor("#b86e00"), "P3": QColor("#46607a")}


class LibraryModel(QAbstractTableModel):
    """Rows of PostmortemSummary; ids in Qt.UserRole."""

    COLUMNS = ("Title", "Date", "Sev.", "Status")
    TITLE, DATE, SEVERITY, STATUS = range(4)
    SORT_KEYS = ("title", "date", "severity", "status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PostmortemSummary] = []
        self._query: PageQuery = lambda *_: []
        self._total = 0
        self._sort: str | None = None
        self._descending = False
        self._snippet: Callable[[int], str] | None = None

    @property
    def total(self) -> int:
        """Rows in the whole result, fetched or not."""
        return self._total

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
            # (the status column steps aside in a narrow panel: the tooltip keeps it)
            tip += f"\n{row.severity.value} · {row.status.label}"
            if row.is_example:
                tip += "\n(an example that ships with pmdesk)"
            snippet = row.snippet or (self._snippet(row.id) if self._snippet else "")
            if snippet:
                tip += f"\n\n{snippet}"
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

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._query(self._sort, self._descending, PAGE_SIZE, len(self._rows))
        if not page:
            self._total = len(self._rows)  # the store shrank since it was counted
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort_order(self) -> tuple[str | None, bool]:
        """The column name the rows are sorted by (None: the store's own order), and whether
        descending."""
        return self._sort, self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the whole library by a column (-1: the store's own order)."""
        sort = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = sort, descending
        self.set_query(self._query, self._total, self._snippet)

    def row_of(self, pm_id: int) -> int | None:
        for i, summary in enumerate(self._rows):
            if summary.id == pm_id:
                return i
        return None

    # --- changing --------------------------------------------------------------------

    def set_query(
        self, query: PageQuery, total: int, snippet: Callable[[int], str] | None = None
    ) -> None:
        """A new search or filter (`total` rows match): show its first page.

        `snippet(id)` gives the matching passage of a row, asked for when its tooltip shows.
        """
        self.beginResetModel()
        self._query, self._total = query, total
        self._snippet = snippet
        self._rows = query(self._sort, self._descending, PAGE_SIZE, 0) if total else []
        self.endResetModel()

    def update_row(self, summary: PostmortemSummary) -> None:
        """One postmortem changed (title, status ...): only its row repaints."""
        row = self.row_of(summary.id)
        if row is None:
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
