"""User settings: a small JSON file in the config folder holding only what differs from the defaults.

Window geometry and other purely visual state live in Qt's settings (pmdesk.ui);
this file holds the choices the core needs too (paper size, holidays, ...).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pmdesk.errors import PmdeskError
from pmdesk.files import write_atomically
from pmdesk.input_files import SETTINGS as SETTINGS_LIMITS
from pmdesk.input_files import read_text
from pmdesk.locations import config_dir
from pmdesk.models.postmortem import parse_date

SETTINGS_FILENAME = "settings.json"
PAGE_SIZES = ("A4", "Letter")
THEMES = ("light", "dark")


class SettingsError(PmdeskError):
    """The settings file cannot be used; it is left as it is."""


@dataclass
class Settings:
    #: paper size of PDF exports
    page_size: str = "A4"
    #: days that are not business days, besides weekends (schedule and metrics)
    holidays: list[date] = field(default_factory=list)
    #: show blame flags on the projector in meeting mode, not only on the console
    show_flags_on_projector: bool = False
    #: colours of the meeting-mode audience view
    meeting_theme: str = "light"
    #: open the PDF in the system viewer after exporting it
    open_pdf_after_export: bool = False
    #: the one-time first-run tip has been shown
    first_run_tip_shown: bool = False

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise PmdeskError(f"page size must be one of {', '.join(PAGE_SIZES)}")
        if self.meeting_theme not in THEMES:
            raise PmdeskError(f"meeting theme must be one of {', '.join(THEMES)}")
        days = [parse_date(d, "holiday") for d in self.holidays]
        self.holidays = sorted({d for d in days if d is not None})

    def to_dict(self) -> dict[str, Any]:
        """Only the values that differ from the defaults."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            default = f.default_factory() if callable(f.default_factory) else f.default  # type: ignore[misc]
            value = getattr(self, f.name)
            if value != default:
                out[f.name] = [d.isoformat() for d in value] if f.name == "holidays" else value
        return out


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILENAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults when there is no file yet.

    A file that cannot be read is an error, not silently replaced, so a typo in a
    hand-edited file does not wipe the user's holidays.
    """
    path = path or settings_path()
    if not path.exists() and not path.is_symlink():
        return Settings()
    raw = read_text(path, SETTINGS_LIMITS, error=SettingsError)
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        known = {f.name for f in dataclasses.fields(Settings)}
        return Settings(**{k: v for k, v in data.items() if k in known})
    except RecursionError:
        raise SettingsError(f"settings file {path} nests JSON too deeply to read") from None
    except (ValueError, TypeError, PmdeskError) as exc:
        raise SettingsError(f"settings file {path} is not valid: {exc}") from None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PmdeskError(f"cannot write settings {path}: {exc.strerror or exc}") from None
    text = json.dumps(settings.to_dict(), indent=2, sort_keys=True) + "\n"
    write_atomically(path, text.encode("utf-8"))
