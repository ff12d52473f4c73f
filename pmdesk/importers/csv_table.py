"""CSV (or TSV) with a time column and a text column, as spreadsheets and deploy logs export.

The delimiter is found by trying the usual ones and keeping the one that splits
the rows most consistently; the columns are found by their header names, and
failing that by their contents. When names do not settle it the guess is only a
guess, and the caller must confirm it (the window asks; the command line takes
--time-column and --text-column).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import tzinfo

from pmdesk.importers.errors import CsvColumnsUnclear, TimelineImportError
from pmdesk.importers.reading import check_event_count, decode_text
from pmdesk.importers.times import UTC, clip, parse_time
from pmdesk.models import TimelineEvent

SOURCE = "csv"
DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_ROWS = 50
#: far more than any export has; a row wider than this is refused before columns are guessed
MAX_COLUMNS = 500

_TIME_NAMES = {
    "time", "timestamp", "at", "when", "date", "datetime", "date_time", "time_utc",
    "timestamp_utc", "utc", "occurred", "occurred_at", "created", "created_at", "start",
    "started_at", "event_time", "date_utc", "datetime_utc",
}  # fmt: skip
_TEXT_NAMES = {
    "text", "event", "description", "message", "summary", "details", "what", "note", "notes",
    "title", "activity", "action", "event_text", "comment",
}  # fmt: skip
_SOURCE_NAMES = {"source", "origin", "system", "tool"}


@dataclass(frozen=True)
class CsvLayout:
    """How a CSV file is laid out, as far as pmdesk can tell."""

    delimiter: str
    has_header: bool
    columns: list[str]
    time_column: int | None
    text_column: int | None
    source_column: int | None
    sure: bool


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.casefold()).strip("_")


def _rows(text: str, delimiter: str, name: str, limit: int | None = None) -> list[list[str]]:
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows = []
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS:
                raise TimelineImportError(
                    f"{name} line {reader.line_num} has {len(row):,} columns, more than the "
                    f"{MAX_COLUMNS} pmdesk reads"
                )
            if any(cell.strip() for cell in row):
                rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    except csv.Error as exc:
        problem = "a quoted field is never closed" if "end of data" in str(exc) else str(exc)
        raise TimelineImportError(
            f"{name} is not valid CSV: {problem} (line {reader.line_num})"
        ) from None
    return rows


_LONG_LINE = re.compile(rf"[^\n]{{{MAX_COLUMNS},}}")
_QUOTED = re.compile(r'"[^"]*"')


def _refuse_wide_rows(text: str, name: str) -> None:
    """Refuse rows wider than MAX_COLUMNS before the csv module builds them.

    A row of a million one-byte cells takes some 60 bytes per cell once split, far
    beyond ten times the file; only lines long enough to hold that many delimiters
    are looked at, and delimiters inside quotes do not count.
    """
    for match in _LONG_LINE.finditer(text):
        line = _QUOTED.sub("", match.group())
        widest = max(line.count(d) for d in DELIMITERS) + 1
        if widest > MAX_COLUMNS:
            number = text.count("\n", 0, match.start()) + 1
            raise TimelineImportError(
                f"{name} line {number} has {widest:,} columns, more than the {MAX_COLUMNS} "
                "pmdesk reads"
            )


def _delimiter(text: str, name: str) -> str:
    best, best_score = ",", (-1, -1)
    problems: list[TimelineImportError] = []
    for delimiter in DELIMITERS:
        try:
            rows = _rows(text, delimiter, name, _SAMPLE_ROWS)
        except TimelineImportError as exc:
            problems.append(exc)
            continue
        if not rows:
            continue
        width, count = Counter(len(r) for r in rows).most_common(1)[0]
        score = (count if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    if best_score[0] <= 0 and problems:
        raise problems[0]  # no delimiter splits it cleanly: report why the likeliest failed
    return best


def _parses(value: str) -> bool:
    try:
        parse_time(value)
    except TimelineImportError:
        return False
    return True


def csv_layout(data: bytes | str, name: str = "file") -> CsvLayout:
    """The delimiter, header and best guess of the time and text columns of a CSV file."""
    text = data if isinstance(data, str) else decode_text(data, name)
    _refuse_wide_rows(text, name)
    delimiter = _delimiter(text, name)
    sample = _rows(text, delimiter, name, _SAMPLE_ROWS)
    if not sample:
        raise TimelineImportError(f"{name} holds no rows")
    first = [cell.strip() for cell in sample[0]]
    width = max(len(r) for r in sample)
    keys = [_key(c) for c in first]
    named_time = next((i for i, k in enumerate(keys) if k in _TIME_NAMES), None)
    named_text = next((i for i, k in enumerate(keys) if k in _TEXT_NAMES), None)
    source = next((i for i, k in enumerate(keys) if k in _SOURCE_NAMES), None)
    has_header = named_time is not None or named_text is not None or not any(map(_parses, first))
    columns = first + [""] * (width - len(first)) if has_header else [""] * width
    # Header cells may hold newlines or whole paragraphs; names must fit on one line.
    columns = [clip(" ".join(c.split())) or f"column {i + 1}" for i, c in enumerate(columns)]
    if named_time is not None and named_text is not None:
        return CsvLayout(delimiter, True, columns, named_time, named_text, source, True)
    body = sample[1:] if has_header else sample
    timely = [
        i
        for i in range(width)
        if body
        and all(_parses(r[i]) for r in body if i < len(r) and r[i].strip())
        and any(i < len(r) and r[i].strip() for r in body)
    ]
    time_col = named_time if named_time is not None else (timely[0] if timely else None)
    others = [i for i in range(width) if i != time_col and i not in timely and i != source]
    if named_text is not None:
        text_col: int | None = named_text
    elif others:
        text_col = max(others, key=lambda i: sum(len(r[i]) for r in body if i < len(r)))
    else:
        text_col = None
    # Names settle it; so does content when exactly one column holds times and one text.
    sure = (
        time_col is not None
        and text_col is not None
        and len(timely) <= 1
        and (named_text is not None or len(others) == 1)
    )
    return CsvLayout(delimiter, has_header, columns, time_col, text_col, source, sure)


def _listed(columns: list[str], shown: int = 12) -> str:
    """Column names for a one-line message: the first few, then how many more."""
    if len(columns) <= shown:
        return ", ".join(columns)
    return f"{', '.join(columns[:shown])} and {len(columns) - shown} more"


def _column(choice: str | int, layout: CsvLayout, what: str) -> int:
    if isinstance(choice, int):
        index = choice
    elif choice.strip().isdigit():
        index = int(choice) - 1  # the user counts from 1
    else:
        keys = [_key(c) for c in layout.columns]
        if _key(choice) not in keys:
            raise TimelineImportError(
                f"no {what} column {clip(choice)!r}; the columns are {_listed(layout.columns)}"
            )
        index = keys.index(_key(choice))
    if not 0 <= index < len(layout.columns):
        raise TimelineImportError(f"{what} column {clip(str(choice))!r} is out of range")
    return index


def read_csv(
    data: bytes,
    tz: tzinfo = UTC,
    name: str = "file",
    time_column: str | int | None = None,
    text_column: str | int | None = None,
) -> list[TimelineEvent]:
    """Timeline events, one per row; columns are names, 1-based numbers, or 0-based ints."""
    text = decode_text(data, name)
    layout = csv_layout(text, name)
    time_col = _column(time_column, layout, "time") if time_column is not None else None
    text_col = _column(text_column, layout, "text") if text_column is not None else None
    if time_col is None or text_col is None:
        if not layout.sure:
            raise CsvColumnsUnclear(
                f"cannot tell which columns of {name} hold the time and the text; name them "
                f"with --time-column and --text-column (columns: {_listed(layout.columns)})",
                layout.columns,
                (layout.time_column, layout.text_column)
                if layout.time_column is not None and layout.text_column is not None
                else None,
            )
        time_col = layout.time_column if time_col is None else time_col
        text_col = layout.text_column if text_col is None else text_col
    assert time_col is not None and text_col is not None
    if time_col == text_col:
        raise TimelineImportError("the time column and the text column must differ")
    rows = _rows(text, layout.delimiter, name)
    body = rows[1:] if layout.has_header else rows
    check_event_count(len(body), name)
    first_line = 2 if layout.has_header else 1
    events = []
    for number, row in enumerate(body, first_line):
        cell = row[text_col].strip() if text_col < len(row) else ""
        when = row[time_col].strip() if time_col < len(row) else ""
        if not cell:
            continue
        at = parse_time(when, tz, f"{name} row {number}: time")
        source = SOURCE
        if layout.source_column is not None and layout.source_column < len(row):
            source = row[layout.source_column].strip() or SOURCE
        events.append(TimelineEvent(at=at, text=" ".join(cell.split()), source=source))
    events.sort(key=lambda e: e.at)
    return events
