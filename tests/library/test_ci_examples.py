"""The CI examples in docs/ci run as written against a real team library."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pmdesk.library import LibraryIndex, init_library
from pmdesk.models import ActionStatus
from tests.library.conftest import incident

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ci"


def pmdesk_lines(name: str) -> list[str]:
    """Every command line of an example that calls pmdesk."""
    lines = []
    for line in (DOCS / name).read_text(encoding="utf-8").splitlines():
        text = line.strip().removeprefix("- ").removeprefix("run: ").strip()
        if text.startswith("pmdesk "):
            lines.append(text)
    return lines


def run_line(line: str, cwd: Path) -> subprocess.CompletedProcess:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        line, shell=True, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def library_with(tmp_path: Path, *, overdue: bool) -> Path:
    root = init_library(tmp_path / "postmortems")
    pms = [incident(), incident("Checkout API returned errors")]
    if not overdue:
        for pm in pms:
            pm.action_items = [
                replace(a, status=ActionStatus.DONE, completed_on=date(2026, 3, 9))
                for a in pm.action_items
            ]
    with LibraryIndex(root) as index:
        index.store.add_many(pms)
        index.write_changes()
    (root / "broken.md").write_text("not a postmortem\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_example_closes_the_gate_while_a_high_item_is_overdue(example, tmp_path):
    lines = pmdesk_lines(example)
    assert [line.split()[1] for line in lines] == ["actions", "metrics", "gate"]
    root = library_with(tmp_path, overdue=True)
    done = [run_line(line, root) for line in lines]
    actions, metrics, gate = done
    assert actions.returncode == 0 and "Alert on resolver socket use" in actions.stdout
    assert metrics.returncode == 0 and "Practice metrics" in metrics.stdout
    assert gate.returncode == 1, gate.stderr
    assert gate.stdout.startswith("gate closed: 2 action items of priority high")
    assert "pmdesk: skipped broken.md: this does not look like a postmortem" in gate.stderr


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_example_opens_the_gate_when_the_items_are_done(example, tmp_path):
    root = library_with(tmp_path, overdue=False)
    gate = run_line(pmdesk_lines(example)[-1], root)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert gate.stdout.startswith("gate open")


def test_a_mistyped_library_folder_fails_the_gate(tmp_path):
    (tmp_path / "empty").mkdir()
    for folder in ("empty", "missing"):
        gate = run_line(f"pmdesk gate --library {folder}", tmp_path)
        assert gate.returncode == 2
        assert gate.stderr.count("\n") == 1 and gate.stderr.startswith("pmdesk: no ")
