"""Three-way merge of one postmortem, section by section and row by row (the git merge driver).

git calls `pmdesk merge-file BASE OURS THEIRS PATH` for every postmortem both sides
changed. Each version is read as a Postmortem and merged field by field:
- a field only one side changed takes that side's value;
- free text both sides changed is merged line by line by `git merge-file`; lines both
  changed keep both versions between conflict markers in the field itself;
- timeline events, contributing factors and action items are merged row by row (a row
  is known by its time and text, its text, its action): rows added on either side are
  kept, a row deleted on one side and edited on the other keeps the edit, and a
  detail of one row both sides changed keeps this copy's value in the table and both
  values in a marked block under Meeting Notes;
- one-line fields (title, dates, severity, status...) both changed work the same way.
Nothing either side wrote is dropped: every conflict is a marked block a person resolves
in the window, which lists them. A file that is not a postmortem is merged as plain text.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmdesk.errors import PmdeskError
from pmdesk.export.markdown import render_markdown
from pmdesk.files import write_atomically
from pmdesk.library.folder import LibraryFile, parse_library_text
from pmdesk.library.git import GitError, git
from pmdesk.models.postmortem import Postmortem

OURS_LABEL = "this copy"
THEIRS_LABEL = "incoming"
MARKER_START = "<<<<<<< "

_TEXT_FIELDS = (
    "user_impact",
    "revenue_impact",
    "what_happened",
    "why_it_happened",
    "why_not_caught",
    "root_cause",
    "went_well",
    "could_improve",
)
_ONE_LINE_FIELDS = (
    "title",
    "incident_date",
    "status",
    "severity",
    "started_at",
    "ended_at",
    "root_cause_category",
    "draft_shared_at",
    "meeting_at",
)
#: field names as the conflict notes and the window say them
FIELD_LABELS = {
    "user_impact": "user impact",
    "revenue_impact": "revenue impact",
    "what_happened": "what happened",
    "why_it_happened": "why it happened",
    "why_not_caught": "why it was not caught",
    "root_cause": "root cause",
    "went_well": "what went well",
    "could_improve": "what could be improved",
    "meeting_notes": "meeting notes",
    "whys": "Five Whys",
    "timeline": "timeline",
    "contributing_factors": "contributing factors",
    "action_items": "action items",
}


@dataclass
class MergeResult:
    postmortem: Postmortem
    #: one entry per field or row detail that kept both versions
    conflicts: list[str] = field(default_factory=list)


def merge_postmortems(base: Postmortem | None, ours: Postmortem, theirs: Postmortem) -> MergeResult:
    """The merge of two edited versions of `base` (None when both sides added the file)."""
    base = base or Postmortem(title="")
    notes: list[str] = []  # marked blocks for Meeting Notes
    conflicts: list[str] = []
    values: dict[str, Any] = {}

    for name in _ONE_LINE_FIELDS:
        b, o, t = (getattr(pm, name) for pm in (base, ours, theirs))
        value, clash = _pick(b, o, t)
        values[name] = value
        if clash:
            label = name.replace("_", " ")
            conflicts.append(label)
            notes.append(_block(label, _show(o), _show(t)))
    values["authors"] = _merge_authors(base.authors, ours.authors, theirs.authors)
    for name in (*_TEXT_FIELDS, "meeting_notes"):
        b, o, t = (getattr(pm, name) for pm in (base, ours, theirs))
        text, clashed = merge_text(b, o, t)
        values[name] = text
        if clashed:
            conflicts.append(FIELD_LABELS[name])
    values["whys"], clashed = _merge_whys(base.whys, ours.whys, theirs.whys)
    if clashed:
        conflicts.append("Five Whys")
    rows: list[tuple[str, Callable[[Any], Hashable], str]] = [
        ("timeline", lambda e: (e.at, e.text), "timeline event"),
        ("contributing_factors", lambda f: f.text, "contributing factor"),
        ("action_items", lambda a: a.action, "action item"),
    ]
    for name, key, noun in rows:
        merged, clashes = _merge_rows(
            getattr(base, name), getattr(ours, name), getattr(theirs, name), key
        )
        values[name] = merged
        for row_key, detail, o, t in clashes:
            label = f"{noun} {_row_name(row_key)}: {detail.replace('_', ' ')}"
            conflicts.append(label)
            notes.append(_block(label, _show(o), _show(t)))
    if notes:
        extra = "\n\n".join(notes)
        values["meeting_notes"] = (
            f"{values['meeting_notes']}\n\n{extra}" if values["meeting_notes"] else extra
        )
    try:
        merged_pm = Postmortem(**values)
    except PmdeskError:
        # the merged incident window disagrees with itself: keep this copy's, mark the other
        values["started_at"], values["ended_at"] = ours.started_at, ours.ended_at
        merged_pm = Postmortem(**values)
        conflicts.append("incident window")
    return MergeResult(merged_pm, conflicts)


def conflicted_fields(pm: Postmortem) -> list[str]:
    """The fields of `pm` that still hold a marked conflict, as the window lists them."""
    found = []
    for name in (*_TEXT_FIELDS, "meeting_notes"):
        if has_markers(getattr(pm, name)):
            found.append(FIELD_LABELS[name])
    if any(has_markers(w) for w in pm.whys):
        found.append(FIELD_LABELS["whys"])
    return found


def has_markers(text: str) -> bool:
    return text.startswith(MARKER_START) or f"\n{MARKER_START}" in text


# --- values ----------------------------------------------------------------------------


def _pick(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """The three-way choice for one value, and whether both sides changed it differently."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _block(label: str, ours: str, theirs: str) -> str:
    return (
        f"{MARKER_START}{OURS_LABEL}: {label}\n{ours}\n=======\n{theirs}\n"
        f">>>>>>> {THEIRS_LABEL}: {label}"
    )


