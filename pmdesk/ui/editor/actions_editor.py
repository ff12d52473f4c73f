"""The action-items editor: a sortable table with proper editors for priority, dates and status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import ActionItem, ActionStatus, Priority
from pmdesk.ui.editor.actions_model import (
    ACTION,
    COMPLETED,
    DUE,
    OWNER,
    PRIORITY,
    SORT_ROLE,
    STATUS,
    TRACKER,
    ActionsModel,
    overdue_text,
)
from pmdesk.ui.editor.blame_delegate import BlameTextDelegate
from pmdesk.ui.editor.fitted_table import FittedTableView
from pmdesk.ui.editor.list_commands import AddRecords, DeleteRecords, UpdateRecord, actions_part
from pmdesk.ui.editor.session import EditorSession

#: the QDateEdit value that means "no date" (shown as —)
NO_DATE = QDate(2000, 1, 1)
QUIET = "color: palette(placeholder-text);"


class ActionsDelegate(BlameTextDelegate):
    """Combo boxes for priority and status, a calendar for dates; the action as a text field."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        column = index.column()
        if column in (PRIORITY, STATUS):
            combo = QComboBox(parent)
            for member in Priority if column == PRIORITY else ActionStatus:
                combo.addItem(member.label, member.value)
            # a choice made is a choice meant: commit at once instead of waiting for Enter
            combo.activated.connect(lambda: self._commit_and_close(combo))
            return combo
        if column in (DUE, COMPLETED):
            edit = QDateEdit(parent, calendarPopup=True)
            edit.setDisplayFormat("yyyy-MM-dd")
            if column == DUE:
                edit.setMinimumDate(NO_DATE)
                edit.setSpecialValueText("—")  # the first date stands for "no due date"
            return edit
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) else _default_date(editor))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDateEdit):
            picked = editor.date()
            model.setData(index, None if picked == editor.minimumDate() == NO_DATE else picked)
        else:
            super().setModelData(editor, model, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == TRACKER:  # a link reads best on one line, shortened in the middle
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)


class ActionsEditor(QWidget):
    """Edits `session.pm.action_items`; every change is one command on the undo stack."""

    def __init__(
        self,
        session: EditorSession,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.part = actions_part(session)
        self.model = ActionsModel(session, self, today=today)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.table = FittedTableView(self)
        self.table.setObjectName("actionsTable")
        self.table.setAccessibleName("Action items")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(
            ActionsDelegate(
                {ACTION},
                lambda: session.pm.people(),
                self.table,
                findings=self.model.marks.findings,
            )
        )
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the document's own order
        header.setSortIndicatorClearable(True)  # a third click goes back to it
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.stretch_column = ACTION
        # in a narrow window the tracker link and the completion date step aside first
        self.table.optional_columns = [TRACKER, COMPLETED]
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._size_columns()

        self.add_button = QPushButton("&Add action item", objectName="actionsAdd")
        self.delete_button = QPushButton("Delete", objectName="actionsDelete")
        self.delete_button.setToolTip("Delete the selected action items (Del)")
        self.summary = QLabel(objectName="actionsSummary", wordWrap=True)
        self.summary.setStyleSheet(QUIET)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.delete_requested.connect(self.delete_selected)
        self.model.edit_requested.connect(self._edit_requested)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        session.part_changed.connect(self._part_changed)
        self._update_buttons()
        self._show_summary()

    # --- editing ---------------------------------------------------------------------

    def add_item(self) -> None:
        """Append an empty action item and start typing its action."""
        command = AddRecords(
            self.session, self.model, self.part, [ActionItem(action="")], text="Add action item"
        )
        self.session.push(command)
        if command.isObsolete():
            return
        row = self.model.row_of(command.records[0].id)
        index = self.proxy.mapFromSource(self.model.index(row, ACTION))
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        label = "Delete action item" if len(rows) == 1 else f"Delete {len(rows)} action items"
        self.session.push(DeleteRecords(self.session, self.model, self.part, rows, text=label))

    def selected_rows(self) -> list[int]:
        """Selected rows in the model's (document) order, whatever the table is sorted by."""
        return sorted(
            self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in self.table.selected_rows()
        )

    def _edit_requested(self, row: int, after: ActionItem) -> None:
        before = self.model.rows[row]
        if after.status is not before.status:
            label = f"Mark action item {after.status.label.lower()}"
        else:
            label = "Edit action item"
        self.session.push(UpdateRecord(self.session, self.model, self.part, before, after, label))

    # --- showing ---------------------------------------------------------------------

    def focus_row(self, row: int) -> None:
        """Select an action item by its index in the document and bring it into view."""
        if 0 <= row < self.model.rowCount():
            index = self.proxy.mapFromSource(self.model.index(row, ACTION))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _part_changed(self, part: str) -> None:
        if part == "action_items":
            self.model.sync()
        elif part == "authors":
            self.model.refresh_overdue()  # the names the linter knows changed
        else:
            return
        self._show_summary()

    def _show_summary(self) -> None:
        today = self.model.today()
        items = self.model.rows
        done = sum(1 for i in items if i.status is ActionStatus.DONE)
        overdue = [i.days_overdue(today) for i in items if i.is_overdue(today)]
        parts = [f"{len(items)} action item{'' if len(items) == 1 else 's'}", f"{done} done"]
        if overdue:
            parts.append(f"{len(overdue)} overdue (most: {overdue_text(max(overdue)).lower()})")
        self.summary.setText(" · ".join(parts) if items else "No action items yet.")

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        pad = 28
        widths = {
            OWNER: metrics.horizontalAdvance("Luis Ferreira") + pad,
            PRIORITY: metrics.horizontalAdvance("Medium") + pad + 12,
            DUE: metrics.horizontalAdvance("2026-03-24") + pad + 12,
            STATUS: metrics.horizontalAdvance("In progress") + pad + 12,
            COMPLETED: metrics.horizontalAdvance("2026-03-24") + pad + 12,
            TRACKER: metrics.horizontalAdvance("example.com/PLAT-88") + pad,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(bool(self.table.selected_rows()))


def _default_date(editor: QDateEdit) -> QDate:
    """A date edit opened on "no date" starts at today, which is what people pick from."""
    del editor
    return QDate.currentDate()
