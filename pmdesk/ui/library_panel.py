"""The library: every postmortem in the store, fetched as it scrolls, with search and filters."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
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

    def __init__(self, store: Store | None, parent: QWidget | None = None) -> None:
        """The library of `store`; with None, empty until `set_store` gives it one."""
        super().__init__(parent)
        #: True while the program, not the user, changes the selection (a refresh, a new
        #: postmortem selected): the window opens what the user picks in turns of its event
        #: loop, and what the program selects at once
        self.selecting_by_program = False
        self._store = store
        self.model = LibraryModel(self)

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
        self.table.setModel(self.model)
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
        # Widths from the widest value each column can hold, not from measuring every
        # row: a library of thousands would be measured on each search.
        metrics = self.table.fontMetrics()
        widest = {LibraryModel.DATE: "2026-12-31", LibraryModel.SEVERITY: "Sev.",
                  LibraryModel.STATUS: "In review"}  # fmt: skip
        for column, text in widest.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(text) + 24)
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")
        # room for a library of tens of thousands from the start: the panel's width does not
        # change when the count arrives (after the window's first paint) or changes
        self.count_label.setMinimumWidth(
            self.count_label.fontMetrics().horizontalAdvance("00000 postmortems")
        )
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

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

        self.filled = False
        if store is not None:
            self.refresh()

    def set_store(self, store: Store, *, refresh: bool = True) -> None:
        """Show the postmortems of `store` (the panel was made before the store was open);
        without `refresh`, not yet: the next refresh (or search) shows them."""
        self._store = store
        self.filled = False
        if refresh:
            self.refresh()

    def _filters(self) -> dict[str, str | None]:
        return {
            "status": self.status_filter.currentData(),
            "severity": self.severity_filter.currentData(),
            "search": self.search.text(),
        }

    def first_id(self) -> int | None:
        """The postmortem the list's first row shows (or will show at its next refresh)."""
        if self._store is None:
            return None
        sort, descending = self.model.sort_order()
        first = self._store.list_postmortems(
            **self._filters(), sort=sort, descending=descending, limit=1, snippets=False
        )
        return first[0].id if first else None

    def refresh(self) -> None:
        """Run the current search and filters again; keep the selection when it is still there."""
        if self._store is None:
            return  # not open yet: set_store refreshes
        keep = self.selected_id()
        filters = self._filters()
        store = self._store
        total = store.count_postmortems(**filters)

        def page(sort: str | None, descending: bool, limit: int, offset: int) -> list:
            return store.list_postmortems(
                **filters,
                sort=sort,
                descending=descending,
                limit=limit,
                offset=offset,
                snippets=False,  # made for the one row whose tooltip is shown
            )

        search = filters["search"]
        self.selecting_by_program = True
        try:
            self.model.set_query(page, total, lambda pm_id: store.search_snippet(search, pm_id))
        finally:
            self.selecting_by_program = False
        self.count_label.setText(f"{total} postmortem{'s' if total != 1 else ''}")
        #: the list shows the store (False after set_store(refresh=False), until a refresh)
        self.filled = True
        if keep is not None and self.model.row_of(keep) is not None:
            self.select(keep)
        else:
            self._emit_by_program()

    def _emit_by_program(self) -> None:
        self.selecting_by_program = True
        try:
            self.postmortem_selected.emit(self.selected_id())
        finally:
            self.selecting_by_program = False

    def selected_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.id_at(index.row())

    def select(self, pm_id: int) -> bool:
        """Select a postmortem's row, as the program (see selecting_by_program)."""
        row = self.model.row_of(pm_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.selecting_by_program = True
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self.selecting_by_program = False
        self.table.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self.model.rowCount():
            self.select(self.model.id_at(0))

    def postmortem_changed(self, pm_id: int) -> None:
        """Repaint one row after its postmortem was edited."""
        if self._store is not None:
            self.model.update_row(self._store.summary(pm_id))

    def _on_current_changed(self, *_: object) -> None:
        self.postmortem_selected.emit(self.selected_id())

    #: below this width the status column is hidden, so titles wrap over fewer lines (the
    #: status stays in the title's tooltip)
    NARROW = 380

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        # (the panel's own resize, not an event filter on the table: a filter can be called
        # while the panel is being destroyed, which crashes PySide)
        super().resizeEvent(event)
        narrow = event.size().width() < self.NARROW
        header = self.table.horizontalHeader()
        if header.isSectionHidden(LibraryModel.STATUS) != narrow:
            header.setSectionHidden(LibraryModel.STATUS, narrow)
