"""A long timeline import writes in short transactions, so another writer's saves get in between."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from pmdesk.importers import apply_import, read_timeline
from pmdesk.models import Postmortem, Store, TimelineEvent, open_store

ROWS = 30_000


def _csv(path, rows, offset=0):
    start = datetime(2026, 3, 10, 14, tzinfo=UTC)
    lines = ["time,text"]
    for i in range(offset, offset + rows):
        lines.append(f"{(start + timedelta(seconds=i)).strftime('%Y-%m-%dT%H:%M:%SZ')},step {i}")
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.slow
def test_saves_interleave_with_a_long_import_in_another_process(tmp_path):
    db = tmp_path / "s.db"
    with open_store(db) as store:
        pm = store.create(Postmortem("Long import"))
    events = tmp_path / "events.csv"
    _csv(events, ROWS)
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pmdesk",
            "--db",
            str(db),
            "import-timeline",
            str(pm.id),
            str(events),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    seen_during = set()
    saves = 0
    with Store(db) as editor:
        while child.poll() is None:
            editor.update(pm.id, what_happened=f"typed {saves}")  # the autosave path
            saves += 1
            count = len(editor.timeline_keys(pm.id))
            if 0 < count < ROWS:
                seen_during.add(count)
            # autosave comes after a pause in typing, never back to back: without a gap this
            # loop can take the lock again before the child's busy handler wakes, for 5 s
            time.sleep(0.005)
        assert child.wait(timeout=120) == 0, child.stderr.read()
        assert len(editor.get(pm.id).timeline) == ROWS
        assert editor.get(pm.id).what_happened == f"typed {saves - 1}"
        assert [r.id for r in editor.list_postmortems(search="step 29999")] == [pm.id]
    # one transaction would show 0 events, then all of them; batches show the middle
    assert len(seen_during) >= 2, "the import held the write lock from start to end"


def test_a_write_between_batches_is_not_duplicated(tmp_path):
    with open_store(tmp_path / "s.db") as store, Store(tmp_path / "s.db") as other:
        pm = store.create(Postmortem("Race"))
        _csv(tmp_path / "a.csv", 10)
        found = read_timeline(tmp_path / "a.csv").events
        real_add = store.add_events
        calls = []

        def add_then_other_window_writes(pm_id, batch, **kw):
            out = real_add(pm_id, batch, **kw)
            if not calls:  # after the first batch, another window adds event 7 itself
                calls.append(1)
                store.db.conn.execute("COMMIT")
                other.add_event(pm_id, TimelineEvent(at=found[7].at, text=found[7].text))
                store.db.conn.execute("BEGIN IMMEDIATE")
            return out

        store.add_events = add_then_other_window_writes
        result = apply_import(store, pm.id, found, chunk=3, hold_s=0, pause_s=0)
        assert len(result.added) == 9 and result.skipped == 1
        texts = [e.text for e in store.get(pm.id).timeline]
        assert sorted(texts) == sorted(e.text for e in found)
