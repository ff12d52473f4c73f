"""Real git repositories for team-library tests: a bare remote and two facilitators' clones."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pmdesk.library import LibraryIndex, init_library, sync
from pmdesk.models import ActionItem, ContributingFactor, Postmortem, Priority, TimelineEvent


@pytest.fixture(autouse=True)
def git_env(tmp_path_factory, monkeypatch):
    """git with a known identity and none of the machine's own configuration."""
    config = tmp_path_factory.mktemp("gitconfig") / "config"
    config.write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test Facilitator")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "facilitator@example.test")


def run_git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def incident(title: str = "DNS resolvers dropped queries") -> Postmortem:
    at = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    return Postmortem(
        title=title,
        incident_date=date(2026, 3, 2),
        authors=["Dana Okafor"],
        started_at=at,
        ended_at=at.replace(hour=15),
        user_impact="Lookups failed for 40% of clients.",
        what_happened="The resolver pool ran out of sockets.\n\nTraffic moved to the backup pool.",
        timeline=[
            TimelineEvent(at=at, text="Alert fired for SERVFAIL rate", source="alertmanager"),
            TimelineEvent(at=at.replace(minute=20), text="Backup pool enabled"),
        ],
        whys=["Sockets ran out", "The limit was the default"],
        contributing_factors=[ContributingFactor("No socket-count alert", checked=True)],
        action_items=[
            ActionItem(
                "Alert on resolver socket use",
                owner="Sam",
                priority=Priority.HIGH,
                due_date=date(2026, 3, 20),
            ),
            ActionItem("Raise the socket limit", owner="Priya", due_date=date(2026, 3, 10)),
        ],
    )


class Facilitator:
    """One person's clone of the team library, edited the way the window edits it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def index(self) -> LibraryIndex:
        index = LibraryIndex(self.root)
        index.refresh()
        return index

    def edit(self, title: str, **changes) -> None:
        """Change fields of one postmortem in the index and write its file, as the window does."""
        with self.index() as index:
            pm = self.find(index, title)
            index.store.save(replace(pm, **changes))
            index.write_changes()

    def find(self, index: LibraryIndex, title: str) -> Postmortem:
        matches = [pm for pm in index.store.postmortems() if pm.title == title]
        assert len(matches) == 1, [pm.title for pm in index.store.postmortems()]
        return matches[0]

    def get(self, title: str) -> Postmortem:
        with self.index() as index:
            return self.find(index, title)

    def sync(self):
        result = sync(self.root)
        self.index().close()
        return result


@pytest.fixture
def team(tmp_path):
    """(alice, bob): two clones of one remote that both hold the same postmortem."""
    remote = tmp_path / "remote.git"
    run_git(tmp_path, "init", "-q", "--bare", str(remote))
    alice_dir = init_library(tmp_path / "alice")
    run_git(alice_dir, "remote", "add", "origin", str(remote))
    with LibraryIndex(alice_dir) as index:
        index.store.add_many([incident()])
        index.write_changes()
    alice = Facilitator(alice_dir)
    assert alice.sync().pushed
    run_git(tmp_path, "clone", "-q", str(remote), str(tmp_path / "bob"))
    bob = Facilitator(tmp_path / "bob")
    bob.sync()
    return alice, bob


def content(pm: Postmortem) -> dict:
    """A postmortem's fields without the index's own ids and times."""
    data = pm.to_dict()
    for key in ("id", "created_at", "updated_at"):
        data.pop(key, None)
    for key in ("timeline", "contributing_factors", "action_items"):
        for row in data[key]:
            row.pop("id", None)
    return data
