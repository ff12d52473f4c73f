"""Sync a team library through git: commit local changes, fetch, merge, push.

Everything goes through the user's own git and its configuration (identity,
remotes, credential helpers, SSH keys); pmdesk neither asks for nor stores a
password. Offline, the commit is made and waits: the next sync pushes it.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pmdesk.errors import PmdeskError
from pmdesk.library.folder import (
    GITATTRIBUTES,
    GITIGNORE,
    README,
    LibraryError,
    parse_library_text,
    require_library,
)
from pmdesk.library.git import GitError, git
from pmdesk.library.merge import MARKER_START
from pmdesk.models.postmortem import Postmortem

REMOTE = "origin"

# The sections a commit message names, and the fields that make each.
_SECTIONS = [
    ("details", ("title", "incident_date", "authors", "status", "severity")),
    ("impact", ("started_at", "ended_at", "user_impact", "revenue_impact")),
    ("timeline", ("timeline",)),
    ("root cause analysis", ("what_happened", "why_it_happened", "why_not_caught")),
    ("five whys", ("whys", "root_cause", "root_cause_category")),
    ("contributing factors", ("contributing_factors",)),
    ("what went well", ("went_well",)),
    ("what could be improved", ("could_improve",)),
    ("action items", ("action_items",)),
    ("meeting notes", ("meeting_notes",)),
    ("process dates", ("draft_shared_at", "meeting_at")),
]


@dataclass
class SyncResult:
    """What one sync did, for a status line."""

    committed: str = ""  # the commit message's first line, if a commit was made
    merged: bool = False
    pushed: bool = False
    offline: str = ""  # why the remote could not be reached (empty when it could)
    no_remote: bool = False
    waiting: int = 0  # local commits the remote does not have yet
    conflicts: list[str] = field(default_factory=list)  # files with both versions marked
    kept_edits: list[str] = field(
        default_factory=list
    )  # edited here or there, deleted on the other side

    def status(self) -> str:
        parts = [f"committed “{self.committed}”" if self.committed else "nothing to commit"]
        if self.no_remote:
            parts.append("no remote to sync with (git remote add origin URL)")
        elif self.offline:
            parts.append(f"offline, {self.waiting} commit(s) waiting: {self.offline}")
        else:
            if self.merged:
                parts.append("merged incoming changes")
            parts.append("pushed" if self.pushed else "up to date")
        if self.kept_edits:
            parts.append(f"kept {len(self.kept_edits)} edited file(s) deleted on the other side")
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} postmortem(s) need a choice between two versions")
        return "; ".join(parts)


# --- set-up ----------------------------------------------------------------------------


def init_library(root: str | Path) -> Path:
    """Create a library folder (or make an existing folder one) in a git repository."""
    path = Path(root).expanduser()
    if path.exists() and not path.is_dir():
        raise LibraryError(f"{path} exists and is not a folder")
    path.mkdir(parents=True, exist_ok=True)
    path = path.resolve()
    if not git(path, "rev-parse", "--git-dir", check=False).ok:
        git(path, "init", "-q")
    for name, text in (
        ("README.md", README),
        (".gitattributes", GITATTRIBUTES),
        (".gitignore", GITIGNORE),
    ):
        target = path / name
        if not target.exists():
            target.write_text(text, encoding="utf-8")
    install_merge_driver(path)
    git(path, "add", "--", "README.md", ".gitattributes", ".gitignore")
    if git(path, "diff", "--cached", "--quiet", check=False).code == 1:
        git(path, "commit", "-q", "-m", "Start a pmdesk team library")
    return path


def install_merge_driver(root: Path) -> None:
    """Register `pmdesk merge-file` in this repository's git config (git keeps drivers there)."""
    # the desktop bundle is its own executable; an installed pmdesk runs as a module of
    # the Python it is installed in (PATH may hold another pmdesk, or none)
    program = shlex.quote(sys.executable)
    runner = program if getattr(sys, "frozen", False) else f"{program} -m pmdesk"
    command = f"{runner} merge-file %O %A %B %P"
    git(root, "config", "merge.pmdesk.name", "pmdesk: postmortems section by section")
    git(root, "config", "merge.pmdesk.driver", command)


# --- sync ------------------------------------------------------------------------------


def sync(root: str | Path, remote: str = REMOTE) -> SyncResult:
    """Commit, fetch, merge and push the library at `root`."""
    path = require_repository(root)
    install_merge_driver(path)
    result = SyncResult()
    result.committed = commit_changes(path)
    if remote not in git(path, "remote").out.split():
        result.no_remote = True
        return result
    branch = git(path, "rev-parse", "--abbrev-ref", "HEAD").out.strip()
    fetched = git(path, "fetch", "-q", remote, check=False)
    tracking = f"refs/remotes/{remote}/{branch}"
    if not fetched.ok:
        result.offline = fetched.first_error_line()
        result.waiting = _ahead(path, tracking)
        return result
    for _attempt in range(3):
        if git(path, "rev-parse", "-q", "--verify", tracking, check=False).ok:
            _merge(path, tracking, result)
        pushed = git(path, "push", "-q", "-u", remote, f"HEAD:{branch}", check=False)
        if pushed.ok:
            result.pushed = True
            result.waiting = 0
            return result
        # someone pushed in between: fetch their work, merge, try again
        again = git(path, "fetch", "-q", remote, check=False)
        if not again.ok:
            result.offline = again.first_error_line()
            break
        result.offline = pushed.first_error_line()
    result.waiting = _ahead(path, tracking)
    return result


