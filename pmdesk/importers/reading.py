"""Reading untrusted files with bounded memory: sizes, encodings, JSON depth, zip members.

A source file comes from another system and may be huge, truncated or hostile.
Every limit is checked before the bytes are in memory, so a bad file costs a
clear message, not the machine.
"""

from __future__ import annotations

import codecs
import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pmdesk.importers.errors import TimelineImportError
from pmdesk.input_files import read_bytes

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 50_000
#: objects and lists in one JSON document: a 100 MB file of tiny objects would take
#: gigabytes once parsed, so such a file is refused before parsing
MAX_JSON_CONTAINERS = 2_000_000
#: more events than anyone reviews in a preview; refused before they are built
MAX_EVENTS = 200_000

_CHUNK = 1024 * 1024


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, refusing before reading when it is larger than `limit`."""
    return read_bytes(path, limit, kind="timeline file", error=TimelineImportError)


def decode_text(data: bytes, name: str) -> str:
    """Text from UTF-8 (with or without a BOM) or UTF-16 (with a BOM, or plainly so)."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif _looks_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TimelineImportError(
            f"{name} is not UTF-8 or UTF-16 text (undecodable byte at offset {exc.start}); "
            "save it as UTF-8 and import again"
        ) from None
    if "\x00" in text:
        raise TimelineImportError(f"{name} holds binary data, not text")
    return text


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM, as Windows tools write it: mostly ASCII, so every other byte is 0."""
    head = data[: min(len(data), 200) // 2 * 2]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) >= 0.9 * len(odd) and not even.count(0)) or (
        even.count(0) >= 0.9 * len(even) and not odd.count(0)
    )


def check_event_count(count: int, name: str) -> None:
    """Refuse a file holding more events than MAX_EVENTS, before building them."""
    if count > MAX_EVENTS:
        raise TimelineImportError(
            f"{name} holds {count:,} entries, more than the {MAX_EVENTS:,} pmdesk imports at once; "
            "split it or export a shorter period"
        )


def load_json(text: str, name: str, *, lines_ok: bool = False) -> Any:
    """Parse JSON text within bounded memory and stack.

    With `lines_ok`, text holding one JSON value per line (JSON Lines) gives the
    list of those values.
    """
    # An upper bound (brackets inside strings count too) that costs no memory: a
    # 100 MB file of tiny objects would take gigabytes once parsed.
    containers = text.count("{") + text.count("[")
    if containers > MAX_JSON_CONTAINERS:
        raise TimelineImportError(
            f"{name} holds over {MAX_JSON_CONTAINERS:,} JSON objects and lists, more than "
            "pmdesk reads from one file"
        )
    if lines_ok and "\n" in text.strip():
        try:
            return _parse(text, name)
        except _ExtraData:
            return [_parse(line, f"{name} line {n}") for n, line in _lines(text)]
    return _parse(text, name)


class _ExtraData(TimelineImportError):
    """More than one JSON value: JSON Lines, perhaps."""


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield number, line


def _parse(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            raise _ExtraData(str(_invalid(exc, name))) from None
        raise _invalid(exc, name) from None
    except RecursionError:
        # The C parser counts its own depth and stops cleanly at the recursion limit,
        # so JSON nested 10,000 (or 10 million) deep costs neither stack nor memory.
        raise TimelineImportError(f"{name} nests JSON too deeply to read safely") from None
    except (MemoryError, ValueError) as exc:
        raise TimelineImportError(f"{name} is not valid JSON ({type(exc).__name__})") from None


def _invalid(exc: json.JSONDecodeError, name: str) -> TimelineImportError:
    return TimelineImportError(
        f"{name} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    )


def unzip(
    data: bytes, name: str, suffix: str = ".json", limit: int = MAX_UNPACKED_BYTES
) -> dict[str, bytes]:
    """The files ending in `suffix` in a zip archive, refusing to unpack beyond `limit`."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise TimelineImportError(f"{name} is not a readable zip archive") from None
    with archive:
        members = [
            m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(suffix)
        ]
        if len(members) > MAX_ZIP_MEMBERS:
            raise TimelineImportError(f"{name} holds more than {MAX_ZIP_MEMBERS} files")
        declared = sum(m.file_size for m in members)
        if declared > limit:
            raise TimelineImportError(
                f"{name} would unpack to {_mb(declared)}, more than the {_mb(limit)} pmdesk imports"
            )
        files: dict[str, bytes] = {}
        total = 0
        for member in members:
            parts = []
            unpacked = 0
            try:
                for chunk in _member_chunks(archive, member):
                    total += len(chunk)
                    unpacked += len(chunk)
                    # The declared sizes may lie; count what really comes out.
                    if total > limit or unpacked > member.file_size:
                        raise TimelineImportError(
                            f"{name} unpacks to more than it declares; refusing it"
                        )
                    parts.append(chunk)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
                raise TimelineImportError(
                    f"{name} is damaged: cannot unpack {member.filename}"
                ) from None
            except NotImplementedError:
                raise TimelineImportError(
                    f"{name} uses a compression method pmdesk cannot unpack"
                ) from None
            except RuntimeError:  # encrypted member
                raise TimelineImportError(f"{name} is encrypted") from None
            files[member.filename] = b"".join(parts)
    return files


def _member_chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(member) as f:
        while chunk := f.read(_CHUNK):
            yield chunk


def read_folder(folder: Path, limit: int = MAX_UNPACKED_BYTES) -> dict[str, bytes]:
    """The JSON files under `folder`, by path relative to it, within `limit` bytes in all."""
    paths = _json_files(folder)
    try:
        total = sum(p.stat().st_size for p in paths)
    except OSError as exc:
        raise TimelineImportError(f"cannot read {folder}: {exc.strerror or exc}") from None
    if total > limit:
        raise TimelineImportError(
            f"{folder.name} holds {_mb(total)} of JSON, more than the {_mb(limit)} pmdesk imports"
        )
    return {p.relative_to(folder).as_posix(): read_file(p) for p in paths}


#: a Slack export is channel/day.json, perhaps inside one more folder
MAX_FOLDER_DEPTH = 3
#: entries looked at before giving up on a folder that is not an export (say, /)
MAX_FOLDER_ENTRIES = 2 * MAX_ZIP_MEMBERS


def _json_files(folder: Path) -> list[Path]:
    """The .json files at most MAX_FOLDER_DEPTH down, refusing a folder far larger than an export."""
    found: list[Path] = []
    seen = 0
    level = [folder]
    for _ in range(MAX_FOLDER_DEPTH):
        below: list[Path] = []
        for current in level:
            try:
                with os.scandir(current) as entries:
                    for entry in entries:
                        seen += 1
                        if seen > MAX_FOLDER_ENTRIES:
                            raise TimelineImportError(
                                f"{folder.name or folder} holds more than {MAX_FOLDER_ENTRIES:,} "
                                "files and folders; it is not a Slack export"
                            )
                        # Symbolic links are not followed: an export holds none.
                        if entry.is_dir(follow_symlinks=False):
                            below.append(Path(entry.path))
                        elif entry.is_file(follow_symlinks=False) and entry.name.endswith(".json"):
                            found.append(Path(entry.path))
            except OSError as exc:
                raise TimelineImportError(f"cannot read {current}: {exc.strerror or exc}") from None
        level = below
    if len(found) > MAX_ZIP_MEMBERS:
        raise TimelineImportError(f"{folder.name} holds more than {MAX_ZIP_MEMBERS} files")
    return sorted(found)
