"""The digest of a period in its three formats."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pmdesk.cli import main
from pmdesk.errors import PmdeskError
from pmdesk.models import Status, Store
from pmdesk.share.digest import build_digest, render, render_html
from tests.share.redaction_set import cases

TODAY = date(2026, 12, 1)


def postmortems():
    """The first seven postmortems of the redaction set (later additions leave these tests be)."""
    out = []
    for i, (name, pm, _, _) in enumerate(cases(), 1):
        if name[:2] <= "07":
            pm.id = i
            out.append(pm)
    return out


def test_only_postmortems_completed_for_incidents_in_the_period():
    digest = build_digest(postmortems(), date(2026, 4, 1), date(2026, 8, 31), TODAY)
    titles = [e.title for e in digest.entries]
    assert titles == [
        "Expired signing key broke mobile logins after the 2.14.0.3 release",
        "Notification backlog after a consumer deploy doubled message size",
    ]  # the June DNS postmortem is still in review


def test_markdown_reads_as_a_short_newsletter_section():
    text = render(build_digest(postmortems(), date(2026, 1, 1), date(2026, 12, 31), TODAY), "md")
    assert text.startswith("## Postmortem digest, 2026-01-01 to 2026-12-31")
    assert "6 postmortems completed" in text
    assert "- **Impact:** For 95 minutes no new payments were settled." in text
    assert (
        "Move snapshot output to a dedicated volume on every ledger host — Morgan Jenkins · Done 2026-02-14"
        in text
    )
    # 2 of the 7 incidents recur (configuration change, expired credential)
    assert "| Recurring incidents | 29% | < 10% | missed |" in text
    assert "- expired credential: 2 incidents, 2026-04-22 to 2026-10-07" in text
    # about a hundred words an incident: a month's digest reads in a minute
    assert len(text.split()) / 6 < 150


def test_text_format_has_no_markup():
    text = render(build_digest(postmortems(), date(2026, 10, 1), date(2026, 10, 31), TODAY), "text")
    assert "Partner API outage" in text
    assert "**" not in text and "<p" not in text and "|---" not in text
    assert "Action items per postmortem" in text


def test_html_is_inline_styled_and_loads_nothing_even_from_hostile_text():
    pms = postmortems()
    pms[0].title = 'Disk <img src="http://tracker.example/p.gif"> full <script>alert(1)</script>'
    pms[
        0
    ].user_impact = '<a href="javascript:alert(1)">click</a> <link rel=stylesheet href=//x.css>'
    html = render_html(build_digest(pms, date(2026, 1, 1), date(2026, 12, 31), TODAY))
    assert "style=" in html
    tags = re.findall(r"<[^>]*>", html)
    assert {re.match(r"</?(\w+)", t).group(1) for t in tags} <= {
        "div",
        "h2",
        "h3",
        "p",
        "ul",
        "li",
        "strong",
        "em",
        "span",
        "table",
        "tr",
        "th",
        "td",
    }
    assert not any(re.search(r"\s(?:href|src|on\w+)=|url\(", t) for t in tags)
    assert "&lt;img" in html  # the title still says what it says, as text


def test_no_postmortem_in_the_period_says_so():
    text = render(build_digest(postmortems(), date(2025, 1, 1), date(2025, 1, 31), TODAY), "text")
    assert "No postmortem was completed" in text
    with pytest.raises(PmdeskError, match="after it ends"):
        build_digest([], date(2026, 2, 1), date(2026, 1, 1), TODAY)


def test_digest_command_writes_each_format(tmp_path, capsys):
    db = tmp_path / "s.db"
    with Store(db) as store:
        for pm in postmortems():
            pm.id = None
            store.create(pm)
    for fmt in ("md", "html", "text"):
        out = tmp_path / f"digest.{fmt}"
        code = main(
            [
                "--db",
                str(db),
                "digest",
                "--since",
                "2026-01-01",
                "--until",
                "2026-12-31",
                "--format",
                fmt,
                "-o",
                str(out),
                "--today",
                "2026-12-01",
            ]
        )
        assert code == 0
        assert "Ledger writes stalled" in out.read_text(encoding="utf-8")
    assert main(["--db", str(db), "digest", "--since", "2026-12-01", "--until", "2026-01-01"]) == 2
    assert "comes after" in capsys.readouterr().err


def test_the_digest_leaves_out_drafts_and_the_example():
    pms = postmortems()
    for pm in pms:
        pm.status = Status.DRAFT
    assert build_digest(pms, date(2026, 1, 1), date(2026, 12, 31), TODAY).entries == ()
