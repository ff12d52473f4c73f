"""What the room sees at each stop of the agenda, as rich text sized from one base font size.

Each function returns HTML for QTextDocument; `px` is the body size in pixels and
every other size is a multiple of it, so the slide view can shrink a long slide
to fit the screen without changing its proportions. User text is Markdown: it is
rendered and sanitised (pmdesk.safe_html), so `code` and **bold** show as such and
no tag of the user's own reaches the slide. The slides carry what the PDF does:
each why with its question, action items with owner, priority and a dated due day.

Nothing here works flags out: that may parse, so it happens in the lint worker, and the
slide shows the result it is given (`SlideContext.flags`) only while the postmortem still
holds the words it was found in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape

from pmdesk.meeting import Agenda, FollowUps, MeetingCursor, ProjectorFlags, ProjectorText
from pmdesk.models import ActionItem, Postmortem
from pmdesk.safe_html import markdown_to_safe_html
from pmdesk.ui.editor.whys_editor import question
from pmdesk.ui.meeting.theme import Theme

#: timeline events shown before and after the current one
NEIGHBOURS = 2
#: captions, labels and counters, as a share of the body size: 24 px beside a 32 px body
CAPTION = 0.75


@dataclass(frozen=True)
class SlideContext:
    pm: Postmortem
    agenda: Agenda
    cursor: MeetingCursor
    theme: Theme
    follow_ups: FollowUps | None
    show_flags: bool = False
    #: the flags worked out so far (None: not yet); shown only with `show_flags`
    flags: ProjectorFlags | None = None


def slide_html(ctx: SlideContext, px: float) -> str:
    """The whole slide for the cursor's stop."""
    body = {
        "opening": _opening,
        "impact": _impact,
        "timeline": _timeline,
        "root_cause": _root_cause,
        "actions": _actions,
        "wrap_up": _wrap_up,
    }[ctx.cursor.step.key](ctx, px)
    return f"<div style='color:{ctx.theme.text}; font-size:{px:.0f}px'>{body}</div>"


def centred(ctx: SlideContext) -> bool:
    """Every slide is set in the middle of the screen, so none leaves half of it empty."""
    return True


def markdown_html(text: str, *, inline: bool = False) -> str:
    """User text as sanitised HTML; each line break kept, as the room saw it typed."""
    html = markdown_to_safe_html(text.strip().replace("\n", "  \n"))
    if inline:
        html = re.sub(r"^<p>(.*)</p>$", r"\1", html.strip(), flags=re.DOTALL)
    # code in the body's colour, on no background: QTextDocument's default is hard to read
    return html.replace("<code>", "<code style='font-family:monospace'>")


# --- pieces ----------------------------------------------------------------------------


def _caption(ctx: SlideContext, px: float) -> str:
    step = ctx.cursor.step
    number = ctx.cursor.step_index + 1
    return (
        f"<p style='color:{ctx.theme.dim}; font-size:{px * CAPTION:.0f}px; margin-bottom:{px * 0.2:.0f}px'>"
        f"{escape(_short(ctx.pm.title, 90))} · {number} of {len(ctx.agenda.steps)}: "
        f"{escape(step.title)}</p>"
    )


def _heading(ctx: SlideContext, px: float, text: str) -> str:
    return (
        f"<p style='color:{ctx.theme.accent}; font-size:{px * 1.5:.0f}px; font-weight:700; "
        f"margin-bottom:{px * 0.5:.0f}px'>{escape(text)}</p>"
    )


def _para(text: str, px: float, style: str = "") -> str:
    """A paragraph of pmdesk's own words (escaped)."""
    lines = "<br>".join(escape(line) for line in text.strip().splitlines())
    return f"<p style='margin-bottom:{px * 0.6:.0f}px; {style}'>{lines}</p>"


def _user_text(text: str, px: float, style: str = "") -> str:
    """The user's Markdown, rendered, in a block of the slide's body size."""
    return f"<div style='margin-bottom:{px * 0.6:.0f}px; {style}'>{markdown_html(text)}</div>"


def _label(ctx: SlideContext, px: float, text: str) -> str:
    return (
        f"<p style='color:{ctx.theme.dim}; font-size:{px * CAPTION:.0f}px; font-weight:600; "
        f"margin-top:{px * 0.5:.0f}px; margin-bottom:0'>{escape(text.upper())}</p>"
    )


def _flag(ctx: SlideContext, px: float, text: str) -> str:
    return (
        f"<p style='color:{ctx.theme.flag}; font-size:{px * 0.75:.0f}px; margin-top:0'>"
        f"⚑ {escape(text)}</p>"
    )


