"""The base of the editor's table models: one list of the postmortem, row by row.

The model keeps its own copy of the records and writes it back onto
`session.pm` after every change, so the rest of the window sees the same list.
Edits made in a view do not change the model directly: `setData` turns them
into `edit_requested(row, record_after)`, the editor wraps that in an undo
command, and the command calls `place`, `take`, `replace` or `move` here,
each with the exact insert/remove/move/dataChanged signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pmdesk.ui.editor.blame_marks import CellMarks
from pmdesk.ui.editor.session import EditorSession

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows are dataclass records with an `id`, from `session.pm.<part>`."""

    #: a view asked for a change: (row, the record as it should become)
    edit_requested = Signal(int, object)

    part = ""  # the Postmortem attribute this model shows: "timeline", "action_items" ...
    headers: tuple[str, ...] = ()

    def __init__(self, session: EditorSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Any] = list(getattr(session.pm, self.part))

    # --- Qt --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Any, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def watch_findings(self, column: int, text_of: Callable[[Any], str], **check: Any) -> CellMarks:
        """Blame findings for the texts of `column`, repainted when they arrive from the worker."""
        marks = CellMarks(lambda: [text_of(r) for r in self.rows], parent=self, **check)

        def repaint(texts: set[str] | None) -> None:
            rows = [
                r for r, record in enumerate(self.rows) if texts is None or text_of(record) in texts
            ]
            for first, last in _runs(rows):  # a view measures again only the rows it is told of
                self.dataChanged.emit(self.index(first, column), self.index(last, column))

        marks.changed.connect(repaint)
        return marks

    # --- what commands call ----------------------------------------------------------

    def row_of(self, record_id: int | None) -> int:
        for row, record in enumerate(self.rows):
            if record.id == record_id:
                return row
        raise KeyError(record_id)

    def position_for(self, record: Any, position: int | None) -> int:
        """Where a new record goes; the timeline overrides this to keep time order."""
        return len(self.rows) if position is None else max(0, min(position, len(self.rows)))

    def place(self, record: Any, position: int | None = None) -> int:
        row = self.position_for(record, position)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, record)
        self.endInsertRows()
        self._publish()
        return row

    def take(self, record_id: int | None) -> Any:
        row = self.row_of(record_id)
        self.beginRemoveRows(QModelIndex(), row, row)
        record = self.rows.pop(row)
        self.endRemoveRows()
        self._publish()
        return record

    def replace(self, record: Any) -> None:
        row = self.row_of(record.id)
        self.rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self._publish()

    def move(self, record_id: int | None, to_row: int) -> None:
        """Move a record so that it ends up at `to_row`."""
        row = self.row_of(record_id)
        if to_row == row:
            return
        # Qt wants the destination as "insert before this row" in the old numbering.
        destination = to_row + 1 if to_row > row else to_row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self.rows.insert(to_row, self.rows.pop(row))
        self.endMoveRows()
        self._publish()

    def ids(self) -> list[int]:
        return [r.id for r in self.rows]

    # --- keeping up with the session -------------------------------------------------

    def sync(self) -> bool:
        """Show `session.pm`'s list if it differs (changed elsewhere); True when it did."""
        fresh = list(getattr(self.session.pm, self.part))
        if fresh == self.rows:
            return False
        self.beginResetModel()
        self.rows = fresh
        self.endResetModel()
        return True

    def _publish(self) -> None:
        setattr(self.session.pm, self.part, list(self.rows))

    def refresh_column(self, column: int, roles: Sequence[int] = ()) -> None:
        """Repaint one column of every row (the time format changed, the date moved on)."""
        if self.rows:
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self.rows) - 1, column), list(roles)
            )


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
