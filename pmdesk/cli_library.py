"""The command line of team libraries: `library init|index`, `sync`, `merge-file`.

Outside the pmdesk.library package, as cli_backup and cli_share are outside theirs: the
command line builds its parser at every start, the window's too, and importing a module of
the package runs the package's own imports (git, merging, Markdown: ~10 ms).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pmdesk.errors import PmdeskError

LIBRARY_ENV = "PMDESK_LIBRARY"


def library_dir(value: str | None) -> Path:
    """--library, else $PMDESK_LIBRARY, else the current folder."""
    return Path(value or os.environ.get(LIBRARY_ENV, "").strip() or ".")


def open_library_index(folder: str | Path, *, empty_ok: bool = False):  # noqa: ANN201
    """The library's index (a LibraryIndex), brought up to date; unreadable files on stderr."""
    from pmdesk.library.index import LibraryIndex

    index = LibraryIndex(folder)
    try:
        report = index.refresh()
    except BaseException:
        index.close()
        raise
    for line in report.problems:
        print(f"pmdesk: skipped {line}", file=sys.stderr)
    if (
        not empty_ok
        and not index.store.conn.execute("SELECT count(*) FROM library_files").fetchone()[0]
    ):
        index.close()
        # a mistyped folder must not pass a deploy gate as an empty library
        raise PmdeskError(f"no postmortems in {index.root} (check --library)")
    return index


def cmd_library_init(args: argparse.Namespace) -> int:
    from pmdesk.library.sync import init_library

    path = init_library(args.dir)
    print(f"team library ready in {path}")
    print(f"next: cd {path} && git remote add origin URL && pmdesk sync")
    return 0


def cmd_library_index(args: argparse.Namespace) -> int:
    from pmdesk.library.index import LibraryIndex

    with LibraryIndex(library_dir(args.dir)) as index:
        report = index.rebuild() if args.rebuild else index.refresh()
    for line in report.problems:
        print(f"pmdesk: skipped {line}", file=sys.stderr)
    print(f"index of {index.root}: {report.summary()}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from pmdesk.library.sync import require_repository, sync

    folder = require_repository(library_dir(getattr(args, "library", None)))
    with open_library_index(folder, empty_ok=True) as index:
        index.write_changes()  # edits in the index that have not reached their files yet
    result = sync(folder)
    with open_library_index(folder, empty_ok=True):
        pass  # read what the pull brought in
    print(f"sync: {result.status()}")
    for rel in result.kept_edits:
        print(f"  kept {rel}: edited on one side, deleted on the other")
    for rel in result.conflicts:
        print(f"  {rel}: both versions kept, marked for a person to choose")
    return 0


def cmd_merge_file(args: argparse.Namespace) -> int:
    from pmdesk.library.merge import merge_files

    code, conflicts = merge_files(Path(args.base), Path(args.ours), Path(args.theirs), args.name)
    for label in conflicts:
        print(f"pmdesk: {args.name or args.ours}: both versions kept of {label}", file=sys.stderr)
    return code


def add_library_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("library", parents=[common], help="create or index a team library folder")
    actions = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    q = actions.add_parser("init", help="create a team library (a git repository) in DIR")
    q.add_argument("dir", metavar="DIR", help="the folder (created if missing)")
    q.set_defaults(func=cmd_library_init)
    q = actions.add_parser("index", help="bring the library's index up to date with its files")
    q.add_argument(
        "dir", metavar="DIR", nargs="?", help="the library (default: $PMDESK_LIBRARY or .)"
    )
    q.add_argument("--rebuild", action="store_true", help="forget the index and read every file")
    q.set_defaults(func=cmd_library_index)

    p = sub.add_parser(
        "sync", parents=[common], help="commit a team library's changes, pull, merge and push"
    )
    p.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the library (default: $PMDESK_LIBRARY or .)",
    )
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("merge-file", help="git's merge driver for postmortems (set up by init)")
    p.add_argument("base", help="the common ancestor (%%O)")
    p.add_argument("ours", help="this side's version; the result is written here (%%A)")
    p.add_argument("theirs", help="the other side's version (%%B)")
    p.add_argument("name", nargs="?", default="", help="the file's path in the library (%%P)")
    p.set_defaults(func=cmd_merge_file)
