"""The audience view set for the room: centred, large, and the same content as the PDF."""

from PySide6.QtGui import QFont, QTextCharFormat

from pmdesk.meeting import load_agenda


def step(qtbot, meeting, key, size=(1920, 1080)):
    meeting.audience.resize(*size)
    meeting.go_to(load_agenda().index(key))
    qtbot.wait(20)
    return meeting.audience.slide


def smallest_text_px(slide) -> float:
    """The smallest font any visible text on the slide is set in."""
    sizes = []
    block = slide.document.begin()
    while block.isValid():
        for fragment in _fragments(block):
            if fragment.text().strip():
                fmt: QTextCharFormat = fragment.charFormat()
                font: QFont = fmt.font()
                sizes.append(font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF())
        block = block.next()
    return min(sizes)


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1


def test_the_timeline_reads_from_the_back_of_the_room_and_sits_in_the_middle(qtbot, meeting):
    slide = step(qtbot, meeting, "timeline")
    assert slide.body_px >= 32
    assert smallest_text_px(slide) >= 24  # captions and "Event 1 of 9"
    # a column in the middle, not a block in the top-left corner
    width = slide.document.textWidth()
    assert width < slide.width() * 0.9
    height = slide.document.size().height()
    assert height < slide.height() * 0.9  # so there is room above it, which centring uses


def test_the_five_whys_show_each_question_with_its_answer(qtbot, meeting):
    text = step(qtbot, meeting, "root_cause").plain_text()
    pm = meeting.session.pm
    assert "What happened? Start with the symptom" in text
    assert "Why did this happen: checkout requests failed" in text
    for answer in pm.whys:
        assert answer.split()[0] in text
    assert "ROOT CAUSE" in text


def test_action_items_have_headers_priority_and_dates_with_the_year(qtbot, meeting):
    text = step(qtbot, meeting, "actions").plain_text()
    for header in ("ACTION", "OWNER", "PRIORITY", "DUE"):
        assert header in text
    item = meeting.session.pm.action_items[0]
    assert item.priority.label in text
    assert f"{item.due_date:%d %b %Y}" in text


def test_markdown_in_user_text_is_rendered_not_shown_raw(qtbot, meeting):
    meeting.session.edit_text("user_impact", "Run `kubectl rollout undo` and **wait**.")
    meeting.session.flush()
    text = step(qtbot, meeting, "impact").plain_text()
    assert "kubectl rollout undo" in text
    assert "`" not in text and "**" not in text
