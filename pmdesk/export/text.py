"""A postmortem as plain text for a terminal: every field, in the template's order."""

from __future__ import annotations

from datetime import datetime

from pmdesk.models.postmortem import Postmortem


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"


def render_text(pm: Postmortem) -> str:
    lines: list[str] = []

    def section(title: str, body: str | list[str]) -> None:
        lines.extend(["", title, "-" * len(title)])
        if isinstance(body, str):
            lines.append(body.strip() or "—")
        else:
            lines.extend(body or ["—"])

    heading = f"{pm.title}" + ("  [example]" if pm.is_example else "")
    lines += [heading, "=" * len(heading)]
    duration = pm.duration_minutes
    lines += [
        f"Id:            {pm.id}",
        f"Incident date: {pm.incident_date or '—'}",
        f"Authors:       {', '.join(pm.authors) or '—'}",
        f"Status:        {pm.status.label}",
        f"Severity:      {pm.severity.value}",
        f"Start:         {_when(pm.started_at)}",
        f"End:           {_when(pm.ended_at)}",
        f"Duration:      {f'{duration} minutes' if duration is not None else '—'}",
        f"Draft shared:  {_when(pm.draft_shared_at)}",
        f"Meeting:       {_when(pm.meeting_at)}",
    ]
    section("Impact: users", pm.user_impact)
    section("Impact: revenue", pm.revenue_impact)
    section(
        "Timeline (UTC)",
        [f"{e.at:%Y-%m-%d %H:%M:%S}  {e.text}  [{e.source}]" for e in pm.timeline],
    )
    section("What happened", pm.what_happened)
    section("Why it happened", pm.why_it_happened)
    section("Why it was not caught earlier", pm.why_not_caught)
    section("Five Whys", [f"{i}. {answer}" for i, answer in enumerate(pm.whys, 1)])
    section("Root cause", pm.root_cause)
    section("Root-cause category", pm.root_cause_category)
    section(
        "Contributing factors",
        [f"[{'x' if f.checked else ' '}] {f.text}" for f in pm.contributing_factors],
    )
    section("What went well", pm.went_well)
    section("What could be improved", pm.could_improve)
    section(
        "Action items",
        [
            f"- {a.action} (owner: {a.owner or '—'}; priority: {a.priority.value}; "
            f"due: {a.due_date or '—'}; status: {a.status.label}"
            + (f"; completed: {a.completed_on}" if a.completed_on else "")
            + (f"; {a.tracker_url}" if a.tracker_url else "")
            + ")"
            for a in pm.action_items
        ],
    )
    section("Meeting notes", pm.meeting_notes)
    return "\n".join(lines) + "\n"
