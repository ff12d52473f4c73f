"""The sharing commands: `pmdesk digest` and `pmdesk export ID --public` (see pmdesk.cli)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from pmdesk.errors import PmdeskError
from pmdesk.files import write_atomically
from pmdesk.models import Postmortem, Store, parse_date

DIGEST_DAYS = 30


def digest_period(since: str | None, until: str | None, today: date) -> tuple[date, date]:
    """--since and --until as dates; by default the 30 days up to today."""
    end = parse_date(until, "--until") or today
    start = parse_date(since, "--since") or end - timedelta(days=DIGEST_DAYS - 1)
    if start > end:
        raise PmdeskError(f"--since {start} comes after --until {end}")
    return start, end


def cmd_digest(args: argparse.Namespace, store: Store, holidays: list[date], today: date) -> int:
    from pmdesk.share.digest import build_digest, render

    since, until = digest_period(args.since, args.until, today)
    with store:
        pms = store.postmortems()
    text = render(build_digest(pms, since, until, today, holidays), args.format)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_atomically(args.output, text.encode("utf-8"))
    print(f"wrote {args.output}")
    return 0


def add_digest_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="DATE", help="first incident date (default: until - 29 d)")
    p.add_argument("--until", metavar="DATE", help="last incident date (default: today)")
    p.add_argument(
        "--format", choices=["md", "html", "text"], default="md", help="output (default: md)"
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="where to write (default: stdout)"
    )


def export_public(args: argparse.Namespace, store: Store, pm: Postmortem, fmt: str) -> int:
    """Redact with the choices saved for this postmortem, warn about blame language, write."""
    from pmdesk.share.public import export_public as write_public
    from pmdesk.share.public import load_choices, public_version, render_public_markdown

    version = public_version(pm, load_choices(store, args.id))
    plan = version.plan
    if args.list_replacements:
        for r in plan.replacements:
            mark = "kept as written" if not r.accepted else r.placeholder
            print(f"{r.kind.label:<14} {r.original}  →  {mark}  ({len(r.occurrences)}×)")
        return 0
    for finding in version.findings:
        print(
            f"pmdesk: warning: blame language in the public version: {finding.line()}",
            file=sys.stderr,
        )
    output: Path | None = args.output
    replaced = sum(len(r.occurrences) for r in plan.replacements if r.accepted)
    summary = f"public version, {replaced} replacement{'s' if replaced != 1 else ''}"
    if fmt == "pdf":
        if output is None:
            raise PmdeskError("a PDF needs a file to go to: add -o FILE.pdf")
        pages = write_public(plan.public, output, "pdf", page_size=args.page_size)
        print(f"wrote {output} ({summary}, {pages} page{'s' if pages != 1 else ''})")
        return 0
    if output is None:
        sys.stdout.write(render_public_markdown(plan.public))
        return 0
    write_public(plan.public, output, "md")
    print(f"wrote {output} ({summary})")
    return 0
