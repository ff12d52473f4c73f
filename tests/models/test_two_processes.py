"""Two processes writing one store at once: no corruption, no lost saves."""

import subprocess
import sys

import pytest

from pmdesk.models import Postmortem, Store

WRITER = """
import sys
from pmdesk.models import Store, TimelineEvent
store = Store(sys.argv[1])
pm_id, name = int(sys.argv[2]), sys.argv[3]
for i in range(60):
    store.update(pm_id, **{name: f"{name} {i}"})
    store.add_event(pm_id, TimelineEvent(f"2026-01-01T10:{i:02d}:00Z", f"{name} event {i}"))
store.close()
"""


@pytest.mark.slow
def test_two_writer_processes_keep_every_saved_edit(tmp_path):
    db = tmp_path / "shared.db"
    with Store(db) as store:
        pm_id = store.create(Postmortem(title="shared")).id
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(pm_id), name])
        for name in ("went_well", "could_improve")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with Store(db) as store:
        pm = store.get(pm_id)
        assert store.integrity_check() == "ok"
    assert (pm.went_well, pm.could_improve) == ("went_well 59", "could_improve 59")
    assert len(pm.timeline) == 120
