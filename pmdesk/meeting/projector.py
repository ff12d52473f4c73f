"""The flags the projector shows, with the words they were found in. Free of Qt.

Working them out may parse (the Five Whys check), so the UI does it away from its own
thread, from a snapshot of the words; the slide then shows a result only while the
postmortem still holds those very words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmdesk.meeting.action_check import check_action_item
from pmdesk.meeting.flags import flags_for_whys
from pmdesk.models.postmortem import Postmortem


@dataclass(frozen=True)
class ProjectorText:
    """The words of a postmortem that the projector's flags are about."""

    #: the answers given so far (blank ones left out, as on the slide)
    whys: tuple[str, ...]
    root_cause: str
    #: each action item's (action, owner, due date), in the postmortem's order
    actions: tuple[tuple[str, str, date | None], ...]

    @classmethod
    def of(cls, pm: Postmortem) -> ProjectorText:
        return cls(
            tuple(w for w in pm.whys if w.strip()),
            pm.root_cause,
            tuple((a.action, a.owner, a.due_date) for a in pm.action_items),
        )


@dataclass(frozen=True)
class ProjectorFlags:
    """What the room is told about `text`."""

    text: ProjectorText
    #: the Five Whys chain ends at a person
    chain_stops_at_person: bool
    #: for each action item, the first problem with it ("" when none)
    action_problems: tuple[str, ...]


def projector_flags(text: ProjectorText) -> ProjectorFlags:
    """Work out the projector's flags (slow: the Five Whys check may parse)."""
    problems = []
    for action, owner, due_date in text.actions:
        found = check_action_item(action, owner, due_date)
        problems.append(found[0].message if found else "")
    return ProjectorFlags(
        text,
        bool(flags_for_whys(text.whys, text.root_cause)),
        tuple(problems),
    )
