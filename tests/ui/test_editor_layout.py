"""The editor at a laptop's and a desktop's size: room for the document, readable lines."""

import pytest

from pmdesk.ui.editor.editor_widget import PAGE_WIDTH


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_document_has_room_and_lines_of_a_readable_length(qtbot, window, size):
    window.resize(*size)
    qtbot.wait(30)
    editor = window.editor
    page = editor.scroll.widget().findChild(type(editor.scroll.widget()), "editorPage")
    assert page is not None
    # at 1280 the outline makes way; the document keeps at least 600 px
    assert editor.scroll.viewport().width() >= 600
    assert editor.outline.isVisible() == (size[0] >= 1920)
    # at 1920 the page is a column of at most PAGE_WIDTH, not 190-character lines
    assert page.width() <= PAGE_WIDTH


def test_library_titles_are_whole_and_searches_show_what_matched(qtbot, window, store):
    table = window.library.table
    index = table.model().index(0, 0)
    title = index.data().split("\n")[0]
    assert title.startswith("EXAMPLE — Checkout errors")
    # the row is as tall as the wrapped title, not cut to one line
    line = table.fontMetrics().lineSpacing()
    needed = table.fontMetrics().boundingRect(title).width() / max(1, table.columnWidth(0))
    assert table.rowHeight(0) >= line * min(2, int(needed))
