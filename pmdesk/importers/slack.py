"""A Slack channel export: the folder, or its zip, of per-day JSON files and users.json.

Slack writes `users.json` and `channels.json` at the top and one folder per
channel holding a `YYYY-MM-DD.json` list of that day's messages. People's
messages become events in time order, authors and `<@U…>` mentions shown by
name; joins, leaves and messages from bots are noise in a postmortem and are
skipped. An export of several channels prefixes each event with its channel.
"""

from __future__ import annotations

import html
import re
from datetime import tzinfo
from pathlib import Path, PurePosixPath
from typing import Any

from pmdesk.importers.errors import TimelineImportError
from pmdesk.importers.reading import (
    check_event_count,
    decode_text,
    load_json,
    read_file,
    read_folder,
    unzip,
)
from pmdesk.importers.times import UTC, from_epoch
from pmdesk.models import TimelineEvent

SOURCE = "slack"

_DAY_FILE = re.compile(r"\d{4}-\d{2}-\d{2}\.json")
#: subtypes that are a person saying something; every other subtype is housekeeping
_SPOKEN = {None, "", "thread_broadcast", "file_share", "me_message"}
_MARKUP = re.compile(r"<([@#!])?([^<>|]*)(?:\|([^<>]*))?>")


def read_slack(source: bytes | Path, tz: tzinfo = UTC, name: str = "export") -> list[TimelineEvent]:
    """Timeline events for the people's messages in a Slack export (folder, zip or day file)."""
    del tz  # Slack stamps every message in epoch seconds: the zone never applies
    files = _files(source, name)
    users = _users(files, name)
    channels = _channels(files)
    if not channels:
        raise TimelineImportError(
            f"{name} is not a Slack export (no per-day YYYY-MM-DD.json message files found)"
        )
    prefix = len(channels) > 1
    seen: dict[tuple[str, str], tuple[float, TimelineEvent]] = {}
    count = 0
    for channel, day_files in sorted(channels.items()):
        for path in sorted(day_files):
            messages = load_json(decode_text(files[path], path), path)
            if not isinstance(messages, list):
                raise TimelineImportError(f"{path} in {name} is not a list of Slack messages")
            count += len(messages)
            check_event_count(count, name)
            for message in messages:
                found = _event(message, users, path)
                if found is None:
                    continue
                ts, text = found
                if prefix:
                    text = f"#{channel}: {text}"
                at = from_epoch(ts, f"{path}: message time")
                seen.setdefault(
                    (channel, ts), (float(ts), TimelineEvent(at=at, text=text, source=SOURCE))
                )
    return [event for _, event in sorted(seen.values(), key=lambda pair: pair[0])]


def _files(source: bytes | Path, name: str) -> dict[str, bytes]:
    if isinstance(source, Path):
        if source.is_dir():
            files = {_channel_path(source.name, p): d for p, d in read_folder(source).items()}
            users = source.parent / "users.json"
            # A channel's own folder, picked inside an export: its people are one level up.
            if "users.json" not in files and users.is_file():
                files["users.json"] = read_file(users)
            return files
        source = read_file(source)
    if source[:2] == b"PK":
        return unzip(source, name)
    return {f"{name}/1970-01-01.json": source}  # one day file on its own


def _channel_path(folder: str, path: str) -> str:
    """Day files directly inside a picked channel folder are filed under that channel."""
    return f"{folder}/{path}" if _DAY_FILE.fullmatch(path) else path


def _channels(files: dict[str, bytes]) -> dict[str, list[str]]:
    channels: dict[str, list[str]] = {}
    for path in files:
        parts = PurePosixPath(path).parts
        if len(parts) >= 2 and _DAY_FILE.fullmatch(parts[-1]):
            channels.setdefault(parts[-2], []).append(path)
    return channels


def _users(files: dict[str, bytes], name: str) -> dict[str, str]:
    """User id -> the name a reader knows them by."""
    paths = [p for p in files if PurePosixPath(p).name == "users.json"]
    if not paths:
        return {}
    found = load_json(decode_text(files[paths[0]], paths[0]), paths[0])
    if not isinstance(found, list):
        raise TimelineImportError(f"users.json in {name} is not a list of users")
    names = {}
    for user in found:
        if isinstance(user, dict) and isinstance(user.get("id"), str):
            names[user["id"]] = _person(user) or user["id"]
    return names


def _person(user: dict[str, Any]) -> str:
    profile = user.get("profile") if isinstance(user.get("profile"), dict) else {}
    for value in (
        profile.get("real_name"),
        user.get("real_name"),
        profile.get("display_name"),
        user.get("name"),
    ):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _event(message: Any, users: dict[str, str], path: str) -> tuple[str, str] | None:
    """(ts, "Author: text") for a person's message; None for noise."""
    if not isinstance(message, dict) or message.get("type", "message") != "message":
        return None
    subtype = message.get("subtype")
    if not (subtype is None or isinstance(subtype, str)) or subtype not in _SPOKEN:
        return None
    if message.get("bot_id"):
        return None
    ts = message.get("ts")
    if not isinstance(ts, str | int | float) or isinstance(ts, bool):
        raise TimelineImportError(f"{path} holds a message without a time (ts)")
    ts = str(ts)
    raw = message.get("text")
    text = _plain(raw, users) if isinstance(raw, str) else ""
    if not text:
        text = _shared_files(message)
    if not text:
        return None
    author = _author(message, users)
    return ts, f"{author}: {text}" if author else text


def _author(message: dict[str, Any], users: dict[str, str]) -> str:
    user = message.get("user")
    if isinstance(user, str) and user in users:
        return users[user]
    profile = message.get("user_profile")
    if isinstance(profile, dict):
        name = _person(profile) or _person({"profile": profile})
        if name:
            return name
    return user if isinstance(user, str) else ""


def _shared_files(message: dict[str, Any]) -> str:
    files = message.get("files")
    if not isinstance(files, list):
        return ""
    names = [
        str(f.get("title") or f.get("name"))
        for f in files
        if isinstance(f, dict) and (f.get("title") or f.get("name"))
    ]
    return f"shared {', '.join(names)}" if names else ""


def _plain(text: str, users: dict[str, str]) -> str:
    """Slack's markup as a reader sees it: names for mentions, labels for links."""

    def replace(match: re.Match[str]) -> str:
        sigil, target, label = match.group(1), match.group(2), match.group(3)
        if sigil == "@":
            return "@" + (users.get(target) or label or target)
        if sigil == "#":
            return "#" + (label or target)
        if sigil == "!":
            if label:
                return label
            return "@" + target.split("^")[0]
        if label and label != target:
            return f"{label} ({target})"
        return target

    plain = _MARKUP.sub(replace, text)
    return " ".join(html.unescape(plain).split())
