"""Share menu: the public-version review window and the digest window, driven as a user would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pmdesk.share.public import load_choices
from pmdesk.ui.share.digest_window import DigestWindow
from pmdesk.ui.share.public_window import PublicVersionWindow
from tests.share.redaction_set import cases

NAME, PM, PLANTED, KEEP = cases()[1]  # the expired signing key
# blame on a named person, which the public version must still flag once the name is gone
PM.why_it_happened += " Wei forgot to rotate the key in 2025."


@pytest.fixture
def pm_id(store):
    return store.create(PM).id


@pytest.fixture
def review(qtbot, store, pm_id):
    w = PublicVersionWindow(store, pm_id, load_choices(store, pm_id))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.version is not None, timeout=15000)
    return w


def _row(window, original):
    return next(i for i, r in enumerate(window.model.rows) if r.original == original)


def _save_as(monkeypatch, path):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_share_menu_opens_the_review_of_the_open_postmortem(window, store, pm_id, qtbot):
    window.library.refresh()
    window.library.select(pm_id)
    assert [a.text() for a in window.share_menu.actions()] == ["&Digest…", "&Public Version…"]
    window.share_actions.public_action.trigger()
    review = window.share_actions.public_window
    qtbot.waitUntil(lambda: review.version is not None, timeout=15000)
    assert review.pm_id == pm_id and review.isVisible()


def test_every_replacement_is_listed_with_where_it_occurs(review, qtbot):
    shown = {
        review.model.index(r, 2).data(): review.model.index(r, 3).data()
        for r in range(review.model.rowCount())
    }
    assert shown["Wei Zhang"] == "Engineer A" and shown["Wei"] == "Engineer A"
    assert shown["172.31.9.44"] == "IP address 1"
    assert shown["AKIAZ7QW3ERT5YUI8OPA"].startswith("[secret")
    review.table.selectRow(_row(review, "Wei Zhang"))
    contexts = [review.contexts.item(i).text() for i in range(review.contexts.count())]
    assert "Authors: «Wei Zhang»" in contexts
    assert any(c.startswith("Timeline 14:03: ") and "«Wei Zhang» notices" in c for c in contexts)


def test_unticking_a_replacement_is_remembered_and_publishes_it(review, store, pm_id, qtbot):
    row = _row(review, "#auth-oncall")
    index = review.model.index(row, 0)
    with qtbot.waitSignal(review.version_ready, timeout=15000):
        review.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert load_choices(store, pm_id).rejected == {"#auth-oncall"}
    assert "#auth-oncall" in review.version.postmortem.timeline[2].text
    assert review.model.index(_row(review, "#auth-oncall"), 3).data() == "kept as written"
    # a new window on the same postmortem starts from the saved choice
    again = PublicVersionWindow(store, pm_id, load_choices(store, pm_id))
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.version is not None, timeout=15000)
    assert not again.model.rows[_row(again, "#auth-oncall")].accepted


def test_adding_a_term_replaces_it_everywhere(review, store, pm_id, qtbot):
    qtbot.keyClicks(review.add_text, "Sentry")
    review.add_kind.setCurrentIndex(review.add_kind.findText("Internal host"))
    with qtbot.waitSignal(review.version_ready, timeout=15000):
        qtbot.mouseClick(review.add_button, Qt.MouseButton.LeftButton)
    assert "Sentry" not in review.version.postmortem.timeline[1].text
    row = review.model.rows[_row(review, "Sentry")]
    assert row.added and row.placeholder.startswith("internal host")
    assert load_choices(store, pm_id).added[0][0] == "Sentry"


def test_a_section_marked_internal_is_left_out(review, store, pm_id, qtbot):
    items = [review.sections.item(i) for i in range(review.sections.count())]
    went_well = next(i for i in items if i.text() == "What went well")
    with qtbot.waitSignal(review.version_ready, timeout=15000):
        went_well.setCheckState(Qt.CheckState.Unchecked)
    assert review.version.postmortem.went_well == ""
    assert "went_well" in load_choices(store, pm_id).internal


def test_export_warns_about_blame_language_first(review, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No),
    )
    _save_as(monkeypatch, tmp_path / "public.md")
    assert review.export("md") is None and not (tmp_path / "public.md").exists()
    assert "Engineer A forgot" in asked[0]
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    path = review.export("md")
    text = path.read_text(encoding="utf-8")
    assert "Public version" in text and "Engineer A" in text
    assert "Wei" not in text and "172.31.9.44" not in text


def test_public_pdf_export_from_the_window(review, monkeypatch, tmp_path):
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    _save_as(monkeypatch, tmp_path / "public")
    path = review.export("pdf")
    assert path == tmp_path / "public.pdf" and path.read_bytes().startswith(b"%PDF")


def test_digest_window_shows_copies_and_saves(qtbot, store, monkeypatch, tmp_path):
    for name, pm, _, _ in cases():
        if name[:2] <= "07":  # a fixed set: later additions leave this test be
            store.create(pm)
    w = DigestWindow(store, lambda: date(2026, 12, 1))
    qtbot.addWidget(w)
    w.show()
    text = w.source.toPlainText()  # the last 30 days
    assert "1 postmortem completed" in text and "Partner API outage" not in text
    w.since.setDate(w.since.date().addDays(-100))
    assert "Partner API outage" in w.source.toPlainText()
    assert "Search results went stale" in w.source.toPlainText()
    w.format.setCurrentIndex(w.format.findData("html"))
    assert w.preview.currentWidget() is w.rendered
    assert "Partner API outage" in w.rendered.toPlainText()
    w.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert (
        "<table" in mime.html()
        and "Partner API outage" in mime.text()
        and "<" not in mime.text().split("Practice")[0]
    )
    _save_as(monkeypatch, tmp_path / "digest")
    path = w.save()
    assert path == tmp_path / "digest.html" and "Partner API outage" in path.read_text(
        encoding="utf-8"
    )
