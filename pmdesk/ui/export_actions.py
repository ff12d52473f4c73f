"""File menu: Export as PDF…, Export as Markdown…, Import Markdown…, and opening the PDF after export.

Each action asks for a file and makes one call into pmdesk.export; errors come
back as the core's one-line messages in a dialog.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from pmdesk.errors import PmdeskError
from pmdesk.models import Store
from pmdesk.settings import Settings, load_settings, save_settings
from pmdesk.ui.plain_text import message_box


class ExportActions(QObject):
    """The export and import actions of one main window."""

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        current_id: Callable[[], int | None],
        *,
        flush: Callable[[], object] = lambda: None,
        on_imported: Callable[[int], object] = lambda _pm_id: None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._current_id = current_id
        self._flush = flush
        self._on_imported = on_imported
        self.message_box: QMessageBox | None = None

        self.export_pdf_action = QAction("Export as &PDF…", window)
        self.export_pdf_action.setShortcut("Ctrl+Shift+E")
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.export_markdown_action = QAction("Export as &Markdown…", window)
        self.export_markdown_action.triggered.connect(self.export_markdown)
        self.import_markdown_action = QAction("&Import Markdown…", window)
        self.import_markdown_action.triggered.connect(self.import_markdown)
        self.open_after_action = QAction("Open PDF After Export", window, checkable=True)
        self.open_after_action.toggled.connect(self._set_open_after)

    def add_to(self, menu: QMenu, before: QAction | None = None) -> None:
        """Put the actions in `menu`, at its end or `before` one of its actions."""
        menu.insertAction(before, self.export_pdf_action)
        menu.insertAction(before, self.export_markdown_action)
        menu.insertAction(before, self.open_after_action)
        menu.insertSeparator(before)
        menu.insertAction(before, self.import_markdown_action)
        menu.aboutToShow.connect(self._refresh)

    # --- the actions -----------------------------------------------------------------

    def export_pdf(self) -> Path | None:
        from pmdesk.export.pdf import export_pdf

        settings = self._settings()
        write = functools.partial(export_pdf, page_size=settings.page_size)
        path = self._export("Export as PDF", "PDF documents (*.pdf)", ".pdf", write)
        if path is not None and settings.open_pdf_after_export:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def export_markdown(self) -> Path | None:
        from pmdesk.export.markdown import export_markdown

        return self._export("Export as Markdown", "Markdown (*.md)", ".md", export_markdown)

    def import_markdown(self) -> int | None:
        from pmdesk.export.markdown_parse import read_markdown_file

        name, _ = QFileDialog.getOpenFileName(
            self._window, "Import Markdown", "", "Markdown (*.md *.markdown);;All files (*)"
        )
        if not name:
            return None
        try:
            found = read_markdown_file(name)
            pm = self._store.create(found.postmortem)
        except PmdeskError as exc:
            self._tell(QMessageBox.Icon.Warning, "Import failed", str(exc))
            return None
        self._on_imported(pm.id)  # type: ignore[arg-type]
        self._window.statusBar().showMessage(f"Imported “{pm.title or 'Untitled'}”.", 8000)
        if found.skipped:
            self._tell(
                QMessageBox.Icon.Information,
                "Imported with gaps",
                "The postmortem was imported. These parts of the file were skipped:\n\n• "
                + "\n• ".join(found.skipped),
            )
        return pm.id

    # --- helpers ---------------------------------------------------------------------

    def _export(
        self, title: str, filter_: str, suffix: str, write: Callable[..., object]
    ) -> Path | None:
        pm_id = self._current_id()
        if pm_id is None:
            self._window.statusBar().showMessage("Open a postmortem to export it.", 5000)
            return None
        self._flush()
        try:
            pm = self._store.get(pm_id)
        except PmdeskError as exc:
            self._tell(QMessageBox.Icon.Warning, "Export failed", str(exc))
            return None
        suggested = (re.sub(r"[^\w\- ]+", "", pm.title).strip()[:60] or "postmortem") + suffix
        name, _ = QFileDialog.getSaveFileName(self._window, title, suggested, filter_)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write(pm, path)
        except PmdeskError as exc:
            self._tell(QMessageBox.Icon.Warning, "Export failed", str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._window.statusBar().showMessage(f"Exported to {path}", 8000)
        return path

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        # open(), not exec(): window-modal without a nested event loop
        self.message_box = message_box(
            self._window, icon, title, text, QMessageBox.StandardButton.Ok
        )  # file names and errors quote user text: never shown as markup
        self.message_box.open()

    def _refresh(self) -> None:
        has_pm = self._current_id() is not None
        self.export_pdf_action.setEnabled(has_pm)
        self.export_markdown_action.setEnabled(has_pm)
        checked = self._settings(quiet=True).open_pdf_after_export
        self.open_after_action.blockSignals(True)
        self.open_after_action.setChecked(checked)
        self.open_after_action.blockSignals(False)

    def _settings(self, *, quiet: bool = False) -> Settings:
        """The saved settings; the defaults, and a word in the status bar, when they are unreadable."""
        try:
            return load_settings()
        except PmdeskError as exc:
            if not quiet:
                self._window.statusBar().showMessage(f"{exc}; using the default settings", 10000)
            return Settings()

    def _set_open_after(self, on: bool) -> None:
        try:
            settings = load_settings()
            settings.open_pdf_after_export = on
            save_settings(settings)
        except PmdeskError as exc:
            self._tell(QMessageBox.Icon.Warning, "Setting not saved", str(exc))
