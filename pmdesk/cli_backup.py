"""`pmdesk backup` and `pmdesk restore`: the command-line side of pmdesk.models.backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pmdesk.errors import PmdeskError
from pmdesk.locations import db_path
from pmdesk.models.backup import list_backups, make_backup, restore, verify
from pmdesk.models.store_location import location_warning


def cmd_backup(args: argparse.Namespace) -> int:
    store_path = db_path(args.db)
    if args.list:
        backups = list_backups(store_path)
        if not backups:
            print(f"no backups of {store_path}")
        for info in backups:
            print(info.label())
        return 0
    info = make_backup(store_path, args.output, kind="manual")
    print(f"wrote {info.path} ({info.postmortems} postmortem(s), checked in full)")
    warning = location_warning(store_path)
    if warning:
        print(f"pmdesk: warning: {warning}", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store_path = db_path(args.db)
    backup = Path(args.file)
    count = verify(backup)  # refuse a bad backup before asking anything
    if not args.yes:
        if not sys.stdin.isatty():
            raise PmdeskError(
                f"restoring replaces {store_path} with {backup.name} ({count} postmortem(s)); "
                "add --yes to do it"
            )
        answer = input(
            f"Replace {store_path} with {backup.name} ({count} postmortem(s))? "
            "The current store is kept as a backup first. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing restored")
            return 1
    existed = store_path.exists()
    restore(store_path, backup)
    kept = f"; the store as it was is in {store_path.parent / 'backups'}" if existed else ""
    print(f"restored {store_path} from {backup.name} ({count} postmortem(s)){kept}")
    return 0


def add_backup_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup", parents=[common], help="back the store up now (checked in full), or list backups"
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write it (default: the backups folder beside the store)",
    )
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", parents=[common], help="replace the store with a backup (keeps the current one)"
    )
    p.add_argument("file", help="the backup file (see: pmdesk backup --list)")
    p.add_argument("--yes", action="store_true", help="do not ask before replacing the store")
    p.set_defaults(func=cmd_restore)
