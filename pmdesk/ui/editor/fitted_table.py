"""A table that grows with its rows instead of scrolling, for tables inside the scrolling page.

A scroll area inside a scroll area traps the mouse wheel; the editor page
scrolls as a whole, so its tables show every row at its wrapped height.
Del asks to delete the selected rows and Ctrl+V asks to paste, as signals,
so the editor turns them into undoable commands.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)


class FittedTableView(QTableView):
    delete_requested = Signal()
    paste_requested = Signal()
    #: Ctrl+Up (-1) or Ctrl+Down (+1) on a list whose order is the user's (`moves_rows`)
    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, min_rows: int = 2) -> None:
        super().__init__(parent)
        self._min_rows = min_rows
        self.moves_rows = False
        #: a column that takes the width the others leave, but never less than stretch_min;
        #: below that the table scrolls sideways instead of squeezing the text to nothing
        self.stretch_column: int | None = None
        self.stretch_min = 240
        #: columns that step aside, first to last, when the stretch column would fall below
        #: stretch_min (and come back when there is room), so a narrow window does not scroll
        #: sideways; what they hold stays in the row's other views (tooltips, the store)
        self.optional_columns: list[int] = []
        self._stepped_aside: dict[int, int] = {}  # hidden optional column -> its width
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().hide()
        # Rows are measured by fit_height: once per burst of changes and once per width. A
        # header in ResizeToContents mode measured every row again on each layout pass, four
        # times while a 120-event timeline opened (~50 ms of the open).
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        #: rows whose cells changed since the last fit; None: every row (rows came or went)
        self._changed_rows: set[int] | None = None
        # Refit once per burst of changes (a paste of 50 lines is one refit, not 50).
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.fit_height)
        # A column's width can change without the table's (the editor sizes its columns after
        # the model is set; the stretch column takes what the others leave): wrapped rows
        # measured at the old width would keep its height, three lines of empty row at 1920.
        self.horizontalHeader().sectionResized.connect(self._refit_all)
        #: a fit asked while the table was hidden, left for when it shows
        self._fit_when_shown = False
        #: while set, a new width does not measure the rows at once: the caller is laying the
        #: page out, the width changes several times on the way, and it calls fit_if_held
        #: once it has settled (120 rows measured once instead of three or four times)
        self.held = False
        #: columns whose cells are one line whatever their width (a time, a source): a row's
        #: height is measured on its other cells, and on one of these once per fit
        self.one_line_columns: set[int] = set()
        self._one_line_height: int | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        if model is None:
            return
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.rowsMoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self._refit_all)
        model.dataChanged.connect(self._refit_rows)
        self._changed_rows = None
        if self.isVisible():  # else its first resize, at its real width, fits it
            self.fit_height()

    def _refit_all(self) -> None:
        self._changed_rows = None
        self._refit.start()

    def _refit_rows(self, top: QModelIndex, bottom: QModelIndex) -> None:
        if self._changed_rows is not None:
            self._changed_rows.update(range(top.row(), bottom.row() + 1))
        self._refit.start()

    def fit_height(self) -> None:
        """Rows as tall as their wrapped cells (those changed since the last fit, when only
        some cells changed), and the table as tall as its rows."""
        self._refit.stop()
        if not self.isVisible() or self.held:
            # (an editor built before it is shown: rows measured at a width they will not
            # have; its first resize, or its showing, measures them; held: see `held`)
            self._fit_when_shown = True
            return
        self._fit_when_shown = False
        changed, self._changed_rows = self._changed_rows, set()
        self._one_line_height = None
        if changed is None:
            self.resizeRowsToContents()
        else:
            for row in sorted(changed):
                self.resizeRowToContents(row)
        self._fit_to_rows()

    def fit_in_parts(self, rows: int) -> Iterator[None]:
        """Measure the rows a held table has to measure (see `held`), `rows` of them per step
        of this generator, then (in the step after the last) take their height, as
        fit_if_held does at once. Rows not measured yet when the steps stop are left to the
        next fit, and so is whatever changes meanwhile (a width, a cell).

        For an editor laid out before its first paint: a 120-event timeline took ~25 ms to
        measure here, too long for one turn of the event loop beside the rest of the layout."""
        if not self.isVisible() or not self._has_rows_to_fit():
            return
        self.fit_stretch_column()
        self._refit.stop()
        self._fit_when_shown = False
        model = self.model()
        count = model.rowCount() if model is not None else 0
        left = set(range(count)) if self._changed_rows is None else self._changed_rows
        todo, self._changed_rows = sorted(left), left
        self._one_line_height = None
        for start in range(0, len(todo), rows):
            part = [row for row in todo[start : start + rows] if row < count]
            for row in part:
                self.resizeRowToContents(row)
            self._changed_rows.difference_update(part)
            yield
            if self._changed_rows is None:  # rows came or went, or a new width: all again
                return
            count = model.rowCount() if model is not None else 0
        self._fit_to_rows()

    def _has_rows_to_fit(self) -> bool:
        return bool(
            self._fit_when_shown
            or self._changed_rows is None
            or self._changed_rows
            or self._refit.isActive()
        )

    def _fit_to_rows(self) -> None:
        """The table as tall as its rows."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = sum(self.rowHeight(r) for r in range(rows))
        if rows < self._min_rows:
            height += (self._min_rows - rows) * self.verticalHeader().defaultSectionSize()
        frame = 2 * self.frameWidth()
        if self.horizontalHeader().length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height + self.horizontalHeader().height() + frame + 2)

    def sizeHintForRow(self, row: int) -> int:  # noqa: N802 - Qt's name
        """As Qt measures a row (the tallest of its cells at their column's width), skipping
        the cells of one_line_columns but one: a third of the work on a 120-event timeline."""
        model = self.model()
        if not self.one_line_columns or model is None or row < 0 or row >= model.rowCount():
            return super().sizeHintForRow(row)
        header = self.horizontalHeader()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        if self._one_line_height is None:
            self._one_line_height = max(
                (self._cell_height(option, row, c) for c in sorted(self.one_line_columns)),
                default=0,
            )
        hint = self._one_line_height
        for column in range(model.columnCount()):
            if column in self.one_line_columns or header.isSectionHidden(column):
                continue
            hint = max(hint, self._cell_height(option, row, column))
        return hint

    def _cell_height(self, option: QStyleOptionViewItem, row: int, column: int) -> int:
        index = self.model().index(row, column)
        # (as Qt's own: a text wraps at the column's width only in a valid rectangle)
        option.rect = QRect(0, 0, self.columnWidth(column), max(1, self.rowHeight(row)))
        return self.itemDelegateForIndex(index).sizeHint(option, index).height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self.fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_stretch_column()
        if event.size().width() != event.oldSize().width():
            # wrapped rows change height with the width; measured now, so that the paint
            # that follows (the first one too) shows them at their height
            self._changed_rows = None
            self.fit_height()

    def fit_if_held(self) -> bool:
        """Stop holding; measure the rows if a width came meanwhile. True if it measured."""
        self.held = False
        if not self._has_rows_to_fit():
            return False
        self.fit_stretch_column()
        self.fit_height()
        return True

    def fit_stretch_column(self) -> None:
        column = self.stretch_column
        header = self.horizontalHeader()
        if column is None or self.model() is None:
            return

        def available() -> int:
            others = sum(
                header.sectionSize(c)
                for c in range(header.count())
                if c != column and not header.isSectionHidden(c)
            )
            return self.viewport().width() - others

        # make room: hide optional columns until the stretch column fits; bring them back,
        # last hidden first, while it still fits with them
        for c in self.optional_columns:
            if available() >= self.stretch_min:
                break
            if not header.isSectionHidden(c):
                self._stepped_aside[c] = header.sectionSize(c)
                header.setSectionHidden(c, True)
        for c in reversed(self.optional_columns):
            if c not in self._stepped_aside:
                continue
            if available() - self._stepped_aside[c] < self.stretch_min:
                break
            header.setSectionHidden(c, False)
            header.resizeSection(c, self._stepped_aside.pop(c))
        header.resizeSection(column, max(self.stretch_min, available()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.delete_requested.emit()
            return
        ctrl = event.modifiers() == Qt.KeyboardModifier.ControlModifier
        if self.moves_rows and ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            return
        super().keyPressEvent(event)

    def selected_rows(self) -> list[int]:
        """Rows of the model this view shows (map them through a proxy yourself)."""
        selection = self.selectionModel()
        if selection is None:
            return []
        return sorted({i.row() for i in selection.selectedRows()})
