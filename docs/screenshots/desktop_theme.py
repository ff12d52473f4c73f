"""A light or dark desktop palette for the screenshot scripts, as a user's desktop theme sets it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette  # noqa: TID251 - a UI script
from PySide6.QtWidgets import QApplication  # noqa: TID251

THEMES = ("light", "dark")
_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Highlight: "#3d6fb6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8fc1ff",
    QPalette.ColorRole.ToolTipBase: "#353535",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    QPalette.ColorRole.Mid: "#4a4a4a",
}


def apply(app: QApplication, theme: str) -> None:
    """Give `app` the style's standard light palette, or a dark one."""
    palette = QPalette(app.style().standardPalette())
    if theme == "dark":
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
    app.setPalette(palette)