def _flags(ctx: SlideContext) -> ProjectorFlags | None:
    """The flags to show, if they are on and were found in the words the postmortem holds now."""
    flags = ctx.flags
    if not ctx.show_flags or flags is None or flags.text != ProjectorText.of(ctx.pm):
        return None
    return flags


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- the steps -------------------------------------------------------------------------


def _opening(ctx: SlideContext, px: float) -> str:
    t = ctx.theme
    return (
        f"<p align='center' style='color:{t.dim}; font-size:{px * 0.8:.0f}px'>"
        f"{escape(ctx.pm.title or 'Untitled postmortem')}</p>"
        f"<p align='center' style='color:{t.text}; font-size:{px * 2.0:.0f}px; font-weight:700; "
        f"margin-top:{px:.0f}px; margin-bottom:{px:.0f}px'>{escape(ctx.agenda.opening_statement)}</p>"
        f"<p align='center' style='color:{t.accent}; font-size:{px * 0.9:.0f}px'>"
        "Blameless postmortem review</p>"
    )


def _impact(ctx: SlideContext, px: float) -> str:
    pm = ctx.pm
    facts = [pm.severity.label]
    if pm.duration_minutes is not None:
        facts.append(f"{pm.duration_minutes} minutes")
    if pm.started_at is not None:
        end = f"–{pm.ended_at:%H:%M}" if pm.ended_at is not None else ""
        facts.append(f"{pm.started_at:%Y-%m-%d %H:%M}{end} UTC")
    out = [_caption(ctx, px), _heading(ctx, px, "Impact")]
    out.append(_para(" · ".join(facts), px, f"color:{ctx.theme.dim}"))
    out.append(_label(ctx, px, "Users"))
    if pm.user_impact.strip():
        out.append(_user_text(pm.user_impact, px))
    else:
        out.append(_para("Not written down yet.", px, f"color:{ctx.theme.dim}"))
    if pm.revenue_impact.strip():
        out.append(_label(ctx, px, "Business"))
        out.append(_user_text(pm.revenue_impact, px))
    return "".join(out)


