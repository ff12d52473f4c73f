"""Meeting mode's core: the agenda, live flags with redirect prompts, action-item checks. Free of Qt.

from pmdesk.meeting import load_agenda, MeetingCursor, flags_for_text, check_action_item
"""

from pmdesk.meeting.action_check import ActionFinding, check_action_item
from pmdesk.meeting.agenda import (
    TIMELINE_STEP,
    Agenda,
    AgendaStep,
    FollowUps,
    MeetingCursor,
    StepClock,
    follow_up_dates,
    format_remaining,
    load_agenda,
)
from pmdesk.meeting.flags import (
    LiveFlag,
    answer_flags,
    flag_near,
    flags_for_action,
    flags_for_text,
    flags_for_whys,
    flags_with_text,
    root_cause_flags,
)
from pmdesk.meeting.projector import ProjectorFlags, ProjectorText, projector_flags

__all__ = [
    "TIMELINE_STEP",
    "ActionFinding",
    "Agenda",
    "AgendaStep",
    "FollowUps",
    "LiveFlag",
    "MeetingCursor",
    "ProjectorFlags",
    "ProjectorText",
    "StepClock",
    "answer_flags",
    "check_action_item",
    "flag_near",
    "flags_for_action",
    "flags_for_text",
    "flags_for_whys",
    "flags_with_text",
    "follow_up_dates",
    "format_remaining",
    "load_agenda",
    "projector_flags",
    "root_cause_flags",
]
