"""The PDF's fonts, and text turned into reportlab markup that names a font with every glyph.

reportlab draws a character the chosen font lacks as an empty box, without any
error, and it never falls back to another font by itself. So text is cut into
runs by the first font (primary, then CJK, then symbols) that has each glyph,
and every run is escaped and wrapped in its own <font> tag.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pmdesk.resource_files import resource

SANS = "PmdeskSans"
SANS_BOLD = "PmdeskSans-Bold"
SANS_ITALIC = "PmdeskSans-Oblique"
SANS_BOLD_ITALIC = "PmdeskSans-BoldOblique"
MONO = "PmdeskMono"
CJK = "PmdeskCJK"
SYMBOLS = "PmdeskSymbols"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    SYMBOLS: "Symbola.ttf",
}
#: tried in this order after the run's own font
_FALLBACKS = (CJK, SYMBOLS)

# Printable Latin-1 and common punctuation: DejaVu has all of it, so most text
# skips the per-character lookup entirely.
_EASY = re.compile(r"[\t\n\x20-\x7e\xa0-\xff\u2010-\u2027]*")


@functools.cache
def register_fonts() -> None:
    """Load the shipped fonts into reportlab once per process (parsing them is the slow part)."""
    for name, filename in _FILES.items():
        path = resource("fonts", filename)
        # shapable=False: no text shaping engine is installed, and none is needed
        # for the scripts the fonts cover here.
        pdfmetrics.registerFont(TTFont(name, str(path), shapable=False))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
    )
    for name in (MONO, *_FALLBACKS):
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


def font_for(*, bold: bool = False, italic: bool = False, mono: bool = False) -> str:
    if mono:
        return MONO
    return {
        (False, False): SANS,
        (True, False): SANS_BOLD,
        (False, True): SANS_ITALIC,
        (True, True): SANS_BOLD_ITALIC,
    }[(bold, italic)]


@functools.cache
def _glyphs(font: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


@functools.lru_cache(maxsize=65536)
def _font_of(char: str, primary: str) -> str | None:
    """The font that draws `char`, or None for a character to leave out."""
    code = ord(char)
    if code in _glyphs(primary):
        return primary
    for font in _FALLBACKS:
        if code in _glyphs(font):
            return font
    if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        # control and format characters (zero-width joiners, variation
        # selectors, lone surrogates) have no glyph anywhere: leave them out.
        return None
    return primary


def clean(text: str) -> str:
    """Text reportlab can take: no lone surrogates, no control characters except newline and tab."""
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text.replace("\r\n", "\n").replace("\r", "\n"))


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def runs(text: str, primary: str) -> list[tuple[str, str]]:
    """(font, text) pieces of `text`, each drawable by its font."""
    text = clean(text)
    if _EASY.fullmatch(text):
        return [(primary, text)] if text else []
    out: list[tuple[str, str]] = []
    for char in text:
        font = _font_of(char, primary)
        if font is None:
            continue
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def markup(text: str, primary: str) -> str:
    """`text` escaped for a Paragraph whose current font is `primary`, fallback runs tagged."""
    return "".join(
        escape(piece) if font == primary else f'<font name="{font}">{escape(piece)}</font>'
        for font, piece in runs(text, primary)
    )


def tagged(text: str, font: str) -> str:
    """`text` escaped and set in `font` whatever the paragraph's own font is."""
    return f'<font name="{font}">{markup(text, font)}</font>' if text else ""


def text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(piece, f, size) for f, piece in runs(text, font))


def draw_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw one line on a canvas (headers, footers), switching fonts where glyphs need it."""
    for run_font, piece in runs(text.replace("\n", " "), font):
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, run_font, size)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text` shortened with an ellipsis to fit `width` (running headers)."""
    text = " ".join(text.split())
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid] + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"
