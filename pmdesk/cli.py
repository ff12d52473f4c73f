"""The command line: argument parsing, and one short function per command calling the core.

Every command accepts `--db PATH`. A user mistake ends with one line on stderr
(`pmdesk: ...`) and exit status 2; a check that finds problems (lint, gate)
exits 1; success is 0.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from pmdesk import __version__
from pmdesk.cli_backup import add_backup_commands
from pmdesk.cli_library import add_library_commands
from pmdesk.errors import PmdeskError
from pmdesk.locations import DB_ENV, db_path
from pmdesk.models import Store, open_store, parse_date
from pmdesk.words import counted

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line, not a usage block and a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _store(args: argparse.Namespace) -> Store:
    """For commands that add content: a missing store is created, and the user is told where."""
    path = db_path(args.db)
    existed = path.exists()
    store = open_store(path)
    if not existed:
        print(f"pmdesk: created a new store at {path}", file=sys.stderr)
    return store


def _existing_store(args: argparse.Namespace) -> Store:
    """For commands that only read: a mistyped path must fail, not create an empty store (and
    pass a pipeline's check on it). The store is opened read-only (see Store)."""
    path = db_path(args.db)
    try:
        exists = path.exists()
    except OSError as exc:  # a name longer than the file system allows, and the like
        raise PmdeskError(f"cannot use {str(path)[:80]}…: {exc.strerror}") from None
    if not exists:
        raise PmdeskError(f"no store at {path} (check --db or PMDESK_DB)")
    return Store(path, read_only=True)


def _followup_store(args: argparse.Namespace) -> Store:
    """The store the follow-through commands read: a team library's index, or --db."""
    if getattr(args, "library", None):
        from pmdesk.cli_library import open_library_index

        return open_library_index(args.library).store
    return _existing_store(args)


def postmortem_id(text: str) -> int:
    """An id argument: a positive whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid id {text!r}: expected a number") from None
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"invalid id {text!r}: no postmortem has that id")
    return value


def _print_json_rows(rows: list[dict[str, Any]]) -> None:
    """A list of flat objects, laid out exactly as _print_json lays it out, but fast.

    json.dumps with indent takes the pure-Python encoder: for 10,000 rows that is
    most of a command's time. Each value here goes through the C encoder instead.
    """
    if not rows:
        print("[]")
        return
    encode = json.JSONEncoder(ensure_ascii=False).encode
    objects = [
        "  {\n" + ",\n".join(f"    {encode(k)}: {encode(v)}" for k, v in row.items()) + "\n  }"
        for row in rows
    ]
    print("[\n" + ",\n".join(objects) + "\n]")


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


# --- commands ---------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    with _existing_store(args) as store:
        rows = store.list_postmortems(
            status=args.status, severity=args.severity, search=args.search or "", snippets=False
        )
    if args.json:
        _print_json_rows(
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
    with _existing_store(args) as store:
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
    p.add_argument("id", type=postmortem_id, help="the postmortem's id (see: pmdesk list)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_show)


# --- follow-through: actions, gate, metrics, schedule, calendar ---------------------------


def _today(args: argparse.Namespace) -> date:
    """--today fixes the clock (tests, reports written after the fact)."""
    return parse_date(args.today, "--today") or date.today()


def _holidays() -> list[date]:
    from pmdesk.settings import load_settings

    return load_settings().holidays


def _action_line(row: Any) -> str:
    item = row.item
    late = f"{row.days_overdue:>4}d" if row.overdue else "    -"
    due = item.due_date.isoformat() if item.due_date else "no date"
    owner = item.owner or "(no owner)"
    return (
        f"{late}  {item.priority.label:<6}  {due:<10}  {item.status.label:<11}  {owner:<18}  "
        f"{item.action}  [#{row.record.postmortem_id} {row.record.postmortem_title}]"
    )


def cmd_actions(args: argparse.Namespace) -> int:
    from pmdesk.models.followup import action_rows

    today = _today(args)
    with _followup_store(args) as store:
        records = store.actions(overdue_on=today if args.overdue else None)
    rows = action_rows(
        records, today, overdue_only=args.overdue, owner=args.owner, priority=args.priority
    )
    if args.json:
        _print_json_rows([r.to_dict() for r in rows])
        return 0
    if not rows:
        print("no overdue action items" if args.overdue else "no action items")
    for row in rows:
        print(_action_line(row))
    return 0


def cmd_gate(args: argparse.Namespace) -> int:
    from pmdesk.models.followup import gate_blockers

    today = _today(args)
    with _followup_store(args) as store:
        records = store.actions(overdue_on=today, min_priority=args.priority)
    blockers = gate_blockers(records, today, args.priority)
    level = args.priority.lower()
    if not blockers:
        print(f"gate open: no open action item of priority {level} or higher is overdue")
        return 0
    print(
        f"gate closed: {counted(len(blockers), 'action item')} of priority {level} or higher overdue:"
    )
    for row in blockers:
        print(_action_line(row))
    return 1


def cmd_metrics(args: argparse.Namespace) -> int:
    from pmdesk.models.metrics import metric_detail, practice_metrics

    today = _today(args)
    until = parse_date(args.until, "--until") or today
    since = parse_date(args.since, "--since") or until - timedelta(days=180)
    if since > until:
        raise PmdeskError(f"--since {since} comes after --until {until}")
    with _followup_store(args) as store:
        facts = store.metric_facts()
    result = practice_metrics(facts, since, until, today, _holidays())
    if args.json:
        _print_json(result.to_dict())
        return 0
    undated = f" ({result.undated} without an incident date, not counted)" if result.undated else ""
    print(
        f"Practice metrics, incidents {since} to {until}: {result.postmortems} postmortems{undated}"
    )
    for m in result.metrics:
        print(
            f"  {m.label:<31} {m.formatted():<18} target {m.target:<18} "
            f"{m.verdict.label:<8} {metric_detail(m)}"
        )
    if result.recurring_categories:
        print("Recurring root-cause categories (count, first and last incident in the period):")
        for c in result.recurring_categories:
            print(f"  {c.category:<30} {c.count:>3}  {c.first} .. {c.last}")
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from pmdesk.models.schedule import postmortem_schedule

    with _existing_store(args) as store:
        pm = store.get(args.id)
    if pm.incident_date is None:
        raise PmdeskError(f"postmortem {args.id} has no incident date, so it has no schedule")
    schedule = postmortem_schedule(pm, _today(args), _holidays())
    if args.json:
        keys = ("key", "label", "first_day", "last_day", "starts", "due", "state")
        _print_json([{k: _plain_value(getattr(s, k)) for k in keys} for s in schedule.steps])
        return 0
    print(f"#{pm.id} {pm.title} ({pm.severity.value}, incident {pm.incident_date})")
    for s in schedule.steps:
        days = (
            f"day {s.last_day}" if s.first_day == s.last_day else f"days {s.first_day}-{s.last_day}"
        )
        print(f"  {days:<10} {s.due}  {s.state.label:<9} {s.label}")
    return 0


def _plain_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def cmd_calendar(args: argparse.Namespace) -> int:
    from pmdesk.export.ics import postmortem_calendar, save_calendar

    with _existing_store(args) as store:
        pm = store.get(args.id)
    if pm.incident_date is None:
        raise PmdeskError(f"postmortem {args.id} has no incident date, so it has no schedule")
    text = postmortem_calendar(pm, datetime.now(UTC), _today(args), _holidays())
    try:
        save_calendar(text, Path(args.output))
    except OSError as exc:
        raise PmdeskError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"wrote {args.output}: the review meeting and the day-14 and day-30 follow-ups")
    return 0


def _add_followup(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    clock = argparse.ArgumentParser(add_help=False)
    clock.add_argument("--today", metavar="DATE", help="take this date (YYYY-MM-DD) as today")
    parents = [common, clock]
    library = argparse.ArgumentParser(add_help=False)
    library.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,  # as --db: also accepted before the command
        help="read a team library folder instead of the store (CI)",
    )

    p = sub.add_parser(
        "actions", parents=[*parents, library], help="list action items, most overdue first"
    )
    p.add_argument("--overdue", action="store_true", help="only open items past their due date")
    p.add_argument("--owner", metavar="NAME", help="only this owner (whole name, any case)")
    p.add_argument("--priority", metavar="P", help="only this priority: high, medium or low")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_actions)

    p = sub.add_parser(
        "gate",
        parents=[*parents, library],
        help="exit 1 while an action item of a priority is overdue (CI)",
    )
    p.add_argument(
        "--priority",
        default="high",
        type=str.lower,
        choices=["high", "medium", "low"],
        help="the lowest priority that blocks (default: high)",
    )
    p.set_defaults(func=cmd_gate)

    p = sub.add_parser(
        "metrics", parents=[*parents, library], help="practice metrics beside their targets"
    )
    p.add_argument("--since", metavar="DATE", help="first incident date (default: until - 180 d)")
    p.add_argument("--until", metavar="DATE", help="last incident date (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_metrics)

    p = sub.add_parser(
        "schedule", parents=parents, help="the business-day schedule of a postmortem"
    )
    p.add_argument("id", type=postmortem_id, help="the postmortem's id (see: pmdesk list)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("calendar", parents=parents, help="write meeting and follow-ups as .ics")
    p.add_argument("id", type=postmortem_id, help="the postmortem's id (see: pmdesk list)")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the .ics file to write")
    p.set_defaults(func=cmd_calendar)


# --- timeline import --------------------------------------------------------------------


def cmd_import_timeline(args: argparse.Namespace) -> int:
    from pmdesk.importers import apply_import, plan_import, read_timeline
    from pmdesk.models import format_utc

    # The file is read whole before the store is opened: a bad file writes nothing.
    found = read_timeline(
        args.file, args.format, args.tz, time_column=args.time_column, text_column=args.text_column
    )
    with _store(args) as store:
        plan = plan_import(store, args.id, found.events)
        if args.dry_run:
            added, skipped = plan.new_events, plan.duplicates
        else:
            result = apply_import(store, args.id, found.events)
            added, skipped = result.added, result.skipped
    outside = {id(c.event) for c in plan.candidates if c.outside_window}
    flags = [id(planned) in outside for planned in plan.new_events]
    if args.json:
        events = [
            {"at": format_utc(e.at), "text": e.text, "source": e.source, "outside_window": flag}
            for e, flag in zip(added, flags, strict=True)
        ]
        _print_json({"added": len(added), "skipped": skipped, "events": events})
        return 0
    verb = "would add" if args.dry_run else "added"
    print(
        f"{verb} {counted(len(added), 'event')} from {found.format} (times without an offset "
        f"read in {found.zone}); skipped {skipped} already in the timeline"
    )
    for event, flag in zip(added, flags, strict=True):
        mark = "  (outside the incident window)" if flag else ""
        print(f"  {format_utc(event.at)}  [{event.source}]  {event.text}{mark}")
    return 0


def _add_import_timeline(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import-timeline",
        parents=[common],
        help="add events to a timeline from alert, paging or chat history",
    )
    p.add_argument("id", type=postmortem_id, help="the postmortem's id (see: pmdesk list)")
    p.add_argument("file", type=Path, help="the file, or a Slack export folder or zip")
    p.add_argument(
        "--format",
        choices=["csv", "alertmanager", "pagerduty", "slack", "json"],
        help="the file's format (default: detected from its contents)",
    )
    p.add_argument(
        "--tz",
        metavar="ZONE",
        default="UTC",
        help="IANA zone of times written without an offset, e.g. Europe/Berlin (default: UTC)",
    )
    p.add_argument("--time-column", metavar="NAME|N", help="CSV: the column holding the time")
    p.add_argument("--text-column", metavar="NAME|N", help="CSV: the column holding the text")
    p.add_argument("--dry-run", action="store_true", help="show what would be added; write nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_import_timeline)


# --- PDF and Markdown -------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    fmt = args.format or (output.suffix.lower().lstrip(".") if output else "md")
    fmt = {"markdown": "md", "pdf": "pdf", "md": "md"}.get(fmt)
    try:
        is_folder = output is not None and output.is_dir()
    except OSError:  # a name the file system cannot hold: the writer says so in one line
        is_folder = False
    if is_folder:
        raise PmdeskError(f"{output} is a folder: give a file name, e.g. -o {output / 'name.pdf'}")
    if fmt is None:
        raise PmdeskError("choose the format with --format pdf or --format md")
    if args.public or args.list_replacements:
        from pmdesk.cli_share import export_public

        with _existing_store(args) as store:
            return export_public(args, store, store.get(args.id), fmt)
    with _existing_store(args) as store:
        pm = store.get(args.id)
    if fmt == "pdf":
        from pmdesk.export.pdf import export_pdf

        if output is None:
            raise PmdeskError("a PDF needs a file to go to: add -o FILE.pdf")
        pages = export_pdf(pm, output, page_size=args.page_size)
        print(f"wrote {output} ({pages} page{'s' if pages != 1 else ''})")
        return 0
    from pmdesk.export.markdown import export_markdown, render_markdown

    if output is None:
        sys.stdout.write(render_markdown(pm))
        return 0
    export_markdown(pm, output)
    print(f"wrote {output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pmdesk.export.markdown_parse import read_markdown_file

    # Read and check the whole file before the store is opened: a bad file writes nothing.
    found = read_markdown_file(args.file)
    with _store(args) as store:
        pm = store.create(found.postmortem)
    for note in found.skipped:
        print(f"pmdesk: {note}", file=sys.stderr)
    if args.json:
        _print_json({"id": pm.id, "skipped": found.skipped})
    else:
        print(pm.id)
    return 0


def _add_export(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write a postmortem as PDF or Markdown")
    p.add_argument("id", type=postmortem_id, help="the postmortem's id (see: pmdesk list)")
    p.add_argument(
        "--format",
        choices=["pdf", "md", "markdown"],
        help="pdf or md (default: from the -o file's extension; Markdown without -o)",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write (Markdown: default stdout)",
    )
    p.add_argument(
        "--page-size",
        choices=["A4", "Letter"],
        help="paper size of the PDF (default: the page_size setting, A4 unless changed)",
    )
    p.add_argument(
        "--public",
        action="store_true",
        help="the public version: names, contacts, hosts and secrets replaced (choices from the window)",
    )
    p.add_argument(
        "--list-replacements",
        action="store_true",
        help="print what the public version replaces, and write nothing",
    )
    p.set_defaults(func=cmd_export)


def cmd_digest(args: argparse.Namespace) -> int:
    from pmdesk.cli_share import cmd_digest as digest

    return digest(args, _existing_store(args), _holidays(), _today(args))


def _add_digest(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from pmdesk.cli_share import add_digest_arguments

    clock = argparse.ArgumentParser(add_help=False)
    clock.add_argument("--today", metavar="DATE", help="take this date (YYYY-MM-DD) as today")
    p = sub.add_parser(
        "digest", parents=[common, clock], help="a newsletter digest of the postmortems of a period"
    )
    add_digest_arguments(p)
    p.set_defaults(func=cmd_digest)


def _add_import(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import", parents=[common], help="add a postmortem from a Markdown file in the template"
    )
    p.add_argument("file", type=Path, help="the Markdown file (.md)")
    p.add_argument("--json", action="store_true", help='print {"id": ..., "skipped": [...]}')
    p.set_defaults(func=cmd_import)


def cmd_lint(args: argparse.Namespace) -> int:
    from pmdesk.input_files import guarded_lint_input
    from pmdesk.lint import Linter, default_linter, rules_problem
    from pmdesk.lint.report import run_lint

    # Every file passes the shared guard (regular files, size, lines, nesting) before
    # the linter reads it; standard input is read here, bounded, and handed on.
    with guarded_lint_input(args.files):
        linter = Linter.from_files(Path(args.rules)) if args.rules else default_linter()
        if not args.rules and rules_problem():
            print(f"pmdesk: {rules_problem()}", file=sys.stderr)
        people = [p.strip() for p in (args.people or "").split(",") if p.strip()]
        return run_lint(args.files, linter=linter, people=people, fmt=args.format)


def _add_lint(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "lint", parents=[common], help="check text for blame language (exit 1 on warnings)"
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="Markdown or text files; - is stdin")
    p.add_argument("--people", metavar="A,B", help="names of the people in the document")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    p.add_argument("--rules", metavar="FILE", help="a rules file to use instead of the user's")
    p.set_defaults(func=cmd_lint)


#: each adds one subcommand; a new command is a function above and a line here
REGISTRARS: list[Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]] = [
    _add_list,
    _add_show,
    _add_lint,
    _add_followup,
    _add_import_timeline,
    _add_export,
    _add_import,
    add_library_commands,
    _add_digest,
    add_backup_commands,
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
    # The window's start makes a few hundred thousand objects (modules, classes, widgets) that
    # live as long as the process: no garbage collection walks them while it starts, and once
    # it has, they are frozen out of every later one (pmdesk.ui.app.run, settle_objects).
    gc.disable()
    try:
        from pmdesk.ui.app import run
    except ImportError as exc:
        raise PmdeskError(f"the window needs PySide6, which cannot be loaded: {exc}") from None
    chosen_elsewhere = bool(args.db or os.environ.get(DB_ENV, "").strip())
    return run(
        db_path(args.db),
        exit_after_startup=args.exit_after_startup,
        use_remembered=not chosen_elsewhere and not args.library,
        library=Path(args.library) if args.library else None,
    )


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
    parser.add_argument(
        "--library", metavar="DIR", default=None, help="open a team library folder (see: library)"
    )
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
    for stream in (sys.stdout, sys.stderr):
        # A title with an em dash must not crash a report on a console or pipe
        # that cannot show it (cp1252 on Windows, an ASCII locale in CI).
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return run_window(args)
        return args.func(args)
    except PmdeskError as exc:
        print(f"pmdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except OverflowError:
        # --today 0001-01-01 or 9999-12-31: a schedule or period would leave the calendar
        print("pmdesk: a date is too far in the past or future to work with", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        # a damaged page met by a read-only command, which skipped the full check
        print(
            f"pmdesk: the store cannot be read ({exc}); restore it from a backup", file=sys.stderr
        )
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `pmdesk list | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
