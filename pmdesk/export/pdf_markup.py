"""Markdown in a free-text field turned into reportlab flowables, safely.

python-markdown makes the HTML; raw HTML in the user's text is switched off, so
it comes out as literal text. The HTML is then walked here and only a small
set of tags is rebuilt as reportlab markup, with every piece of text escaped.
Nothing from the user (an <img>, a <font>, a stray tag) ever reaches
reportlab's own markup parser.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.sax.saxutils import quoteattr

import markdown
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from pmdesk.export.fonts import font_for, markup, register_fonts

# python-markdown keeps "&amp;" and "&copy;" as entities even with its entity
# pattern off; a private-use character stands in for "&" until the text is out.
_AMP = "\ue000"
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
LINK_COLOUR = "#1a5a96"


# Han, kana, Hangul and full-width forms: text with any of these needs line breaks
# between characters; reportlab's CJK wrapping is several times slower, so
# Latin-only text keeps the ordinary word wrapping.
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


@functools.lru_cache(maxsize=64)
def _cjk_style(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")


def paragraph(text_markup: str, style: ParagraphStyle, **kw: object) -> Paragraph:
    """A Paragraph of ready markup, wrapping between characters when the text is CJK."""
    if _CJK.search(text_markup):
        style = _cjk_style(style)
    return Paragraph(text_markup, style, **kw)


@dataclass(frozen=True)
class TextStyles:
    """The paragraph styles free text is set in."""

    body: ParagraphStyle
    code: ParagraphStyle


@functools.cache
def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[])
    # Raw HTML blocks and inline tags would pass through untouched; without these
    # two they are escaped as text, which is what a user who typed them means.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("entity")
    return md


#: the linter's inline directives (<!-- pmdesk: allow ... -->): instructions to pmdesk,
#: invisible in rendered Markdown, so not printed in the report either
_DIRECTIVE = re.compile(r"<!--\s*pmdesk\s*:.*?-->[ \t]?", re.IGNORECASE | re.DOTALL)


def to_html(text: str) -> str:
    md = _converter()
    md.reset()
    text = _DIRECTIVE.sub("", text)
    return md.convert(text.replace(_AMP, "\ufffd").replace("&", _AMP))


def markdown_flowables(text: str, styles: TextStyles) -> list[Flowable]:
    """Flowables for a Markdown text: paragraphs, lists, code; links clickable."""
    register_fonts()
    builder = _Builder(styles)
    builder.feed(to_html(text))
    builder.close()
    return builder.flowables


def inline_markup(text: str, *, bold: bool = False) -> str:
    """Plain text (not Markdown) as escaped markup in the body font."""
    return markup(text, font_for(bold=bold))


class _Builder(HTMLParser):
    """Walks python-markdown's HTML and collects flowables."""

    def __init__(self, styles: TextStyles) -> None:
        super().__init__(convert_charrefs=True)
        self.styles = styles
        self.flowables: list[Flowable] = []
        self.parts: list[str] = []
        self.bold = self.italic = self.code = 0
        self.links: list[bool] = []
        self.lists: list[list[int]] = []  # one counter per open list; -1 for bullets
        self.bullet: str | None = None
        self.pre = 0
        self.quote = 0

    # --- tags ------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"):
            self._flush()
            if tag.startswith("h"):
                self.bold += 1
            elif tag == "pre":
                self.pre += 1
            elif tag == "blockquote":
                self.quote += 1
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            self._flush()
            if self.lists:
                counter = self.lists[-1]
                if counter[0] >= 0:
                    counter[0] += 1
                    self.bullet = f"{counter[0]}."
                else:
                    self.bullet = "•"
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "code":
            self.code += 1
        elif tag == "br":
            self.parts.append("<br/>")
        elif tag == "hr":
            self._flush()
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            safe = href.startswith(_SAFE_SCHEMES)
            self.links.append(safe)
            if safe:
                url = href.replace(_AMP, "&")
                self.parts.append(f"<a href={quoteattr(url)} color={quoteattr(LINK_COLOUR)}><u>")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self._text(f"[image: {alt}]" if alt else "[image]")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li", "pre", "blockquote") or tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._flush()
            if tag.startswith("h"):
                self.bold = max(0, self.bold - 1)
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)
            elif tag == "blockquote":
                self.quote = max(0, self.quote - 1)
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag == "code":
            self.code = max(0, self.code - 1)
        elif tag == "a" and self.links:
            if self.links.pop():
                self.parts.append("</u></a>")

    def handle_data(self, data: str) -> None:
        data = data.replace(_AMP, "&")
        if self.pre:
            lines = data.split("\n")
            for i, line in enumerate(lines):
                if i:
                    self.parts.append("<br/>")
                # keep the code's indentation: a no-break space does not collapse
                self._text(line.replace(" ", "\u00a0"))
            return
        if not self.parts and not data.strip():
            return
        self._text(data)

    # --- output ----------------------------------------------------------------------

    def _text(self, data: str) -> None:
        font = font_for(bold=self.bold > 0, italic=self.italic > 0, mono=self.code > 0)
        body = markup(data, font)
        if body:
            self.parts.append(f'<font name="{font}">{body}</font>')

    def _flush(self) -> None:
        while self.parts and self.parts[-1] == "<br/>":
            self.parts.pop()
        if not self.parts:
            return
        # a paragraph break cannot fall inside a link in python-markdown's HTML, but a
        # tag left open would make reportlab refuse the paragraph, so close any
        open_links = sum(self.links)
        text = "".join(self.parts) + "</u></a>" * open_links
        self.links = [False] * len(self.links)
        self.parts = []
        style = self.styles.code if self.pre else self.styles.body
        depth = len(self.lists)
        indent = 14 * depth + 12 * self.quote
        if indent:
            style = ParagraphStyle(
                f"{style.name}-{depth}-{self.quote}",
                parent=style,
                leftIndent=style.leftIndent + indent,
                bulletIndent=style.leftIndent + indent - 11,
            )
        self.flowables.append(paragraph(text, style, bulletText=self.bullet))
        self.bullet = None

    def close(self) -> None:
        super().close()
        self._flush()