def require_repository(root: str | Path) -> Path:
    """The library folder, which must be inside a git repository."""
    path = require_library(root)
    if not git(path, "rev-parse", "--git-dir", check=False).ok:
        raise LibraryError(f"{path} is not in a git repository (pmdesk library init {path})")
    return path


def _ahead(path: Path, tracking: str) -> int:
    has_remote = git(path, "rev-parse", "-q", "--verify", tracking, check=False).ok
    spec = f"{tracking}..HEAD" if has_remote else "HEAD"
    done = git(path, "rev-list", "--count", spec, check=False)
    return int(done.out.strip() or 0) if done.ok else 0


def _merge(path: Path, tracking: str, result: SyncResult) -> None:
    before = git(path, "rev-parse", "HEAD").out.strip()
    merged = git(path, "merge", "-q", "--no-edit", tracking, check=False)
    if not merged.ok:
        unmerged = _unmerged(path)
        if not unmerged:
            raise GitError(f"git merge failed: {merged.first_error_line()}")
        for status, rel in unmerged:
            # modify/delete: git leaves the edited version in the folder; keep it.
            # both changed, merged as text: the file holds both versions, marked.
            if status in ("UD", "DU"):
                result.kept_edits.append(rel)
            if (path / rel).exists():
                git(path, "add", "--", rel)
            else:
                git(path, "rm", "-q", "--cached", "--", rel)
        git(path, "commit", "-q", "--no-edit")
    after = git(path, "rev-parse", "HEAD").out.strip()
    if after == before:
        return
    result.merged = True
    changed = git(path, "diff", "--name-only", "--relative", before, after).out.split("\n")
    for rel in filter(None, changed):
        file = path / rel
        if file.suffix == ".md" and file.is_file():
            text = file.read_text(encoding="utf-8", errors="replace")
            if text.startswith(MARKER_START) or f"\n{MARKER_START}" in text:
                result.conflicts.append(rel)


def _unmerged(path: Path) -> list[tuple[str, str]]:
    out = git(path, "status", "--porcelain=v1", "-z", "--untracked-files=no").out
    entries = []
    for entry in filter(None, out.split("\0")):
        code, rel = entry[:2], entry[3:]
        if "U" in code or code in ("AA", "DD"):
            entries.append((code, rel))
    return entries


# --- commit messages -------------------------------------------------------------------


def commit_changes(path: Path) -> str:
    """Commit everything changed in the library; returns the message's first line or ''."""
    git(path, "add", "-A", "--", ".")
    staged = git(path, "diff", "--cached", "--name-status", "-M", "--relative", "-z").out
    lines = _changes(path, staged)
    if not lines:
        return ""
    subject = lines[0] if len(lines) == 1 else f"Update {len(lines)} postmortems"
    message = (
        subject if len(lines) == 1 else subject + "\n\n" + "\n".join(f"- {line}" for line in lines)
    )
    done = git(path, "commit", "-q", "-F", "-", input_text=message, check=False)
    if not done.ok:
        raise GitError(f"git commit failed: {done.first_error_line()}")
    return subject


def _changes(path: Path, name_status: str) -> list[str]:
    fields = [f for f in name_status.split("\0") if f]
    lines, i = [], 0
    while i < len(fields):
        code = fields[i]
        if code.startswith(("R", "C")):
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old = new = fields[i + 1]
            i += 2
        if not new.endswith(".md"):
            lines.append(f"Update {new}")
            continue
        before = _version(path, old) if code[0] != "A" else None
        after = _read(path / new) if code[0] != "D" else None
        lines.append(describe_change(before, after, renamed=code[0] == "R"))
    return lines


def describe_change(
    before: Postmortem | None, after: Postmortem | None, *, renamed: bool = False
) -> str:
    """One line: "Update postmortem: DNS resolvers — timeline, action items"."""
    if after is None:
        return f"Remove postmortem: {_title(before)}"
    if before is None:
        return f"Add postmortem: {_title(after)}"
    sections = [
        name
        for name, fields_ in _SECTIONS
        if any(getattr(before, f) != getattr(after, f) for f in fields_)
    ]
    verb = "Rename and update" if renamed and sections else "Rename" if renamed else "Update"
    tail = f" — {', '.join(sections)}" if sections else ""
    return f"{verb} postmortem: {_title(after)}{tail}"


def _title(pm: Postmortem | None) -> str:
    return (pm.title if pm else "") or "(untitled)"


def _version(path: Path, rel: str) -> Postmortem | None:
    done = git(path, "show", f"HEAD:./{rel}", check=False)
    return _parse(rel, done.out.encode("utf-8")) if done.ok else None


def _read(file: Path) -> Postmortem | None:
    try:
        return _parse(file.name, file.read_bytes())
    except OSError:
        return None


def _parse(rel: str, raw: bytes) -> Postmortem | None:
    try:
        return parse_library_text(rel, raw).postmortem
    except PmdeskError:
        return None
