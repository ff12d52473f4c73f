"""The library: every postmortem in the store, with full-text search and filters."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Severity, Status, Store
from pmdesk.ui.library_model import LibraryModel

SEARCH_DELAY_MS = 150


class LibraryPanel(QWidget):
    """Search box, status and severity filters, and the table of postmortems."""

    #: the user picked a postmortem (its id), or cleared the selection (None)
    postmortem_selected = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.model = LibraryModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText="Search all postmortems  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search postmortems")
        self.status_filter = QComboBox(accessibleName="Filter by status")
        self.status_filter.addItem("Any status", None)
        for status in Status:
            self.status_filter.addItem(status.label, status.value)
        self.severity_filter = QComboBox(accessibleName="Filter by severity")
        self.severity_filter.addItem("Any severity", None)
        for severity in Severity:
            self.severity_filter.addItem(severity.value, severity.value)

        self.table = QTableView()
        self.table.setModel(self._proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the store's order
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        # whole titles, wrapped, however narrow the panel: a title cut to ten characters
        # does not tell two postmortems apart
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setShowGrid(False)
        self.table.setAccessibleName("Postmortems")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LibraryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (LibraryModel.DATE, LibraryModel.SEVERITY, LibraryModel.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.severity_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.severity_filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.refresh()

    def refresh(self) -> None:
        """Run the current search and filters again; keep the selection when it is still there."""
        keep = self.selected_id()
        rows = self._store.list_postmortems(
            status=self.status_filter.currentData(),
            severity=self.severity_filter.currentData(),
            search=self.search.text(),
        )
        self.model.set_rows(rows)
        total = len(rows)
        self.count_label.setText(f"{total} postmortem{'s' if total != 1 else ''}")
        if keep is not None and self.model.row_of(keep) is not None:
            self.select(keep)
        else:
            self.postmortem_selected.emit(self.selected_id())

    def selected_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.id_at(self._proxy.mapToSource(index).row())

    def select(self, pm_id: int) -> bool:
        row = self.model.row_of(pm_id)
        if row is None:
            return False
        index = self._proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self._proxy.rowCount():
            self.select(self.model.id_at(self._proxy.mapToSource(self._proxy.index(0, 0)).row()))

    def postmortem_changed(self, pm_id: int) -> None:
        """Repaint one row after its postmortem was edited."""
        self.model.update_row(self._store.summary(pm_id))

    def _on_current_changed(self, *_: object) -> None:
        self.postmortem_selected.emit(self.selected_id())
