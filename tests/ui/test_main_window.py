from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from pmdesk.models import Postmortem
from pmdesk.ui.app import qt_settings
from pmdesk.ui.editor.timeline_model import EVENT
from pmdesk.ui.main_window import MainWindow


def test_opens_on_the_example(window, store):
    library = window.library
    assert library.model.rowCount() == 1
    assert library.selected_id() == store.list_postmortems()[0].id
    assert "EXAMPLE" in window.windowTitle()
    assert library.count_label.text() == "1 postmortem"


def test_the_start_ends_when_the_first_postmortem_shows(qtbot, store):
    # what `--exit-after-startup` paints, and the benchmark times: the window with the first
    # postmortem in it, not the empty editor area of the window's own first paint
    window = MainWindow(store, qt_settings())
    qtbot.addWidget(window)
    seen = []
    window.first_opened.connect(
        lambda: seen.append(window.editor is not None and window.editor.isVisible())
    )
    window.show()
    qtbot.waitUntil(lambda: seen == [True])
    assert window.editor.header.title.text().startswith("EXAMPLE")


def test_the_start_ends_on_an_empty_store_too(qtbot, store):
    store.delete(store.list_postmortems()[0].id)
    window = MainWindow(store, qt_settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_opened):
        window.show()
    assert window.editor is None


def test_search_box_uses_the_full_text_index(qtbot, window, store):
    store.create(Postmortem(title="DNS outage", what_happened="resolver TTL expiry"))
    window.library.refresh()
    assert window.library.model.rowCount() == 2
    qtbot.keyClicks(window.library.search, "TTL expiry")
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1)
    # the title, and (made only when asked, so a search of 10,000 stays instant) the words
    # that matched, in the tooltip
    index = window.library.model.index(0, 0)
    assert window.library.model.data(index).startswith("DNS outage")
    tip = window.library.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "resolver\xa0TTL\xa0expiry" in tip  # (shown as plain text: spaces held)
    window.library.search.clear()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2)


def test_filters_by_severity(qtbot, window, store):
    store.create(Postmortem(title="Big one", severity="P1"))
    window.library.refresh()
    combo = window.library.severity_filter
    combo.setCurrentIndex(combo.findData("P1"))
    assert [
        window.library.model.data(window.library.model.index(r, 0))
        for r in range(window.library.model.rowCount())
    ] == ["Big one"]


def test_library_model_is_a_well_behaved_qt_model(qtbot, window):
    QAbstractItemModelTester(
        window.library.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    window.library.refresh()


def test_geometry_and_splitter_are_remembered(qtbot, store):
    first = MainWindow(store, qt_settings())
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    first.splitter.setSizes([230, 480])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(store, qt_settings())
    qtbot.addWidget(second)
    # (its start, in turns of the event loop, over before the store closes at teardown)
    with qtbot.waitSignal(second.first_opened, timeout=10_000):
        second.show()
    assert (second.width(), second.height()) == (720, 520)
    assert second.splitter.sizes() == sizes


def test_ctrl_f_focuses_search(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.library.search.hasFocus())


def test_a_title_with_markup_shows_as_typed_in_the_tooltip(qtbot, window, store):
    store.create(Postmortem(title='<img src="/etc/passwd"> & <b>bold</b>'))
    window.library.refresh()
    model = window.library.model
    row = next(r for r in range(model.rowCount()) if "img" in model.data(model.index(r, 0)))
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip


def test_timeline_rows_are_no_taller_than_their_text_in_a_wide_window(qtbot, store):
    """The header sizes the stretching Event column after the table's own resize; rows measured
    before that kept three lines of empty row each at 1920 wide until they were measured again."""
    w = MainWindow(store, qt_settings())
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.editor is not None)
    table = w.editor.timeline.table
    model = table.model()
    assert model.rowCount() > 0, "the example has a timeline"
    metrics = table.fontMetrics()

    def fits() -> bool:
        width = table.columnWidth(EVENT) - 8
        return all(
            table.rowHeight(r)
            <= metrics.lineSpacing()
            * -(-metrics.horizontalAdvance(str(model.index(r, EVENT).data())) // max(width, 1))
            + 14
            for r in range(model.rowCount())
        )

    qtbot.waitUntil(fits, timeout=3000)
