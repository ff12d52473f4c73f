"""Opening a store: what the full integrity check and the hand-edit checks cost.

Run: .venv/bin/python benchmarks/store_open.py [POSTMORTEMS]
Builds a store of POSTMORTEMS (default 2000) example-sized postmortems, then
times, on the same file and in the same run: the floor (a bare read-only
connection reading the header), quick_check (what pmdesk ran before),
integrity_check, and pmdesk's whole inspection (integrity + schema + values).
Prints the figures; asserts nothing (tests do not time things).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from pmdesk.models import Store, load_example
from pmdesk.models.store_health import first_bad_value, inspect_file


def _best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        example = load_example()
        with Store(path) as store:
            with store.transaction():
                for i in range(count):
                    store.create(replace(example, id=None, title=f"incident {i}", is_example=False))
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_mb = path.stat().st_size / 1e6
        uri = f"{path.as_uri()}?mode=ro&immutable=1"

        def pragma(sql: str) -> None:
            conn = sqlite3.connect(uri, uri=True)
            conn.execute(sql).fetchall()
            conn.close()

        def values() -> None:
            conn = sqlite3.connect(uri, uri=True)
            first_bad_value(conn)
            conn.close()

        floor = _best(lambda: pragma("PRAGMA user_version"))
        quick = _best(lambda: pragma("PRAGMA quick_check(3)"))
        full = _best(lambda: pragma("PRAGMA integrity_check(3)"))
        value_scan = _best(values)
        whole = _best(lambda: inspect_file(path))
    print(f"store: {count} postmortems, {size_mb:.1f} MB, SQLite {sqlite3.sqlite_version}")
    print(f"  floor (open + read header)  {floor * 1000:8.1f} ms")
    print(f"  quick_check                 {quick * 1000:8.1f} ms")
    print(f"  integrity_check             {full * 1000:8.1f} ms")
    print(f"  value checks alone          {value_scan * 1000:8.1f} ms")
    print(f"  pmdesk inspect_file (all)   {whole * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
