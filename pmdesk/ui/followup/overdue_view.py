"""Overdue action items across all postmortems, with owner and priority filters and "Mark done"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.models import ActionStatus, Priority, Store
from pmdesk.models.followup import mark_done, overdue_actions, reopen
from pmdesk.ui.followup.action_model import ActionTableModel
from pmdesk.ui.plain_text import warn

ALL = ""


def action_table(model: ActionTableModel) -> QTableView:
    """The table both the overdue list and the dashboard show action items in."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(ActionTableModel.ACTION, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class OverdueActionsView(QWidget):
    """The overdue list; "Mark done" records today as the completion date."""

    #: an action item was marked done (or undone) here: other views should refresh
    actions_changed = Signal()

    def __init__(
        self, store: Store, today: Callable[[], date] = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self._undo: list[tuple[int, ActionStatus]] = []

        self.owner_filter = QComboBox()
        self.owner_filter.setAccessibleName("Owner filter")
        self.owner_filter.setMinimumContentsLength(16)
        self.priority_filter = QComboBox()
        self.priority_filter.setAccessibleName("Priority filter")
        self.priority_filter.addItem("All priorities", ALL)
        for p in Priority:
            self.priority_filter.addItem(p.label, p.value)
        self.summary = QLabel()
        self.summary.setObjectName("overdueSummary")

        self.model = ActionTableModel(self)
        self.table = action_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.mark_done_button = QPushButton("Mark done")
        self.mark_done_button.setToolTip("Record the selected items as done today")
        self.mark_done_button.setEnabled(False)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Reopen the items last marked done")
        self.undo_button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Owner:"))
        filters.addWidget(self.owner_filter)
        filters.addSpacing(12)
        filters.addWidget(QLabel("Priority:"))
        filters.addWidget(self.priority_filter)
        filters.addStretch(1)
        filters.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.mark_done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.owner_filter.currentIndexChanged.connect(self.refresh)
        self.priority_filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _: self.mark_selected_done())
        self.mark_done_button.clicked.connect(self.mark_selected_done)
        self.undo_button.clicked.connect(self.undo_last)
        self.refresh()

    def refresh(self) -> None:
        """Read the store again and apply the filters."""
        records = self.store.actions()
        today = self.today()
        self._fill_owners(sorted({r.item.owner.strip() for r in records if r.item.owner.strip()}))
        rows = overdue_actions(
            records,
            today,
            owner=self.owner_filter.currentData() or None,
            priority=self.priority_filter.currentData() or None,
        )
        self.model.set_rows(rows)
        self._show_summary(len(overdue_actions(records, today)))
        self._selection_changed()

    def _show_summary(self, total: int) -> None:
        shown = self.model.rowCount()
        count = f"{shown} of {total}" if shown != total else f"{total}"
        self.summary.setText(f"{count} overdue as of {self.today():%a %d %b %Y}")

    def _fill_owners(self, owners: list[str]) -> None:
        current = self.owner_filter.currentData() or ALL
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem("All owners", ALL)
        seen: set[str] = set()
        for name in owners:
            if name.casefold() not in seen:
                seen.add(name.casefold())
                self.owner_filter.addItem(name, name)
        index = self.owner_filter.findData(current)
        self.owner_filter.setCurrentIndex(max(0, index))
        self.owner_filter.blockSignals(False)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.index(i.row(), 0).data(Qt.ItemDataRole.UserRole) for i in rows]

    def _selection_changed(self, *_: object) -> None:
        self.mark_done_button.setEnabled(bool(self.selected_ids()))
        self.undo_button.setEnabled(bool(self._undo))

    def mark_selected_done(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        today = self.today()
        undo: list[tuple[int, ActionStatus]] = []
        try:
            for action_id in ids:
                undo.append((action_id, self.store.get_action(action_id).status))
                mark_done(self.store, action_id, today)
                self.model.remove_action(action_id)
        except PmdeskError as exc:
            warn(self, "Cannot mark done", str(exc))
        self._undo = undo
        self._show_summary(len(overdue_actions(self.store.actions(), today)))
        self._after_change()

    def undo_last(self) -> None:
        try:
            for action_id, status in self._undo:
                if status is not ActionStatus.DONE:
                    reopen(self.store, action_id, status)
        except PmdeskError as exc:
            warn(self, "Cannot undo", str(exc))
        self._undo = []
        self.refresh()
        self._after_change()

    def _after_change(self) -> None:
        self._selection_changed()
        self.actions_changed.emit()
