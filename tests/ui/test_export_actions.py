"""File → Export as PDF…, Export as Markdown…, Import Markdown… driven through the real window."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from pmdesk.settings import load_settings


def _save_as(monkeypatch, path):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_file_menu_has_the_export_and_import_actions(window):
    texts = [a.text() for a in window.file_menu.actions()]
    for text in ("Export as &PDF…", "Export as &Markdown…", "&Import Markdown…"):
        assert text in texts


def test_export_pdf_writes_the_open_postmortem(window, monkeypatch, tmp_path):
    assert window.current_postmortem_id() is not None
    _save_as(monkeypatch, tmp_path / "report")  # no extension typed: .pdf is added
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    window.export_actions.export_pdf_action.trigger()
    target = tmp_path / "report.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert opened == []  # the setting is off by default


def test_open_pdf_after_export_setting(window, monkeypatch, tmp_path):
    window.export_actions.open_after_action.setChecked(True)
    assert load_settings().open_pdf_after_export is True
    _save_as(monkeypatch, tmp_path / "r.pdf")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    window.export_actions.export_pdf_action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "r.pdf")]


def test_markdown_export_then_import_adds_and_selects_a_copy(window, store, monkeypatch, tmp_path):
    original = store.get(window.current_postmortem_id())
    _save_as(monkeypatch, tmp_path / "pm.md")
    window.export_actions.export_markdown_action.trigger()
    assert (tmp_path / "pm.md").read_text(encoding="utf-8").startswith("---\npmdesk: 1")

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(tmp_path / "pm.md"), ""))
    )
    before = len(store.list_postmortems())
    window.export_actions.import_markdown_action.trigger()
    assert len(store.list_postmortems()) == before + 1
    new_id = window.current_postmortem_id()
    assert new_id != original.id
    copy = store.get(new_id)
    assert copy.title == original.title
    assert [a.action for a in copy.action_items] == [a.action for a in original.action_items]


def test_import_of_a_bad_file_shows_the_message_and_adds_nothing(
    window, store, monkeypatch, tmp_path
):
    junk = tmp_path / "notes.md"
    junk.write_text("shopping list\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(junk), ""))
    )
    before = len(store.list_postmortems())
    window.export_actions.import_markdown_action.trigger()
    box = window.export_actions.message_box
    assert box is not None and "does not look like a postmortem" in box.text()
    box.close()
    assert len(store.list_postmortems()) == before


def test_cancelled_dialogs_do_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert window.export_actions.export_pdf() is None
    assert window.export_actions.import_markdown() is None
    assert window.export_actions.message_box is None
