"""The main window: it lays out the library and the document area, and wires them. Nothing else."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from pmdesk.export.text import render_text
from pmdesk.models import Store
from pmdesk.ui.help_menu import HelpActions
from pmdesk.ui.library_panel import LibraryPanel


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._settings = settings
        self.setWindowTitle("pmdesk")
        self.resize(1280, 800)

        self.library = LibraryPanel(store)
        self.placeholder = QLabel("Select a postmortem on the left, or create one with Ctrl+N.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("placeholder")
        self.document = QPlainTextEdit(readOnly=True)
        self.document.setObjectName("documentView")
        self.document.setAccessibleName("Postmortem")
        self.area = QStackedWidget()
        self.area.addWidget(self.placeholder)
        self.area.addWidget(self.document)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 900])
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage(f"Store: {store.path}")

        self._build_menus()
        self.library.postmortem_selected.connect(self.show_postmortem)
        self._restore_view_state()
        if self.library.selected_id() is None:
            self.library.select_first()

    # --- menus -----------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")

        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find, self._focus_search)
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.help_actions = HelpActions(self)
        self.about_action = self.help_actions.about_action
        self.followthrough_action = self._action(
            "Follow-&through…", QKeySequence("Ctrl+Shift+F"), self.show_followthrough
        )
        self.view_menu.addAction(self.followthrough_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu.addAction(self.find_action)
        self.help_menu.addActions(self.help_actions.actions())

    def _action(self, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    # --- the document area -----------------------------------------------------------

    def current_postmortem_id(self) -> int | None:
        return self.library.selected_id()

    def show_postmortem(self, pm_id: int | None) -> None:
        if pm_id is None:
            self.area.setCurrentWidget(self.placeholder)
            self.setWindowTitle("pmdesk")
            return
        pm = self.store.get(pm_id)
        self.document.setPlainText(render_text(pm))
        self.area.setCurrentWidget(self.document)
        self.setWindowTitle(f"{pm.title or 'Untitled postmortem'} — pmdesk")

    def _focus_search(self) -> None:
        self.library.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library.search.selectAll()

    def show_followthrough(self) -> None:
        """Open (or bring back) the follow-through window: overdue actions, schedule, metrics."""
        from pmdesk.ui.followup.window import FollowThroughWindow

        if getattr(self, "followthrough", None) is None:
            self.followthrough = FollowThroughWindow(self.store, parent=self)
            self.followthrough.setWindowFlag(Qt.WindowType.Window)
        else:
            self.followthrough.refresh()
        self.followthrough.show()
        self.followthrough.raise_()
        self.followthrough.activateWindow()

    # --- window state ----------------------------------------------------------------

    def _restore_view_state(self) -> None:
        geometry = self._settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.setValue("main/splitter", self.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)
