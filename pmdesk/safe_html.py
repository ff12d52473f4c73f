"""Markdown to HTML that is safe to show: an allow-list of tags, links only where they are harmless.

python-markdown passes raw HTML through untouched, so whatever a Markdown file holds (a
`<script>`, an `<img src="file:...">`, a `javascript:` link) would reach the widget that shows
it. Everything that leaves here has been rebuilt from the parsed HTML: tags outside the
allow-list are dropped (their text kept, except for script-like elements, whose content goes
too), attributes are kept only where listed, and every piece of text is escaped again.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown

_ALLOWED_TAGS = frozenset(
    "a blockquote br code del em h1 h2 h3 h4 h5 h6 hr kbd li ol p pre strong "
    "table tbody td th thead tr ul".split()
)
_VOID_TAGS = frozenset({"br", "hr"})
# Their text is code or markup, not prose: drop it with the tag.
_DROP_WITH_CONTENT = frozenset(
    "script style iframe object embed template title head textarea noscript svg math "
    "select option".split()
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ID = re.compile(r"[A-Za-z0-9_-]{1,80}")
_ANCHOR = re.compile(r"#[A-Za-z0-9_-]{0,80}")
# Another page of the same help set, e.g. "shortcuts.md" or "shortcuts.md#editor".
_PAGE = re.compile(r"[a-z0-9_-]{1,40}\.md(?:#[A-Za-z0-9_-]{0,80})?")
_ALIGN = frozenset({"left", "right", "center"})


def safe_href(href: str) -> str | None:
    """The link target if following it cannot touch local files or run code, else None."""
    href = href.strip()
    if _ANCHOR.fullmatch(href) or _PAGE.fullmatch(href):
        return href
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return href
    if parts.scheme.lower() == "mailto" and parts.path and not parts.netloc:
        return href
    return None


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping or tag in _DROP_WITH_CONTENT:
            if tag in _DROP_WITH_CONTENT and tag not in _VOID_TAGS:
                self.dropping.append(tag)
            return
        if tag not in _ALLOWED_TAGS:
            return
        kept = "".join(f' {name}="{escape(value)}"' for name, value in _attributes(tag, attrs))
        self.out.append(f"<{tag}{kept}>")
        if tag not in _VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_WITH_CONTENT:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag not in self.open:
            return
        # Close whatever was left open inside it, so the output is always well nested.
        while self.open:
            inner = self.open.pop()
            self.out.append(f"</{inner}>")
            if inner == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)


def _attributes(tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    kept: list[tuple[str, str]] = []
    for name, value in attrs:
        if value is None:
            continue
        if tag == "a" and name == "href":
            href = safe_href(value)
            if href is not None:
                kept.append(("href", href))
        elif tag == "a" and name == "title":
            kept.append(("title", value))
        elif (tag in _HEADINGS or tag == "a") and name in {"id", "name"} and _ID.fullmatch(value):
            kept.append((name, value))
        elif tag in {"td", "th"} and name == "align" and value.lower() in _ALIGN:
            kept.append(("align", value.lower()))
        elif tag == "ol" and name == "start" and value.isdigit():
            kept.append(("start", value))
    return kept


def sanitise_html(html: str) -> str:
    """Rebuild `html` from the allow-list; nothing else survives."""
    parser = _Sanitiser()
    parser.feed(html)
    return parser.result()


def markdown_to_safe_html(text: str) -> str:
    """Render Markdown (tables, heading anchors) and sanitise the result."""
    html = markdown.markdown(text, extensions=["tables", "toc", "sane_lists"])
    # The tables extension aligns cells with a style attribute, which is not let through.
    html = re.sub(r' style="text-align: (left|right|center);"', r' align="\1"', html)
    return sanitise_html(html)
