"""About pmdesk: the version, what it is built on, and the licences of the fonts it ships."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmdesk import __version__
from pmdesk.resource_files import resource
from pmdesk.ui.app_icon import app_icon


@dataclass(frozen=True)
class FontLicence:
    family: str  # "DejaVu": the font files whose names start with it
    summary: str  # one line, e.g. "Apache-2.0"
    fonts: tuple[str, ...]
    text: str


def bundled_font_licences() -> list[FontLicence]:
    """One entry per LICENSE-*.txt under resources/fonts, with the font files it covers."""
    folder = resource("fonts")
    names = sorted(entry.name for entry in folder.iterdir() if entry.is_file())
    fonts = [n for n in names if n.lower().endswith((".ttf", ".otf"))]
    licences = []
    for name in names:
        m = re.fullmatch(r"LICENSE-([A-Za-z0-9]+)(?:-(.+))?\.txt", name)
        if not m:
            continue
        text = folder.joinpath(name).read_text(encoding="utf-8")
        family, from_name = m.group(1), m.group(2)
        covered = tuple(f for f in fonts if f.startswith(family))
        licences.append(FontLicence(family, from_name or _summary(text), covered, text))
    return licences


def _summary(text: str) -> str:
    """The licence's name from a Debian-style "License:" field, or the first line under it."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("License:"):
            value = line.removeprefix("License:").strip()
            if value:
                return value
            following = [rest.strip() for rest in lines[i + 1 :] if rest.strip()]
            if following:
                return re.split(r"[;.]", following[0])[0].strip()
    return "see the licence text"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About pmdesk")
        self.resize(720, 520)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(
            f"<h2>pmdesk {escape(__version__)}</h2>"
            "<p>A workbench for facilitators of blameless postmortems: draft offline, run the "
            "review meeting, follow the action items through, export a PDF report.</p>"
            "<p>pmdesk is free software under the MIT licence.<br>"
            f"Python {escape(platform.python_version())} · Qt {escape(qVersion())} · "
            f"Qt for Python (PySide6) {escape(PySide6.__version__)}, under the LGPL v3.</p>"
        )
        self.summary.setObjectName("aboutSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(self.summary, 1)

        self.licences = bundled_font_licences()
        self.font_list = QListWidget()
        self.font_list.setObjectName("fontLicences")
        self.font_list.setAccessibleName("Bundled fonts")
        self.font_list.setWordWrap(True)
        for lic in self.licences:
            self.font_list.addItem(f"{lic.family} — {lic.summary}\n  {', '.join(lic.fonts)}")
        self.licence_text = QPlainTextEdit(readOnly=True)
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setAccessibleName("Licence text")
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.font_list)
        split.addWidget(self.licence_text)
        split.setSizes([280, 420])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(QLabel("<b>Fonts shipped for the PDF export, and their licences</b>"))
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

        self.font_list.currentRowChanged.connect(self._show_licence)
        if self.licences:
            self.font_list.setCurrentRow(0)

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(self.licences):
            self.licence_text.setPlainText(self.licences[row].text)
