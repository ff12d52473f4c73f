"""A team library on disk: a folder of Markdown postmortems, each with a stable id, in git.

The files are the truth. A file is read with the same parser as `pmdesk import`;
its identifier is the front matter's `id:` (a UUID written when pmdesk first
saves the file, kept through renames and copies). A hand-written file without
one gets an identifier derived from its path until pmdesk writes it back.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pmdesk.errors import PmdeskError
from pmdesk.files import write_atomically
from pmdesk.models.postmortem import Postmortem

#: the index and anything else local to one machine; ignored by git
LOCAL_DIR = ".pmdesk"
INDEX_NAME = "index.sqlite"
#: bigger than any postmortem written by people; a bigger file is not read at all
MAX_FILE_BYTES = 4 * 1024 * 1024
_SKIPPED_DIRS = {".git", LOCAL_DIR}
_NOT_POSTMORTEMS = {"readme.md", "contributing.md", "changelog.md"}

README = """\
# Postmortems

This folder is a pmdesk team library: one Markdown file per postmortem, in the
template's layout, each with a stable `id:` in its front matter.

- Open it in pmdesk with File → Open Team Library, or `pmdesk --library .`
- `pmdesk sync --library .` commits your changes, pulls, merges and pushes.
- `pmdesk gate --library .` exits 1 while a high-priority action item is overdue
  (see pmdesk's docs/ci for pipeline examples).

The `.gitattributes` file sends postmortems through `pmdesk merge-file`, which
merges two facilitators' edits section by section and marks a field both changed
with both versions for a person to choose.
"""

GITATTRIBUTES = """\
# pmdesk merges postmortems section by section (the driver is set up by
# `pmdesk library init` and `pmdesk sync`; without pmdesk, git merges text).
*.md merge=pmdesk
README.md merge=text
"""

GITIGNORE = f"""\
# pmdesk's index of this folder: local to each machine, rebuilt from the files
{LOCAL_DIR}/
"""


class LibraryError(PmdeskError):
    """The folder is not a team library, or cannot be used as one."""


@dataclass
class LibraryFile:
    """One postmortem file as read: its id, its content, what the parser skipped."""

    uid: str
    postmortem: Postmortem
    skipped: list[str] = field(default_factory=list)
    has_own_id: bool = True


def index_path(root: Path) -> Path:
    return root / LOCAL_DIR / INDEX_NAME


def require_library(root: str | Path) -> Path:
    """The library folder as an absolute path; a one-line error if it is not a folder."""
    path = Path(root).expanduser()
    if not path.is_dir():
        raise LibraryError(f"no team library at {path}: not a folder (pmdesk library init DIR)")
    return path.resolve()


def postmortem_files(root: Path) -> dict[str, tuple[int, int]]:
    """Every Markdown file of the library: relative path -> (mtime in ns, size)."""
    found: dict[str, tuple[int, int]] = {}
    stack = [""]  # folders as paths relative to root, "" for root itself, "/"-separated
    while stack:
        folder = stack.pop()
        try:
            entries = list(_scan(root / folder if folder else root))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            rel = f"{folder}/{name}" if folder else name
            if entry.is_dir(follow_symlinks=False):
                if name not in _SKIPPED_DIRS and not name.startswith("."):
                    stack.append(rel)
            elif (
                name.endswith(".md")
                and not name.startswith(".")
                and name.lower() not in _NOT_POSTMORTEMS
                and entry.is_file(follow_symlinks=False)
            ):
                st = entry.stat(follow_symlinks=False)
                found[rel] = (st.st_mtime_ns, st.st_size)
    return found


def _scan(folder: Path) -> Iterator[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        yield from it


def read_library_file(root: Path, rel: str) -> LibraryFile:
    """Read one file; anything unreadable is a one-line LibraryError naming the file."""
    path = root / rel
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LibraryError(f"{rel}: larger than {MAX_FILE_BYTES // 2**20} MB, not read")
        raw = path.read_bytes()
    except OSError as exc:
        raise LibraryError(f"{rel}: cannot read it: {exc.strerror or exc}") from None
    return parse_library_text(rel, raw)


def parse_library_text(rel: str, raw: bytes) -> LibraryFile:
    from pmdesk.export.markdown_parse import parse_markdown  # not needed by a fresh index

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LibraryError(f"{rel}: not UTF-8 text, so not a postmortem") from None
    try:
        found = parse_markdown(text)
    except PmdeskError as exc:
        raise LibraryError(f"{rel}: {exc}") from None
    uid = found.uid.strip()
    if uid:
        try:
            uid = str(uuid.UUID(uid))
        except ValueError:
            raise LibraryError(f"{rel}: its id {uid[:40]!r} is not a UUID") from None
        return LibraryFile(uid, found.postmortem, found.skipped)
    return LibraryFile(path_uid(rel), found.postmortem, found.skipped, has_own_id=False)


def path_uid(rel: str) -> str:
    """The id of a file written without one: the same for the same path on every machine."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "pmdesk-library:" + rel))


def new_uid() -> str:
    return str(uuid.uuid4())


def file_name_for(pm: Postmortem, uid: str) -> str:
    """A readable, unique file name: date, title words, the id's first 8 characters."""
    words = re.sub(r"[^a-z0-9]+", "-", pm.title.lower()).strip("-")[:60].strip("-")
    day = pm.incident_date.isoformat() if pm.incident_date else "undated"
    return f"{day}-{words or 'postmortem'}-{uid[:8]}.md"


def write_library_file(root: Path, rel: str, pm: Postmortem, uid: str) -> bytes:
    """Write `pm` to `root/rel` atomically; returns the bytes written."""
    from pmdesk.export.markdown import render_markdown

    data = render_markdown(pm, uid=uid).encode("utf-8")
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)
    return data
