"""A postmortem picked in the library opens in turns of the event loop: the window answers
all the while, the closed editor stays on the screen until the new one is laid out, and what
was typed before the pick is saved."""

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from pmdesk.models import Postmortem, TimelineEvent
from pmdesk.ui.editor.editor_widget import EditorWidget


def click_row(qtbot, window, pm_id):
    """Click the postmortem's row in the library, as the user does."""
    table = window.library.table
    row = window.library.model.row_of(pm_id)
    assert row is not None
    rect = table.visualRect(window.library.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def add_postmortem(store, window, title, timeline, **texts):
    """A postmortem with a timeline and long text, listed in the library."""
    pm_id = store.create(
        Postmortem(title=title, incident_date="2020-01-01", timeline=timeline, **texts)
    ).id
    window.library.refresh()
    return pm_id


def editors_in_area(window):
    return [
        window.area.widget(i)
        for i in range(window.area.count())
        if window.area.widget(i) is not window.placeholder
    ]


def test_a_clicked_row_opens_in_turns_and_saves_what_was_typed(qtbot, window, store):
    other = store.create(Postmortem(title="Other", incident_date="2020-01-01")).id
    window.library.refresh()
    first = window.editor
    field = first.text_fields["could_improve"]
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " Typed just before the click.")
    click_row(qtbot, window, other)
    # saved at once, closed, and still what the screen shows while the new one is built
    assert store.get(first.session.pm_id).could_improve.endswith("Typed just before the click.")
    assert window.area.currentWidget() is first and not first.isEnabled()
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.session.pm_id == other)
    qtbot.waitUntil(lambda: window.editor.bring_forward is None)  # laid out, on the screen
    assert window.area.currentWidget() is window.editor and window.editor.isEnabled()
    assert editors_in_area(window) == [window.editor]
    assert window.editor.text_fields["title"].text() == "Other"


def test_the_last_of_quick_clicks_wins_and_nothing_is_left_behind(qtbot, window, store):
    ids = [
        store.create(Postmortem(title=f"Quick {n}", incident_date="2020-01-01")).id
        for n in range(3)
    ]
    window.library.refresh()
    for pm_id in ids:  # three clicks before any editor is built
        click_row(qtbot, window, pm_id)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.session.pm_id == ids[-1])
    qtbot.waitUntil(lambda: window.editor.bring_forward is None)
    qtbot.wait(50)
    assert editors_in_area(window) == [window.editor]
    assert window.library.selected_id() == ids[-1]


def test_the_window_answers_while_a_long_postmortem_opens(qtbot, window, store):
    """A 2 ms timer keeps ticking while the editor of a 120-event timeline is built: no turn of
    the event loop is long. (Loose on purpose: a loaded test machine is slower; the measure is
    benchmarks/scale.py.)"""
    timeline = [
        TimelineEvent(at=f"2020-01-01T{h:02d}:{m:02d}:00Z", text=f"Step {h}:{m} " + "word " * 30)
        for h in range(10)
        for m in range(0, 60, 5)
    ]
    long = add_postmortem(store, window, "Long", timeline, what_happened="text\n\n" * 400)
    ticks_while_opening = []
    ticker = QTimer(interval=2, timerType=Qt.TimerType.PreciseTimer)

    def opened() -> bool:
        editor = window.editor
        return editor is not None and editor.session.pm_id == long and editor.bring_forward is None

    def tick():
        if not opened():
            ticks_while_opening.append(True)

    ticker.timeout.connect(tick)
    ticker.start()
    click_row(qtbot, window, long)
    # the click only asks: nothing of the new editor is built in it (the old code built, laid
    # out and showed it there, one block of the UI thread)
    assert window.editor is None and window.library.selected_id() == long
    qtbot.waitUntil(opened)
    ticker.stop()
    # several turns, not one block: the ticker ran in between the parts of the build
    assert len(ticks_while_opening) >= 2


class FirstPaintOfANewEditor(QObject):
    """Where things were when a new editor first painted (a paint Qt delivers; a grab()
    would render a widget whose updates are off)."""

    def __init__(self, old):
        super().__init__()
        self.old, self.seen = old, None
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if (
            self.seen is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, EditorWidget)
            and watched is not self.old
        ):
            editor = watched
            impact = editor.text_fields["user_impact"]
            self.seen = {
                "heading_y": editor.findings.heading.mapTo(editor, QPoint(0, 0)).y(),
                "impact_bottom": impact.geometry().bottom(),
                "next_top": editor.text_fields["revenue_impact"].geometry().top(),
                "rows_fit": editor.timeline.table.height()
                >= sum(
                    editor.timeline.table.rowHeight(r)
                    for r in range(editor.timeline.table.model().rowCount())
                ),
            }
            QApplication.instance().removeEventFilter(self)
        return False


