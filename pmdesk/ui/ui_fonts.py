"""The fonts pmdesk ships, made available to the window as well as the PDF.

A machine with only DejaVu draws CJK, emoji and signs such as ⓘ as empty boxes. The
shipped fallback fonts (Droid Sans Fallback for CJK, Symbola for symbols and emoji) are
added to Qt's font database and put behind the window's own font as substitutes, so Qt
falls back to them for any character the desktop's fonts lack.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from pmdesk.resource_files import resource

#: the shipped fonts the window falls back to, in the order tried
FALLBACKS = ("DroidSansFallbackFull.ttf", "Symbola.ttf")


def add_fallback_fonts(app: QGuiApplication) -> list[str]:
    """Register the fallback fonts and return their family names (empty when none load)."""
    # What the desktop's font really is ("Sans Serif" is an alias for, say, DejaVu Sans): it
    # stays first, or the alias would resolve to a fallback font (Symbola draws Latin serifed)
    base = app.font().family()
    real = QFontInfo(app.font()).family()
    families: list[str] = []
    for name in FALLBACKS:
        font = resource("fonts", name)
        if isinstance(font, Path):
            # A file: Qt reads the parts it needs (6 ms for both here, against 15-18 ms to
            # read their 7 MB into Python and hand the bytes over)
            font_id = QFontDatabase.addApplicationFont(str(font))
        else:  # in a zip (no path): from its bytes
            font_id = QFontDatabase.addApplicationFontFromData(font.read_bytes())
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    for family in {base, real}:
        first = [real] if family != real else []
        QFont.insertSubstitutions(family, [*first, *families])
    return families
