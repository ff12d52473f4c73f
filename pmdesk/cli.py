"""The command line: argument parsing, and one short function per command calling the core.

Every command accepts `--db PATH`. A user mistake ends with one line on stderr
(`pmdesk: ...`) and exit status 2; a check that finds problems (lint, gate)
exits 1; success is 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from pmdesk import __version__
from pmdesk.errors import PmdeskError
from pmdesk.locations import db_path
from pmdesk.models import Store, open_store

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line, not a usage block and a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _store(args: argparse.Namespace) -> Store:
    return open_store(db_path(args.db))


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


# --- commands ---------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.list_postmortems(
            status=args.status, severity=args.severity, search=args.search or ""
        )
    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "incident_date": r.incident_date.isoformat() if r.incident_date else None,
                    "severity": r.severity.value,
                    "status": r.status.value,
                    "is_example": r.is_example,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("no postmortems")
    for r in rows:
        day = r.incident_date.isoformat() if r.incident_date else "----------"
        example = "  (example)" if r.is_example else ""
        print(f"{r.id:>4}  {day}  {r.severity.value}  {r.status.label:<9}  {r.title}{example}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _store(args) as store:
        pm = store.get(args.id)
    if args.json:
        _print_json(pm.to_dict())
    else:
        from pmdesk.export.text import render_text

        print(render_text(pm), end="")
    return 0


def _add_list(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help="list the postmortems in the store")
    p.add_argument("--status", help="only this status: draft, in_review or complete")
    p.add_argument("--severity", help="only this severity: P1, P2 or P3")
    p.add_argument("--search", metavar="TEXT", help="only postmortems whose text matches")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_list)


def _add_show(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("show", parents=[common], help="print one postmortem, every field")
    p.add_argument("id", type=int, help="the postmortem's id (see: pmdesk list)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_show)


#: each adds one subcommand; a new command is a function above and a line here
REGISTRARS: list[Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]] = [
    _add_list,
    _add_show,
]


# --- the window -------------------------------------------------------------------------


def _no_display() -> bool:
    """True on Linux without any display for Qt to use (Qt would abort)."""
    if not sys.platform.startswith("linux"):
        return False
    env = os.environ
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def run_window(args: argparse.Namespace) -> int:
    if _no_display():
        print(
            "pmdesk: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run it in a "
            "desktop session, or set QT_QPA_PLATFORM=offscreen to start without a screen",
            file=sys.stderr,
        )
        return 2
    try:
        from pmdesk.ui.app import run
    except ImportError as exc:
        raise PmdeskError(f"the window needs PySide6, which cannot be loaded: {exc}") from None
    return run(db_path(args.db), exit_after_startup=args.exit_after_startup)


# --- entry point ------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    db_help = "the store file (default: $PMDESK_DB, else the per-user data folder)"
    # --db is accepted before or after the command; SUPPRESS keeps a later
    # subparser default from overwriting a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    parser = _Parser(
        prog="pmdesk",
        description="Draft, review and follow through on blameless postmortems. "
        "With no command, opens the window.",
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"pmdesk {__version__}")
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="open the window, let it paint once, and exit 0 (smoke tests)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in REGISTRARS:
        register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return run_window(args)
        return args.func(args)
    except PmdeskError as exc:
        print(f"pmdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `pmdesk list | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