def _timeline(ctx: SlideContext, px: float) -> str:
    t = ctx.theme
    events = ctx.pm.timeline
    out = [_caption(ctx, px), _heading(ctx, px, "Timeline (UTC)")]
    current = ctx.cursor.event_index
    if not events or current is None:
        out.append(_para("No events in the timeline yet.", px, f"color:{t.dim}"))
        return "".join(out)
    current = min(current, len(events) - 1)
    several_days = len({e.at.date() for e in events}) > 1
    rows = []
    for i in range(max(0, current - NEIGHBOURS), min(len(events), current + NEIGHBOURS + 1)):
        event = events[i]
        when = f"{event.at:%d %b %H:%M}" if several_days else f"{event.at:%H:%M}"
        if i == current:
            style = f"color:{t.text}; font-size:{px * 1.25:.0f}px; font-weight:700"
            band = f" bgcolor='{t.band}'"
        else:
            style = f"color:{t.dim}; font-size:{px:.0f}px"
            band = ""
        rows.append(
            f"<tr{band}><td style='{style}; white-space:nowrap; padding:{px * 0.35:.0f}px {px * 0.6:.0f}px' "
            f"width='{16 if several_days else 10}%' valign='top'>{when}</td>"
            f"<td style='{style}; padding:{px * 0.35:.0f}px {px * 0.4:.0f}px'>"
            f"{markdown_html(event.text, inline=True)}</td></tr>"
        )
    out.append(f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>")
    out.append(
        f"<p style='color:{t.dim}; font-size:{px * CAPTION:.0f}px; margin-top:{px * 0.6:.0f}px'>"
        f"Event {current + 1} of {len(events)}</p>"
    )
    return "".join(out)


def _root_cause(ctx: SlideContext, px: float) -> str:
    t = ctx.theme
    pm = ctx.pm
    whys = [w for w in pm.whys if w.strip()]
    out = [_caption(ctx, px), _heading(ctx, px, "Five Whys")]
    if not whys:
        out.append(_para("We build the chain together: why did it happen?", px, f"color:{t.dim}"))
    else:
        people = tuple(pm.people())
        rows = []
        for i, answer in enumerate(whys, 1):
            asked = question(i, whys[i - 2] if i > 1 else "", people)
            rows.append(
                f"<tr><td style='color:{t.accent}; font-weight:700; padding:{px * 0.2:.0f}px "
                f"{px * 0.4:.0f}px {px * 0.2:.0f}px 0' valign='top' width='7%'>{i}.</td>"
                f"<td style='padding:{px * 0.2:.0f}px 0'>"
                f"<span style='color:{t.dim}; font-size:{px * CAPTION:.0f}px'>"
                f"{escape(asked)}</span><br>→ {markdown_html(answer, inline=True)}</td></tr>"
            )
        out.append(f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>")
    flags = _flags(ctx)
    if flags is not None and flags.chain_stops_at_person:
        out.append(_flag(ctx, px, "This chain stops at a person: ask why once more."))
    out.append(_label(ctx, px, "Root cause"))
    if pm.root_cause.strip():
        out.append(_user_text(pm.root_cause, px, "font-weight:600"))
    else:
        out.append(_para("Not reached yet.", px, f"color:{t.dim}"))
    return "".join(out)


def _action_rows(ctx: SlideContext, px: float, items: list[ActionItem], size: float) -> str:
    t = ctx.theme
    head = f"padding:{px * 0.2:.0f}px {px * 0.35:.0f}px; font-size:{px * CAPTION:.0f}px"
    head += f"; color:{t.dim}; font-weight:600"
    rows = [
        f"<tr><td style='{head}'>ACTION</td><td style='{head}'>OWNER</td>"
        f"<td style='{head}'>PRIORITY</td><td style='{head}' align='right'>DUE</td></tr>"
    ]
    flags = _flags(ctx)
    for index, item in enumerate(items):
        who = escape(item.owner) if item.owner.strip() else "<i>owner?</i>"
        due = f"{item.due_date:%d %b %Y}" if item.due_date else "<i>date?</i>"
        flag = ""
        if flags is not None and flags.action_problems[index]:
            flag = (
                f"<br><span style='color:{t.flag}; font-size:{size * 0.75:.0f}px'>⚑ "
                f"{escape(flags.action_problems[index])}</span>"
            )
        cell = f"padding:{px * 0.25:.0f}px {px * 0.35:.0f}px; font-size:{size:.0f}px"
        rows.append(
            f"<tr><td style='{cell}'>"
            f"{markdown_html(item.action, inline=True) if item.action.strip() else '(no text yet)'}"
            f"{flag}</td>"
            f"<td style='{cell}; color:{t.dim}' width='20%'>{who}</td>"
            f"<td style='{cell}; color:{t.dim}' width='12%'>{escape(item.priority.label)}</td>"
            f"<td style='{cell}; color:{t.dim}; white-space:nowrap' width='16%' align='right'>"
            f"{due}</td></tr>"
        )
    return f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>"


def _actions(ctx: SlideContext, px: float) -> str:
    items = ctx.pm.action_items
    out = [_caption(ctx, px), _heading(ctx, px, "Action items")]
    if not items:
        out.append(
            _para(
                "What will we change so that this is caught earlier, or cannot happen?",
                px,
                f"color:{ctx.theme.dim}",
            )
        )
        return "".join(out)
    out.append(_action_rows(ctx, px, items, px))
    return "".join(out)


def _wrap_up(ctx: SlideContext, px: float) -> str:
    t = ctx.theme
    out = [_caption(ctx, px), _heading(ctx, px, "Wrap-up")]
    items = ctx.pm.action_items
    if items:
        out.append(_action_rows(ctx, px, items, px * 0.9))
    else:
        out.append(_para("No action items were captured.", px, f"color:{t.dim}"))
    out.append(
        f"<p style='margin-top:{px * 0.8:.0f}px; color:{t.accent}; font-weight:700'>Follow-up</p>"
    )
    if ctx.follow_ups is None:
        out.append(_para("Set the incident date to get the follow-up dates.", px, f"color:{t.dim}"))
    else:
        out.append(
            f"<table cellspacing='0'>"
            f"{_date_row(px, 'Day 14', ctx.follow_ups.day14, 'every action item in progress')}"
            f"{_date_row(px, 'Day 30', ctx.follow_ups.day30, 'every action item done')}</table>"
        )
    out.append(
        f"<p style='margin-top:{px * 0.8:.0f}px; color:{t.dim}'>Thank you for your openness.</p>"
    )
    return "".join(out)


def _date_row(px: float, label: str, day: date, what: str) -> str:
    pad = f"padding:{px * 0.15:.0f}px {px * 0.5:.0f}px {px * 0.15:.0f}px 0"
    return (
        f"<tr><td style='{pad}; font-weight:700'>{label}</td>"
        f"<td style='{pad}'>{day:%a %d %b %Y}</td><td style='{pad}'>{escape(what)}</td></tr>"
    )
