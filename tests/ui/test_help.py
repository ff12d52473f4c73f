"""The Help menu: the guide and shortcuts shown safely, links that ask first, About."""

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

from pmdesk import __version__
from pmdesk.resource_files import resource
from pmdesk.ui import help_window

HOSTILE = (
    """# Page

Before <script>document.title = "owned"</script> after.

<img src="file:///etc/passwd"> ![logo](file:///usr/share/pixmaps/debian-logo.png)

<iframe src="https://example.org"></iframe>

[local file](file:///etc/passwd) [script](javascript:alert(1)) [web](https://example.org/pm)

[jump](#far-away)

"""
    + "\n\n".join(f"Filler paragraph {i}." for i in range(120))
    + "\n\n## Far away\n\nThe end.\n"
)


@pytest.fixture
def dialogs(monkeypatch):
    """QMessageBox.question and QDesktopServices.openUrl, recorded instead of shown or run."""
    record = {"asked": [], "opened": [], "answer": QMessageBox.StandardButton.Cancel}

    def question(parent, title, text, *args, **kwargs):
        record["asked"].append(text)
        return record["answer"]

    monkeypatch.setattr(help_window.QMessageBox, "question", question)
    monkeypatch.setattr(
        help_window.QDesktopServices, "openUrl", lambda url: record["opened"].append(url)
    )
    return record


@pytest.fixture
def hostile_help(qtbot, window, monkeypatch):
    """The help window showing a page full of things that must not get through."""
    monkeypatch.setattr(help_window, "help_markdown", lambda name: HOSTILE)
    win = window.help_actions.show_help("guide")
    qtbot.waitExposed(win)
    return win


def click_link(qtbot, browser, href):
    """Click the middle of the first link to `href`, as a user would."""
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = browser.textCursor()
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                point = browser.cursorRect(cursor).center()
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} on the page")


def test_f1_opens_the_guide(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    win = window.help_actions.help_window
    assert win is not None and win.isVisible()
    text = win.browser.toPlainText()
    assert "Running a blameless postmortem with pmdesk" in text
    for topic in ("day 0 to day 30", "The Five Whys", "Blame highlighting", "The meeting"):
        assert topic in text
    assert "<!-- pmdesk: allow counterfactual -->" in text  # shown as an example, as text
    assert "Ctrl+." in text and "Allow here" in text
    assert "Guide" in win.windowTitle()


def test_shortcuts_page_lists_the_live_menu_commands(qtbot, window):
    window.help_actions.shortcuts_action.trigger()
    text = window.help_actions.help_window.browser.toPlainText()
    assert "Keyboard shortcuts" in text and "F5" in text
    find_keys = window.find_action.shortcut().toString()
    assert find_keys and f"Edit › Find\n{find_keys}" in text
    assert "Help › pmdesk Guide\nF1" in text


def test_raw_html_in_the_markdown_does_not_come_through(hostile_help):
    browser = hostile_help.browser
    html = browser.toHtml()
    for forbidden in ("<script", "owned", "<img", "<iframe", "javascript:", "file:"):
        assert forbidden not in html
    assert "Before" in browser.toPlainText() and "owned" not in browser.toPlainText()
    assert hostile_help.windowTitle() != "owned"
    images = [
        f
        for b in _blocks(browser.document())
        for f in _fragments(b)
        if f.charFormat().isImageFormat()
    ]
    assert images == []
    assert browser.refused == []


def test_the_browser_loads_no_image_even_when_the_html_has_one(qtbot, tmp_path):
    """Qt reads local image files by itself unless loadResource answers with something."""
    (tmp_path / "seen.png").write_bytes(resource("icons", "pmdesk-64.png").read_bytes())
    url = QUrl.fromLocalFile(str(tmp_path / "seen.png"))
    browser = help_window.SafeBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(f'<p>x</p><img src="{url.toString()}"><img src="{tmp_path / "seen.png"}">')
    browser.show()
    qtbot.waitExposed(browser)
    assert url in browser.refused
    for name in (url, QUrl(str(tmp_path / "seen.png"))):
        loaded = browser.document().resource(QTextDocument.ResourceType.ImageResource, name)
        assert loaded.width() != 64, f"{name.toString()} was read from disk"


def test_an_external_link_asks_before_opening(qtbot, hostile_help, dialogs):
    click_link(qtbot, hostile_help.browser, "https://example.org/pm")
    assert len(dialogs["asked"]) == 1 and "https://example.org/pm" in dialogs["asked"][0]
    assert dialogs["opened"] == []

    dialogs["answer"] = QMessageBox.StandardButton.Open
    click_link(qtbot, hostile_help.browser, "https://example.org/pm")
    assert [u.toString() for u in dialogs["opened"]] == ["https://example.org/pm"]
    assert hostile_help.page == "guide"  # the help window itself did not navigate


def test_an_internal_anchor_scrolls_without_asking(qtbot, hostile_help, dialogs):
    bar = hostile_help.browser.verticalScrollBar()
    bar.setValue(0)
    click_link(qtbot, hostile_help.browser, "#far-away")
    assert bar.value() > 0
    assert dialogs["asked"] == [] and dialogs["opened"] == []


def test_other_links_are_neither_followed_nor_offered(qtbot, hostile_help, dialogs):
    before = hostile_help.browser.toHtml()
    for url in ("file:///etc/passwd", "javascript:alert(1)", "qrc:/x", "other.html"):
        hostile_help.browser.anchorClicked.emit(QUrl(url))
    assert dialogs["asked"] == [] and dialogs["opened"] == []
    assert hostile_help.browser.toHtml() == before


def test_the_guide_links_to_the_shortcuts_page(qtbot, window, dialogs):
    win = window.help_actions.show_help("guide")
    qtbot.waitExposed(win)
    click_link(qtbot, win.browser, "shortcuts.md")
    assert win.page == "shortcuts" and win.tabs.currentIndex() == 1
    assert "Keyboard shortcuts" in win.browser.toPlainText()
    assert dialogs["asked"] == []


def test_about_shows_the_version_and_every_bundled_font_licence(qtbot, window):
    dialog = window.help_actions.show_about()
    qtbot.waitExposed(dialog)
    assert f"pmdesk {__version__}" in dialog.summary.text()
    files = sorted(e.name for e in resource("fonts").iterdir() if e.name.startswith("LICENSE-"))
    assert len(dialog.licences) == len(files) >= 3
    for row, lic in enumerate(dialog.licences):
        assert lic.fonts, f"{lic.family} covers no font file"
        dialog.font_list.setCurrentRow(row)
        assert dialog.licence_text.toPlainText() == lic.text
        assert lic.family in dialog.font_list.item(row).text()
    shipped = {e.name for e in resource("fonts").iterdir() if e.name.endswith(".ttf")}
    assert {f for lic in dialog.licences for f in lic.fonts} == shipped
    dialog.close()


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1
