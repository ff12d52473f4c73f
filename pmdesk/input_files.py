"""The one guard every file pmdesk reads from a user goes through.

A file to import, lint or load may be huge, a FIFO that never ends, a device, a
folder, or text built to make a parser take the machine. Each kind of input
states its limits once (`TextLimits`); the guard refuses, in one short line and
before anything is stored, whatever is not a regular file or is over a limit,
so the memory a read takes stays a small multiple of the limit.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pmdesk.errors import PmdeskError


class InputFileError(PmdeskError):
    """A file given to pmdesk that it will not read; nothing has been changed."""


@dataclass(frozen=True)
class TextLimits:
    """What one kind of text input may hold."""

    #: what the file is, for messages ("Markdown file", "settings file")
    kind: str
    max_bytes: int
    max_lines: int
    #: lists and quotes inside each other (Markdown), or None where nesting means nothing
    max_nesting: int | None = None


_MB = 1024 * 1024

# A postmortem in Markdown is tens of kilobytes; 2 MB holds one with a timeline of
# some 20,000 events, which imports in about a second (a 9 MB file took 7 s and
# 120 MB, measured with /usr/bin/time on `pmdesk import`).
MARKDOWN = TextLimits("Markdown file", max_bytes=2 * _MB, max_lines=100_000, max_nesting=64)
#: text given to `pmdesk lint`: documents, not logs
LINT_TEXT = TextLimits("text to lint", max_bytes=2 * _MB, max_lines=100_000, max_nesting=64)
#: settings.json: a handful of values and a list of holidays
SETTINGS = TextLimits("settings file", max_bytes=1 * _MB, max_lines=100_000)


def _size(n: int) -> str:
    return f"{n / _MB:.0f} MB" if n >= _MB else f"{n / 1024:.0f} KB"


def read_bytes(
    path: str | os.PathLike[str],
    max_bytes: int,
    *,
    kind: str = "file",
    error: type[PmdeskError] = InputFileError,
) -> bytes:
    """The bytes of a regular file no larger than `max_bytes`; anything else is refused at once."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise error(f"{path} does not exist") from None
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{path} is a folder, not a {kind}")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path} is not a regular file (a pipe, socket or device), so not a {kind}")
    if info.st_size > max_bytes:
        raise error(
            f"{path.name} is {_size(info.st_size)}, more than the {_size(max_bytes)} pmdesk "
            f"reads from a {kind}"
        )
    try:
        # O_NONBLOCK: if the path is swapped for a FIFO after the check, opening it
        # must not wait for a writer that never comes.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            return _bounded(f, path, max_bytes, kind, error)
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from None


def read_stream(
    stream: BinaryIO, name: str, max_bytes: int, *, kind: str = "file",
    error: type[PmdeskError] = InputFileError,
) -> bytes:  # fmt: skip
    """At most `max_bytes` from a stream (standard input); more is refused, not truncated."""
    return _bounded(stream, Path(name), max_bytes, kind, error)


def _bounded(f: BinaryIO, path: Path, max_bytes: int, kind: str, error: type[PmdeskError]) -> bytes:
    # One byte past the limit: a file that grew since stat is still refused.
    data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise error(f"{path.name} is larger than the {_size(max_bytes)} pmdesk reads from a {kind}")
    return data


def read_text(
    path: str | os.PathLike[str],
    limits: TextLimits,
    *,
    error: type[PmdeskError] = InputFileError,
) -> str:
    """The UTF-8 text of a file within `limits` (a byte-order mark is dropped)."""
    path = Path(path)
    data = read_bytes(path, limits.max_bytes, kind=limits.kind, error=error)
    text = decode(data, path.name, limits.kind, error)
    check_text(text, path.name, limits, error=error)
    return text


def decode(
    data: bytes, name: str, kind: str = "file", error: type[PmdeskError] = InputFileError
) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"{name} is not UTF-8 text (undecodable byte at offset {exc.start}), so not a {kind}"
        ) from None


# A line's nesting: the list markers and quote marks it opens with, plus, when it
# opens with one, its indentation in steps of two spaces (a tab counts as four):
# that is how deep a Markdown parser nests it. Indented plain text nests nothing.
_OPENERS = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)")
_INDENT = re.compile(r"[ \t]*")


def check_text(
    text: str, name: str, limits: TextLimits, *, error: type[PmdeskError] = InputFileError
) -> None:
    """Refuse text with more lines, or deeper nesting, than `limits` allow."""
    lines = text.count("\n") + 1
    if lines > limits.max_lines:
        raise error(
            f"{name} has {lines:,} lines, more than the {limits.max_lines:,} pmdesk reads from a "
            f"{limits.kind}"
        )
    if limits.max_nesting is None:
        return
    for number, line in enumerate(text.split("\n"), 1):
        depth = _nesting(line, limits.max_nesting)
        if depth > limits.max_nesting:
            raise error(
                f"{name} line {number} nests lists or quotes more than {limits.max_nesting} "
                f"deep, more than pmdesk reads from a {limits.kind}"
            )


def _nesting(line: str, cap: int) -> int:
    if not _OPENERS.match(line):
        return 0
    indent = _INDENT.match(line)
    depth = len(indent.group().expandtabs(4)) // 2 if indent else 0
    pos = 0
    while depth <= cap and (m := _OPENERS.match(line, pos)) and m.end() > pos:
        depth += 1
        pos = m.end()
    return depth


@contextmanager
def guarded_lint_input(names: Sequence[str]) -> Iterator[None]:
    """Check every file `pmdesk lint` was given; standard input ("-") is read once, bounded.

    Inside the block, sys.stdin holds the checked text, so the linter reads that.
    """
    for name in names:
        if name != "-":
            read_text(name, LINT_TEXT)
    if "-" not in names and names:
        yield
        return
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # already a text stream (tests)
        data = sys.stdin.read().encode("utf-8")
        if len(data) > LINT_TEXT.max_bytes:
            raise InputFileError(
                f"standard input is larger than the {_size(LINT_TEXT.max_bytes)} pmdesk reads"
            )
    else:
        data = read_stream(stream, "standard input", LINT_TEXT.max_bytes, kind=LINT_TEXT.kind)
    text = decode(data, "standard input", LINT_TEXT.kind)
    check_text(text, "standard input", LINT_TEXT)
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = saved
