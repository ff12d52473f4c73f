"""A digest of a period for a newsletter or a chat: what was learned, in a minute's reading.

The postmortems completed in the period (incident date in [since, until], status complete),
each as a short summary, then the period's practice metrics beside their targets and the
root-cause categories that recurred. Rendered as Markdown, as HTML that pastes into an email
(inline styles, nothing loaded from anywhere, sanitised by nh3), or as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

import nh3

from pmdesk.errors import PmdeskError
from pmdesk.models.metrics import PracticeMetrics, Verdict, practice_metrics
from pmdesk.models.postmortem import ActionItem, Postmortem, Status

FORMATS = ("md", "html", "text")
_ONE_LINE = 180


@dataclass(frozen=True)
class DigestEntry:
    id: int | None
    title: str
    incident_date: date | None
    severity: str
    duration: str
    impact: str
    root_cause: str
    category: str
    actions: tuple[ActionItem, ...]


@dataclass(frozen=True)
class Digest:
    since: date
    until: date
    entries: tuple[DigestEntry, ...]
    metrics: PracticeMetrics


def build_digest(
    postmortems: Iterable[Postmortem],
    since: date,
    until: date,
    today: date,
    holidays: Collection[date] = (),
) -> Digest:
    """The digest of incidents dated `since` to `until`, both included."""
    if since > until:
        raise PmdeskError(f"the period starts ({since}) after it ends ({until})")
    everyone = [pm for pm in postmortems if not pm.is_example]
    done = [
        pm
        for pm in everyone
        if pm.status is Status.COMPLETE
        and pm.incident_date is not None
        and since <= pm.incident_date <= until
    ]
    done.sort(key=lambda pm: (pm.incident_date, pm.id or 0))
    metrics = practice_metrics(everyone, since, until, today, holidays)
    return Digest(since, until, tuple(_entry(pm) for pm in done), metrics)


def _entry(pm: Postmortem) -> DigestEntry:
    return DigestEntry(
        id=pm.id,
        title=_line(pm.title) or "Untitled postmortem",
        incident_date=pm.incident_date,
        severity=pm.severity.value,
        duration=_duration(pm.duration_minutes),
        impact=first_sentence(pm.user_impact) or "Not recorded.",
        root_cause=first_sentence(pm.root_cause or pm.why_it_happened) or "Not recorded.",
        category=_line(pm.root_cause_category),
        actions=tuple(a for a in pm.action_items if a.action.strip()),
    )


def first_sentence(text: str, limit: int = _ONE_LINE) -> str:
    """The first sentence of `text` on one line, Markdown marks removed, cut at a word."""
    text = re.sub(r"[*_`#>]+", "", text)
    text = _line(text)
    match = re.match(r"(.+?[.!?])(?:\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


def _line(text: str) -> str:
    return " ".join(text.split())


def _duration(minutes: int | None) -> str:
    if minutes is None:
        return "duration not recorded"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def _action_text(item: ActionItem) -> tuple[str, str]:
    owner = item.owner.strip() or "no owner"
    if item.completed_on:
        when = f" {item.completed_on.isoformat()}"
    else:
        when = f", due {item.due_date.isoformat()}" if item.due_date else ""
    return item.action.strip(), f"{owner} · {item.status.label}{when}"


def _heading(d: Digest) -> str:
    return f"Postmortem digest, {d.since.isoformat()} to {d.until.isoformat()}"


def _intro(d: Digest) -> str:
    n = len(d.entries)
    if not n:
        return "No postmortem was completed for incidents in this period."
    word = "postmortem" if n == 1 else "postmortems"
    return f"{n} {word} completed for incidents in this period."


def _verdict_mark(verdict: Verdict) -> str:
    return {Verdict.MET: "met", Verdict.MISSED: "missed", Verdict.NO_DATA: "no data"}[verdict]


# --- Markdown ---------------------------------------------------------------------------


def _md(text: str) -> str:
    """User text that Markdown shows as written."""
    return re.sub(r"([\\`*\[\]<>])", r"\\\1", text)


def render_markdown(d: Digest) -> str:
    out = [f"## {_heading(d)}", "", _intro(d), ""]
    for e in d.entries:
        day = e.incident_date.isoformat() if e.incident_date else ""
        out += [f"### {_md(e.title)}", f"*{day} · {e.severity} · {e.duration}*", ""]
        out.append(f"- **Impact:** {_md(e.impact)}")
        category = f" *({_md(e.category)})*" if e.category else ""
        out.append(f"- **Root cause:** {_md(e.root_cause)}{category}")
        if e.actions:
            out.append("- **Actions:**")
            for item in e.actions:
                action, meta = _action_text(item)
                out.append(f"  - {_md(action)} — {_md(meta)}")
        out.append("")
    out += ["### Practice metrics", "", "| Metric | Value | Target | |", "|---|---|---|---|"]
    for m in d.metrics.metrics:
        out.append(f"| {m.label} | {m.formatted()} | {m.target} | {_verdict_mark(m.verdict)} |")
    out += ["", *_recurring_lines(d, _md, "- ")]
    return "\n".join(out).rstrip() + "\n"


def _recurring_lines(d: Digest, esc, bullet: str) -> list[str]:
    cats = d.metrics.recurring_categories
    if not cats:
        return ["No root-cause category recurred in this period."]
    lines = ["Recurring root-cause categories:"]
    for c in cats:
        word = "incident" if c.count == 1 else "incidents"
        lines.append(f"{bullet}{esc(c.category)}: {c.count} {word}, {c.first} to {c.last}")
    return lines


# --- plain text -------------------------------------------------------------------------


def render_text(d: Digest) -> str:
    heading = _heading(d)
    out = [heading, "=" * len(heading), "", _intro(d), ""]
    for e in d.entries:
        day = e.incident_date.isoformat() if e.incident_date else ""
        out += [e.title, "-" * min(len(e.title), 72), f"{day} · {e.severity} · {e.duration}"]
        out.append(f"Impact: {e.impact}")
        category = f" ({e.category})" if e.category else ""
        out.append(f"Root cause: {e.root_cause}{category}")
        for item in e.actions:
            action, meta = _action_text(item)
            out.append(f"  * {action} — {meta}")
        out.append("")
    out += ["Practice metrics", "----------------"]
    width = max((len(m.label) for m in d.metrics.metrics), default=0)
    for m in d.metrics.metrics:
        out.append(
            f"{m.label:<{width}}  {m.formatted():<18} target {m.target:<18} "
            f"{_verdict_mark(m.verdict)}"
        )
    out += ["", *_recurring_lines(d, str, "  * ")]
    return "\n".join(out).rstrip() + "\n"


# --- HTML -------------------------------------------------------------------------------

_FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2933"
_VERDICT_COLOUR = {Verdict.MET: "#1a7f37", Verdict.MISSED: "#b42318", Verdict.NO_DATA: "#5f6b7a"}
_ALLOWED_TAGS = {"div", "h2", "h3", "p", "ul", "li", "strong", "em", "table", "tr", "th", "td"}


def render_html(d: Digest) -> str:
    """A self-contained fragment with inline styles: pastes into an email as it looks here."""
    e_ = escape
    out = [f'<div style="{_FONT};font-size:14px;line-height:1.45;max-width:720px">']
    out.append(f'<h2 style="font-size:20px;margin:0 0 4px 0">{e_(_heading(d))}</h2>')
    out.append(f'<p style="margin:0 0 12px 0;color:#5f6b7a">{e_(_intro(d))}</p>')
    for e in d.entries:
        day = e.incident_date.isoformat() if e.incident_date else ""
        out.append(
            '<div style="border-left:3px solid #2f6fde;padding:2px 0 2px 12px;margin:0 0 14px 0">'
        )
        out.append(f'<h3 style="font-size:16px;margin:0 0 2px 0">{e_(e.title)}</h3>')
        out.append(
            f'<p style="margin:0 0 6px 0;color:#5f6b7a;font-size:12px">'
            f"{e_(day)} · {e_(e.severity)} · {e_(e.duration)}</p>"
        )
        out.append(f'<p style="margin:0 0 4px 0"><strong>Impact:</strong> {e_(e.impact)}</p>')
        category = f' <em style="color:#5f6b7a">({e_(e.category)})</em>' if e.category else ""
        out.append(
            f'<p style="margin:0 0 4px 0"><strong>Root cause:</strong> '
            f"{e_(e.root_cause)}{category}</p>"
        )
        if e.actions:
            out.append('<ul style="margin:4px 0 0 0;padding-left:20px">')
            for item in e.actions:
                action, meta = _action_text(item)
                out.append(
                    f'<li style="margin:0 0 2px 0">{e_(action)} '
                    f'<span style="color:#5f6b7a">— {e_(meta)}</span></li>'
                )
            out.append("</ul>")
        out.append("</div>")
    out.append('<h3 style="font-size:16px;margin:16px 0 6px 0">Practice metrics</h3>')
    out.append('<table style="border-collapse:collapse;font-size:13px">')
    cell = "padding:3px 10px 3px 0;border-bottom:1px solid #e4e7eb;text-align:left"
    out.append(
        f'<tr><th style="{cell}">Metric</th><th style="{cell}">Value</th>'
        f'<th style="{cell}">Target</th><th style="{cell}"></th></tr>'
    )
    for m in d.metrics.metrics:
        colour = _VERDICT_COLOUR[m.verdict]
        out.append(
            f'<tr><td style="{cell}">{e_(m.label)}</td><td style="{cell}">{e_(m.formatted())}</td>'
            f'<td style="{cell}">{e_(m.target)}</td>'
            f'<td style="{cell};color:{colour};font-weight:bold">'
            f"{e_(_verdict_mark(m.verdict))}</td></tr>"
        )
    out.append("</table>")
    lines = _recurring_lines(d, e_, "")
    if len(lines) == 1:
        out.append(f'<p style="margin:12px 0 0 0">{lines[0]}</p>')
    else:
        out.append(f'<p style="margin:12px 0 2px 0">{lines[0]}</p>')
        out.append('<ul style="margin:0;padding-left:20px">')
        out += [f"<li>{line}</li>" for line in lines[1:]]
        out.append("</ul>")
    out.append("</div>")
    return sanitise("\n".join(out) + "\n")


def sanitise(html: str) -> str:
    """Only the tags the digest uses, only inline styles, no links, images or URLs at all."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS | {"span"},
        attributes={"*": {"style"}},
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
    )


def render(d: Digest, fmt: str) -> str:
    if fmt not in FORMATS:
        raise PmdeskError(f"unknown digest format {fmt!r}: expected md, html or text")
    return {"md": render_markdown, "html": render_html, "text": render_text}[fmt](d)
