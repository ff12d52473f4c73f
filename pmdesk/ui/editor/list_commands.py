"""Undo commands for the lists of a postmortem: timeline, factors, action items, Five Whys.

Every command holds the values before and after; `redo` and `undo` only call
the store and then the table model (which tells the views exactly what
changed). A record restored by undo carries its old id, and the store gives
that id back, so a later redo or undo finds it again. A store that refuses an
edit turns into the session's `problem` signal, and the list is re-read so
the screen never shows what the file does not hold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from pmdesk.ui.editor.record_model import RecordTableModel
from pmdesk.ui.editor.session import EditorSession


@dataclass(frozen=True)
class ListPart:
    """How one list of the postmortem is written to the store."""

    name: str
    add: Callable[[list[Any], list[int | None]], list[Any]]
    update: Callable[[Any], None]
    delete: Callable[[list[int]], None]
    #: the record as the store holds it now
    get: Callable[[int], Any]
    reorder: Callable[[list[int]], None] | None = None


def timeline_part(session: EditorSession) -> ListPart:
    store, pm_id = session.store, session.pm_id

    def delete(ids: list[int]) -> None:
        with store.transaction():
            for event_id in ids:
                store.delete_event(event_id)

    return ListPart(
        "timeline",
        add=lambda records, _positions: store.add_events(pm_id, records),
        update=store.update_event,
        delete=delete,
        get=store.get_event,
    )


def factors_part(session: EditorSession) -> ListPart:
    store, pm_id = session.store, session.pm_id
    return ListPart(
        "contributing_factors",
        add=_adder(session, lambda r, p: store.add_factor(pm_id, r, position=p)),
        update=store.update_factor,
        delete=_deleter(session, store.delete_factor),
        get=store.get_factor,
        reorder=lambda ids: store.reorder_factors(pm_id, ids),
    )


def actions_part(session: EditorSession) -> ListPart:
    store, pm_id = session.store, session.pm_id
    return ListPart(
        "action_items",
        add=_adder(session, lambda r, p: store.add_action(pm_id, r, position=p)),
        update=store.update_action,
        delete=_deleter(session, store.delete_action),
        get=store.get_action,
        reorder=lambda ids: store.reorder_actions(pm_id, ids),
    )


def _adder(
    session: EditorSession, add_one: Callable[[Any, int | None], Any]
) -> Callable[[list[Any], list[int | None]], list[Any]]:
    def add(records: list[Any], positions: list[int | None]) -> list[Any]:
        with session.store.transaction():
            return [add_one(r, p) for r, p in zip(records, positions, strict=True)]

    return add


def _deleter(
    session: EditorSession, delete_one: Callable[[int], None]
) -> Callable[[list[int]], None]:
    def delete(ids: list[int]) -> None:
        with session.store.transaction():
            for record_id in ids:
                delete_one(record_id)

    return delete


class ListCommand(QUndoCommand):
    """Shared plumbing: run a store call safely, then tell the window what changed."""

    def __init__(
        self, session: EditorSession, model: RecordTableModel, part: ListPart, text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.model = model
        self.part = part
        self._pushed = False

    def _write(self, action: Callable[[], Any]) -> bool:
        ok = self.session.run_safely(lambda: (action(), True)[1])
        if not ok:
            if not self._pushed:
                self.setObsolete(True)  # the first redo failed: keep nothing on the stack
            else:
                self._reload()
        self._pushed = True
        return bool(ok)

    def _reload(self) -> None:
        fresh = self.session.run_safely(lambda: self.session.store.get(self.session.pm_id))
        if fresh is not None:
            setattr(self.session.pm, self.part.name, getattr(fresh, self.part.name))
            self.model.sync()
            self.session.part_changed.emit(self.part.name)

    def _changed(self) -> None:
        self.session.part_changed.emit(self.part.name)


class AddRecords(ListCommand):
    """Add one or several records (a pasted block of timeline lines is one step)."""

    def __init__(
        self,
        session: EditorSession,
        model: RecordTableModel,
        part: ListPart,
        records: Sequence[Any],
        positions: Sequence[int | None] | None = None,
        text: str = "",
    ) -> None:
        noun = "item" if len(records) == 1 else f"{len(records)} items"
        super().__init__(session, model, part, text or f"Add {noun}")
        self.records = list(records)
        self.positions = list(positions) if positions is not None else [None] * len(records)

    def redo(self) -> None:
        added: list[Any] = []
        if self._write(lambda: added.extend(self.part.add(self.records, self.positions))):
            self.records = added  # with ids, so undo can delete and a later redo restore them
            for record, position in zip(added, self.positions, strict=True):
                self.model.place(record, position)
            self._changed()

    def undo(self) -> None:
        if self._write(lambda: self.part.delete([r.id for r in self.records])):
            for record in self.records:
                self.model.take(record.id)
            self._changed()


class DeleteRecords(ListCommand):
    """Delete the records in some rows; undo puts them back where they were, with their ids."""

    def __init__(
        self,
        session: EditorSession,
        model: RecordTableModel,
        part: ListPart,
        rows: Sequence[int],
        text: str = "",
    ) -> None:
        rows = sorted(set(rows))
        noun = "item" if len(rows) == 1 else f"{len(rows)} items"
        super().__init__(session, model, part, text or f"Delete {noun}")
        self.records = [model.rows[r] for r in rows]
        self.positions: list[int | None] = list(rows)

    def redo(self) -> None:
        if self._write(lambda: self.part.delete([r.id for r in self.records])):
            for record in self.records:
                self.model.take(record.id)
            self._changed()

    def undo(self) -> None:
        if self._write(lambda: self.part.add(self.records, self.positions)):
            for record, position in zip(self.records, self.positions, strict=True):
                self.model.place(record, position)
            self._changed()


class UpdateRecord(ListCommand):
    """One record changed (a text, a tick, a date): before and after."""

    def __init__(
        self,
        session: EditorSession,
        model: RecordTableModel,
        part: ListPart,
        before: Any,
        after: Any,
        text: str = "Edit item",
    ) -> None:
        super().__init__(session, model, part, text)
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, target: Any) -> None:
        # Only the fields this edit changed are written, onto what the store holds
        # now: a change made elsewhere meanwhile (Mark done in Follow-through,
        # another window) to other fields of the record survives the undo or redo.
        changed = {
            f.name: getattr(target, f.name)
            for f in dataclasses.fields(target)
            if getattr(self.before, f.name) != getattr(self.after, f.name)
        }

        written: list[Any] = []

        def write() -> None:
            with self.session.store.transaction():
                merged = dataclasses.replace(self.part.get(target.id), **changed)
                self.part.update(merged)
            written.append(merged)

        if self._write(write):
            self.model.replace(written[0])
            self._changed()


class MoveRecord(ListCommand):
    """Move one record up or down the list."""

    def __init__(
        self,
        session: EditorSession,
        model: RecordTableModel,
        part: ListPart,
        row: int,
        to_row: int,
        text: str = "Move item",
    ) -> None:
        super().__init__(session, model, part, text)
        self.record_id = model.rows[row].id
        self.row = row
        self.to_row = to_row
        self.before = model.ids()
        after = list(self.before)
        after.insert(to_row, after.pop(row))
        self.after = after

    def redo(self) -> None:
        self._apply(self.after, self.to_row)

    def undo(self) -> None:
        self._apply(self.before, self.row)

    def _apply(self, ids: list[int], row: int) -> None:
        reorder = self.part.reorder
        assert reorder is not None, f"{self.part.name} has no order of its own"
        if self._write(lambda: reorder(ids)):
            self.model.move(self.record_id, row)
            self._changed()