def test_a_clicked_postmortem_first_paints_laid_out(qtbot, window, store):
    timeline = [
        TimelineEvent(at=f"2020-01-01T10:{m:02d}:00Z", text="The queue grew. " * (m % 7 + 1))
        for m in range(40)
    ]
    pm_id = add_postmortem(
        store, window, "Laid out", timeline, user_impact="Checkout failed for some.\n\n" * 30
    )
    first = FirstPaintOfANewEditor(window.editor)
    click_row(qtbot, window, pm_id)
    qtbot.waitUntil(lambda: first.seen is not None)
    seen = first.seen
    assert seen["heading_y"] < 60  # the findings panel's heading at its top, not half-way
    assert seen["impact_bottom"] < seen["next_top"]  # fields at their height, none overlapping
    assert seen["rows_fit"]  # every timeline row inside the table


def long_timeline(count):
    """Events whose texts wrap to two to six lines: each row is as tall as its own text."""
    return [
        TimelineEvent(
            at=f"2020-01-01T{n // 60:02d}:{n % 60:02d}:00Z",
            text=f"Partition {n} was rebalanced while the queue grew. " * (2 + n % 5),
        )
        for n in range(count)
    ]


def rows_not_at_their_height(table):
    """Rows whose height is not the height of their wrapped text at the width they show."""
    header = table.verticalHeader()
    return [
        row
        for row in range(table.model().rowCount())
        if table.rowHeight(row) != max(table.sizeHintForRow(row), header.sectionSizeHint(row))
    ]


def test_a_long_timeline_first_paints_with_every_row_at_its_height(qtbot, window, store):
    """Its rows are measured a few dozen a turn before the paint; the paint shows them all
    measured, at the width the page settled on."""
    pm_id = add_postmortem(store, window, "Long timeline", long_timeline(150))
    seen = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if not seen and event.type() == QEvent.Type.Paint and watched is window.editor:
                table = watched.timeline.table
                seen["wrong"] = rows_not_at_their_height(table)
                seen["fits"] = table.height() >= sum(map(table.rowHeight, range(150)))
            return False

    first = FirstPaint()
    QApplication.instance().installEventFilter(first)
    click_row(qtbot, window, pm_id)
    qtbot.waitUntil(lambda: bool(seen))
    QApplication.instance().removeEventFilter(first)
    assert seen == {"wrong": [], "fits": True}


def test_a_jump_while_the_timeline_is_measured_shows_it_whole(qtbot, window, store, monkeypatch):
    """Ctrl+2 pressed as soon as the rows of a long timeline begin to be measured (a part a
    turn, before the first paint): the jump lands on the timeline with every row at its
    height, none left unmeasured."""
    from pmdesk.ui import main_window

    pm_id = add_postmortem(store, window, "Jumped to", long_timeline(150))
    jumped = []
    in_turns = main_window.in_turns

    def measuring_begun(editor):  # (some rows at their height: all of them, or only some)
        table = editor.timeline.table
        return len(rows_not_at_their_height(table)) < table.model().rowCount()

    def watched(owner, steps):
        def jump_half_way():
            for step in steps:
                yield step  # (the jump comes between two turns, as a key press would)
                editor = window.editor
                pending = editor is not None and editor.bring_forward is not None
                if not jumped and pending and measuring_begun(editor):
                    jumped.append(True)
                    editor.jump_to("timeline", focus=True)

        in_turns(owner, jump_half_way())

    monkeypatch.setattr(main_window, "in_turns", watched)
    click_row(qtbot, window, pm_id)
    qtbot.waitUntil(lambda: bool(jumped))
    editor = window.editor
    assert editor.bring_forward is None and window.area.currentWidget() is editor
    assert rows_not_at_their_height(editor.timeline.table) == []
    qtbot.wait(50)  # the turns left after the jump change nothing
    assert rows_not_at_their_height(editor.timeline.table) == []
    bar = editor.scroll.verticalScrollBar()
    assert bar.value() == min(editor.sections["timeline"].y(), bar.maximum())


def underlined(field):
    return any(
        block.layout().formats()
        for block in (field.document().findBlockByNumber(n) for n in range(field.blockCount()))
    )


def test_a_clicked_long_postmortem_still_gets_its_underlines_and_findings(qtbot, window, store):
    """The rest of the text and the findings come after the first paint; they come."""
    blame = "John was careless with the rollback."
    filler = "The queue consumer lagged behind by forty minutes while a partition moved.\n\n"
    timeline = long_timeline(70)
    timeline[65] = TimelineEvent(at=timeline[65].at, text="Somebody should have noticed it.")
    pm_id = add_postmortem(
        store, window, "Underlined", timeline, what_happened=filler * 300 + blame
    )
    before = store.get(pm_id)
    click_row(qtbot, window, pm_id)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.bring_forward is None)
    editor = window.editor
    field = editor.text_fields["what_happened"]
    qtbot.waitUntil(lambda: editor.opening.done)
    assert field.text() == filler * 300 + blame
    qtbot.waitUntil(lambda: underlined(field), timeout=20_000)
    model = editor.timeline.model
    qtbot.waitUntil(
        lambda: model.data(model.index(65, 1), Qt.ItemDataRole.DecorationRole) is not None,
        timeout=20_000,
    )
    qtbot.waitUntil(lambda: len(editor.findings.cards) == 2, timeout=20_000)
    said = editor.findings.texts()
    assert "What happened\n“careless”" in said[0] and "Timeline 01:05" in said[1]
    # opening, underlining and listing are no edits
    editor.flush()
    assert store.get(pm_id) == before
