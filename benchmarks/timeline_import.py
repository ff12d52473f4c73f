"""Timeline import: speed on large real-shaped files, and peak memory on hostile ones.

Run: .venv/bin/python benchmarks/timeline_import.py
Each case runs in its own process so its peak resident memory (ru_maxrss) is its own.
Prints the figures; asserts nothing (tests do not time things).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


def _csv(path: Path, rows: int) -> None:
    lines = ["timestamp,service,event,source"]
    for i in range(rows):
        at = (START + timedelta(seconds=i)).strftime("%Y-%m-%d %H:%M:%S")
        lines.append(f'{at},svc-{i % 40},"Deploy {i} of svc-{i % 40}, build ""{i}""",deploy log')
    path.write_text("\n".join(lines) + "\n")


def _alertmanager(path: Path, payloads: int) -> None:
    with path.open("w") as f:
        for i in range(payloads):
            alerts = []
            for j in range(5):
                n = (i * 5 + j) % 2000  # alerts repeat across notifications, as they do
                start = (START + timedelta(seconds=n)).isoformat()
                alerts.append(
                    {
                        "status": "firing",
                        "labels": {"alertname": f"A{n}"},
                        "annotations": {"summary": f"Alert {n} fired"},
                        "startsAt": start,
                        "endsAt": "0001-01-01T00:00:00Z",
                        "fingerprint": f"{n:016x}",
                    }
                )
            f.write(json.dumps({"version": "4", "status": "firing", "alerts": alerts}) + "\n")


def _pagerduty(path: Path, entries: int) -> None:
    kinds = ["trigger_log_entry", "notify_log_entry", "acknowledge_log_entry", "annotate_log_entry"]
    log = [{"id": f"R{i}", "type": kinds[i % 4], "summary": f"Entry {i}",
            "created_at": (START + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "agent": {"summary": "Dana Reyes"}, "channel": {"type": "note", "summary": f"note {i}"}}
           for i in range(entries)]  # fmt: skip
    path.write_text(json.dumps({"log_entries": log}))


def _slack(path: Path, messages: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "users.json",
            json.dumps([{"id": f"U{i}", "real_name": f"Person {i}"} for i in range(50)]),
        )
        per_day = messages // 10
        for day in range(10):
            base = START.timestamp() + day * 86400
            msgs = [{"type": "message", "user": f"U{i % 50}", "ts": f"{base + i:.6f}",
                     "text": f"<@U{(i + 1) % 50}> step {i} &amp; done"} for i in range(per_day)]  # fmt: skip
            name = (START + timedelta(days=day)).strftime("inc/%Y-%m-%d.json")
            archive.writestr(name, json.dumps(msgs))
    path.write_bytes(buffer.getvalue())


def _deep_json(path: Path) -> None:
    path.write_text("[" * 1_000_000 + "]" * 1_000_000)  # 2 MB, nested a million deep


def _big_json_array(path: Path) -> None:
    item = '{"time": "2026-03-10T14:00:00Z", "text": "x"},'
    count = (99 * 1024 * 1024) // len(item)
    path.write_text("[" + item * count + '{"time": "2026-03-10T14:00:00Z", "text": "y"}]')


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(3):  # each member under the limit, together over it
            with archive.open(f"c/2026-03-1{n}.json", "w") as member:
                for _ in range(90):
                    member.write(b" " * (1024 * 1024))


CASES = {
    "CSV, 100,000 rows": ("big.csv", lambda p: _csv(p, 100_000)),
    "Alertmanager JSON Lines, 20,000 payloads": ("am.jsonl", lambda p: _alertmanager(p, 20_000)),
    "PagerDuty log, 100,000 entries": ("pd.json", lambda p: _pagerduty(p, 100_000)),
    "Slack zip, 100,000 messages": ("slack.zip", lambda p: _slack(p, 100_000)),
    "hostile: JSON nested a million deep": ("deep.json", _deep_json),
    "hostile: 99 MB JSON list of 2.2 million tiny objects": ("big.json", _big_json_array),
    "hostile: zip of 270 MB unpacked": ("bomb.zip", _zip_bomb),
}


def run_case(path: Path) -> None:
    from pmdesk.importers import TimelineImportError, read_timeline

    started = time.perf_counter()
    try:
        outcome = f"{len(read_timeline(path).events):,} events"
    except TimelineImportError as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - started
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    status = Path("/proc/self/status").read_text()
    peak_mb = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(f"{seconds:7.2f} s  {peak_mb:7.0f} MB peak  {outcome[:90]}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for label, (name, make) in CASES.items():
            path = Path(folder) / name
            make(path)
            size = path.stat().st_size / (1024 * 1024)
            print(f"{label} ({size:.1f} MB file)")
            subprocess.run([sys.executable, __file__, "--case", str(path)], check=True)
            path.unlink()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--case"]:
        run_case(Path(sys.argv[2]))
    else:
        main()