def merge_text(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Free text merged line by line with git's own merge; (text, kept both versions)."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    with tempfile.TemporaryDirectory(prefix="pmdesk-merge-") as tmp:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(tmp) / name
            path.write_text(text + "\n", encoding="utf-8")
            paths.append(str(path))
        done = git(
            Path(tmp),
            "-c",
            "merge.conflictStyle=merge",
            "merge-file",
            "-p",
            "-L",
            OURS_LABEL,
            "-L",
            "base",
            "-L",
            THEIRS_LABEL,
            *paths,
            check=False,
        )
    if done.code < 0 or done.code > 127:
        raise GitError(f"git merge-file failed: {done.first_error_line()}")
    return done.out.rstrip("\n"), done.code > 0


def _merge_authors(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    removed = (set(base) - set(ours)) | (set(base) - set(theirs))  # by either side
    merged = [a for a in ours if a not in removed]
    for name in theirs:
        if name not in merged and name not in removed:
            merged.append(name)
    return merged


def _merge_whys(base: list[str], ours: list[str], theirs: list[str]) -> tuple[list[str], bool]:
    if ours == theirs or theirs == base:
        return list(ours), False
    if ours == base:
        return list(theirs), False
    merged, clashed = [], False
    for i in range(max(len(base), len(ours), len(theirs))):
        b, o, t = (lst[i] if i < len(lst) else "" for lst in (base, ours, theirs))
        text, clash = merge_text(b, o, t)
        clashed = clashed or clash
        if text:
            merged.append(text)
    return merged, clashed


# --- rows ------------------------------------------------------------------------------


def _merge_rows(
    base: list[Any], ours: list[Any], theirs: list[Any], key: Callable[[Any], Hashable]
) -> tuple[list[Any], list[tuple[Hashable, str, Any, Any]]]:
    """Rows merged by identity; returns the rows and (row, detail, ours, theirs) clashes."""
    b, o, t = _keyed(base, key), _keyed(ours, key), _keyed(theirs, key)
    clashes: list[tuple[Hashable, str, Any, Any]] = []
    merged: dict[Hashable, Any] = {}
    for k, row in o.items():
        if k not in t:
            if k in b and _same(row, b[k]):
                continue  # deleted incoming, unchanged here
            merged[k] = row  # added here, or edited here against a deletion
            continue
        merged[k], details = _merge_row(b.get(k), row, t[k])
        clashes += [(k, name, ov, tv) for name, ov, tv in details]
    order = list(merged)
    for position, (k, row) in enumerate(t.items()):
        if k in o:
            continue
        if k in b and _same(row, b[k]):
            continue  # deleted here, unchanged incoming
        merged[k] = row
        before = [key_ for key_ in list(t)[:position] if key_ in order]
        at = order.index(before[-1]) + 1 if before else len(order)
        order.insert(at, k)
    return [merged[k] for k in order], clashes


def _keyed(rows: list[Any], key: Callable[[Any], Hashable]) -> dict[Hashable, Any]:
    out: dict[Hashable, Any] = {}
    for row in rows:
        k = key(row)
        n = 1
        while (k, n) in out if n > 1 else k in out:
            n += 1
        out[(k, n) if n > 1 else k] = row
    return out


def _plain(row: Any) -> dict[str, Any]:
    return {f.name: getattr(row, f.name) for f in dataclasses.fields(row) if f.name != "id"}


def _same(a: Any, b: Any) -> bool:
    return _plain(a) == _plain(b)


def _merge_row(base: Any | None, ours: Any, theirs: Any) -> tuple[Any, list[tuple[str, Any, Any]]]:
    b = _plain(base) if base is not None else {}
    o, t = _plain(ours), _plain(theirs)
    values, clashes = {}, []
    for name in o:
        if base is None:  # added on both sides under one name
            value, clash = o[name], o[name] != t[name]
        else:
            value, clash = _pick(b[name], o[name], t[name])
        values[name] = value
        if clash:
            clashes.append((name, o[name], t[name]))
    try:
        return type(ours)(**values), clashes
    except PmdeskError:
        return ours, clashes  # e.g. a status and a completion date that disagree


def _row_name(key: Hashable) -> str:
    if isinstance(key, tuple) and len(key) == 2 and isinstance(key[1], int):
        key = key[0]
    if isinstance(key, tuple):
        at, text = key
        return f"{at:%Y-%m-%d %H:%M} {_short(text)!r}"
    return repr(_short(str(key)))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:49] + "…"


# --- the driver ------------------------------------------------------------------------


def merge_files(base: Path, ours: Path, theirs: Path, name: str = "") -> tuple[int, list[str]]:
    """git's merge driver: merge into `ours`; (exit status, conflicts kept as marked blocks)."""
    label = name or ours.name
    try:
        texts = [p.read_bytes() for p in (base, ours, theirs)]
    except OSError as exc:
        raise PmdeskError(f"cannot read a version of {label}: {exc.strerror or exc}") from None
    docs: list[LibraryFile | None] = []
    for raw in texts:
        try:
            docs.append(parse_library_text(label, raw) if raw.strip() else None)
        except PmdeskError:
            docs.append(None)
    mine, other = docs[1], docs[2]
    if mine is None or other is None or (texts[0].strip() and docs[0] is None):
        return _merge_as_text(base, ours, theirs, label), []
    result = merge_postmortems(
        docs[0].postmortem if docs[0] else None, mine.postmortem, other.postmortem
    )
    uid = mine.uid if mine.has_own_id else other.uid
    write_atomically(ours, render_markdown(result.postmortem, uid=uid).encode("utf-8"))
    return 0, result.conflicts


def _merge_as_text(base: Path, ours: Path, theirs: Path, label: str) -> int:
    done = git(
        ours.parent,
        "merge-file",
        "-L",
        f"{OURS_LABEL}: {label}",
        "-L",
        "base",
        "-L",
        f"{THEIRS_LABEL}: {label}",
        str(ours),
        str(base),
        str(theirs),
        check=False,
    )
    return min(done.code, 1) if done.code >= 0 else 1
