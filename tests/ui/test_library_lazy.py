"""A library of hundreds: the list fetches as it scrolls, counts everything, sorts everything."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from pmdesk.models import Postmortem
from pmdesk.ui.library_model import PAGE_SIZE
from pmdesk.ui.library_panel import LibraryPanel

COUNT = 2 * PAGE_SIZE + 50


@pytest.fixture
def big_store(store):
    with store.transaction():
        for n in range(COUNT):
            store.create(
                Postmortem(
                    f"Incident {n:04d}",
                    incident_date=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    severity=("P1", "P2", "P3")[n % 3],
                    what_happened="Cache hit rate fell" if n % 10 == 0 else "Disk filled up",
                )
            )
    return store


@pytest.fixture
def panel(qtbot, big_store):
    made = LibraryPanel(big_store)
    qtbot.addWidget(made)
    made.resize(400, 600)
    made.show()
    return made


def test_the_first_page_is_shown_and_the_count_is_of_the_whole_library(panel):
    assert panel.model.rowCount() == PAGE_SIZE
    assert panel.count_label.text() == f"{COUNT + 1} postmortems"  # and the example


def test_scrolling_to_the_end_fetches_the_rest(qtbot, panel):
    while panel.model.canFetchMore():
        panel.table.scrollToBottom()
        qtbot.wait(10)
    assert panel.model.rowCount() == COUNT + 1
    ids = [panel.model.id_at(r) for r in range(panel.model.rowCount())]
    assert len(set(ids)) == len(ids)


def test_sorting_by_title_orders_the_whole_library_not_the_rows_fetched(qtbot, panel):
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert panel.model.data(panel.model.index(0, 0)) == f"Incident {COUNT - 1:04d}"
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert panel.model.data(panel.model.index(0, 0)).startswith("EXAMPLE")
    assert panel.model.data(panel.model.index(1, 0)) == "Incident 0000"


def test_search_shows_how_many_match_and_their_first_page(qtbot, panel):
    qtbot.keyClicks(panel.search, "cache hit")
    expected = len(range(0, COUNT, 10))
    qtbot.waitUntil(lambda: panel.count_label.text() == f"{expected} postmortems")
    assert panel.model.rowCount() == expected
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData("P1"))
    p1 = len([n for n in range(0, COUNT, 10) if n % 3 == 0])
    assert panel.count_label.text() == f"{p1} postmortems"


def test_the_lazy_model_is_a_well_behaved_qt_model(qtbot, panel):
    # the tester fetches every page itself, then checks each row
    QAbstractItemModelTester(panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(panel.search, "disk")
    disk = len([n for n in range(COUNT) if n % 10])
    qtbot.waitUntil(lambda: panel.count_label.text() == f"{disk} postmortems")


def test_a_narrow_panel_gives_the_status_column_to_the_titles_and_keeps_it_in_the_tooltip(
    qtbot, panel
):
    from pmdesk.ui.library_model import LibraryModel

    header = panel.table.horizontalHeader()
    panel.resize(300, 600)
    qtbot.waitUntil(lambda: header.isSectionHidden(LibraryModel.STATUS))
    index = panel.model.index(0, LibraryModel.TITLE)
    tip = index.data(Qt.ItemDataRole.ToolTipRole).replace("\xa0", " ")
    status = panel.model.index(0, LibraryModel.STATUS).data()
    severity = panel.model.index(0, LibraryModel.SEVERITY).data()
    assert f"{severity} · {status}" in tip
    panel.resize(600, 600)
    qtbot.waitUntil(lambda: not header.isSectionHidden(LibraryModel.STATUS))
