"""Colours of the audience view: high contrast on a projector, light or dark."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    #: neighbouring timeline events and captions; still above 4.5:1 against the background
    dim: str
    accent: str
    #: the current timeline event's band
    band: str
    flag: str


THEMES = {
    "light": Theme("light", "#ffffff", "#111111", "#5f6368", "#0b4a94", "#e8f0fb", "#8a4500"),
    "dark": Theme("dark", "#101317", "#f4f4f4", "#a0a6ad", "#8fc1ff", "#1d2a3a", "#ffb74d"),
}


def theme(name: str) -> Theme:
    return THEMES.get(name, THEMES["light"])
