"""The help window: the guide and the shortcuts, Markdown from resources/help shown safely.

The HTML comes only from pmdesk.safe_html (an allow-list, no raw HTML from the file), the
browser loads nothing from disk or network, and it follows no link by itself: internal
anchors scroll, other help pages open here, and a web link opens in the system browser only
after the user says yes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QMenuBar,
    QMessageBox,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.resource_files import read_text
from pmdesk.safe_html import markdown_to_safe_html

# Qt's rich text reads a subset of CSS; this keeps tables and code readable on any theme.
_STYLE = """
table { border-collapse: collapse; margin-top: 4px; margin-bottom: 8px; }
th { text-align: left; }
td, th { padding: 3px 12px 3px 4px; border: 1px solid palette(mid); }
pre { margin-left: 12px; }
"""

#: page name (resources/help/NAME.md) -> title
HELP_PAGES = {"guide": "Guide", "shortcuts": "Keyboard Shortcuts"}


def help_markdown(name: str) -> str:
    if name not in HELP_PAGES:
        raise PmdeskError(f"no help page called {name!r}")
    return read_text("help", f"{name}.md")


def menu_shortcuts_markdown(menu_bar: QMenuBar) -> str:
    """A table of every menu command and its shortcut, read from the live menus."""
    rows: list[str] = []

    def walk(actions: list[QAction], path: str) -> None:
        for action in actions:
            if action.isSeparator():
                continue
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            text = text.rstrip(".…").strip()
            if action.menu() is not None:
                walk(action.menu().actions(), f"{path}{text} › ")
                continue
            keys = action.shortcut().toString()
            rows.append(f"| {_cell(path + text)} | {_cell(keys) if keys else '–'} |")

    walk(menu_bar.actions(), "")
    if not rows:
        return ""
    return "\n\n| menu command | keys |\n|---|---|\n" + "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    # A table cell ends at "|"; a backslash would escape the next character.
    return text.replace("\\", "\\\\").replace("|", "\\|")


_BLANK_PIXEL = QImage(1, 1, QImage.Format.Format_ARGB32)
_BLANK_PIXEL.fill(0)


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that loads no resources and leaves every link to its owner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        #: what the document asked to load (and did not get); tests read it
        self.refused: list[QUrl] = []

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt's name
        self.refused.append(QUrl(url))
        # Never None or an empty image: QTextDocument takes a null answer as "not handled"
        # and reads the local file itself, and Qt's image handler loads the file by name
        # when the image it got is empty. A blank pixel is an answer that loads nothing.
        if kind == QTextDocument.ResourceType.ImageResource:
            return _BLANK_PIXEL
        return QByteArray(b"")


class HelpWindow(QWidget):
    """A separate, non-modal window; `menu_bar` adds the live menu shortcuts to that page."""

    def __init__(self, parent: QWidget | None = None, menu_bar: QMenuBar | None = None) -> None:
        super().__init__(parent)
        # A top-level window of its own that still closes with the main window.
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.resize(760, 680)
        self._menu_bar = menu_bar
        self.page = ""

        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        for title in HELP_PAGES.values():
            self.tabs.addTab(title)
        self.browser = SafeBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName("Help")
        self.browser.document().setDefaultStyleSheet(_STYLE)
        self.browser.document().setDocumentMargin(14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.browser)

        self.tabs.currentChanged.connect(lambda i: self.show_page(list(HELP_PAGES)[i]))
        self.browser.anchorClicked.connect(self.follow_link)

    def show_page(self, name: str, anchor: str = "") -> None:
        """Show a help page, scrolled to `anchor` if given, and bring the window up."""
        if name != self.page:
            text = help_markdown(name)
            if name == "shortcuts" and self._menu_bar is not None:
                text += menu_shortcuts_markdown(self._menu_bar)
            self.browser.setHtml(markdown_to_safe_html(text))
            self.page = name
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(list(HELP_PAGES).index(name))
            self.tabs.blockSignals(False)
            self.setWindowTitle(f"{HELP_PAGES[name]} — pmdesk Help")
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.show()
        self.raise_()
        self.activateWindow()

    def follow_link(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme in {"http", "https", "mailto"}:
            self._open_outside(url)
        elif not scheme and not url.path() and url.fragment():
            self.browser.scrollToAnchor(url.fragment())
        elif not scheme and url.path().endswith(".md") and url.path()[:-3] in HELP_PAGES:
            self.show_page(url.path()[:-3], url.fragment())
        # Anything else (file:, qrc:, javascript: ...) was dropped by the sanitiser already;
        # should one slip through, it is ignored rather than opened.

    def _open_outside(self, url: QUrl) -> None:
        target = url.toString()
        answer = QMessageBox.question(
            self,
            "Open link?",
            f"Open this link in your web browser?\n\n{target}",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)
