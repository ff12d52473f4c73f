"""Colours derived from the palette, so text stays readable in light and dark desktop themes.

An accent ("overdue red", "example amber") is a hue, not a fixed colour: a background is the
palette's own background with a little of the accent mixed in, and text in the accent is made
lighter or darker until it reaches WCAG AA contrast (4.5:1) against what it sits on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

AA = 4.5  # WCAG 2 AA for normal-size text


def luminance(colour: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(background: QColor) -> bool:
    return luminance(background) < 0.18


def mix(colour: QColor | str, background: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `background` (0: the background, 1: the colour)."""
    colour = QColor(colour)
    return QColor.fromRgbF(
        background.redF() + (colour.redF() - background.redF()) * amount,
        background.greenF() + (colour.greenF() - background.greenF()) * amount,
        background.blueF() + (colour.blueF() - background.blueF()) * amount,
    )


def readable(colour: QColor | str, background: QColor, ratio: float = AA) -> QColor:
    """`colour`'s hue, made lighter (on a dark background) or darker until it reads."""
    colour = QColor(colour)
    towards = QColor("white") if is_dark(background) else QColor("black")
    step = 0.0
    result = colour
    while contrast(result, background) < ratio and step < 1.0:
        step += 0.05
        result = mix(towards, colour, step)
    return result


def tinted(colour: QColor | str, background: QColor) -> QColor:
    """A background for a highlighted row or note: the palette's own, with a hint of `colour`."""
    return mix(colour, background, 0.28 if is_dark(background) else 0.14)


def on_base(colour: QColor | str) -> QColor:
    """`colour` made readable on the application palette's base (lists and tables)."""
    return readable(colour, app_palette().base().color())


def app_palette() -> QPalette:
    """The application's palette (for item models, which have no widget of their own)."""
    return QGuiApplication.palette()
