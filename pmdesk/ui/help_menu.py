"""The Help menu: the guide (F1), the keyboard shortcuts and About, made when first asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:  # imported when first shown: the guide brings markdown (~9 ms of start-up)
    from pmdesk.ui.about_dialog import AboutDialog
    from pmdesk.ui.help_window import HelpWindow


class HelpActions(QObject):
    """The actions for a main window's Help menu; one help window and one About per main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.help_window: HelpWindow | None = None
        self.about_dialog: AboutDialog | None = None

        self.guide_action = QAction("pmdesk &Guide", window)
        # F1 on Linux and Windows, Cmd+? on macOS.
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(lambda: self.show_help("guide"))
        self.shortcuts_action = QAction("&Keyboard Shortcuts", window)
        self.shortcuts_action.triggered.connect(lambda: self.show_help("shortcuts"))
        self.about_action = QAction("&About pmdesk", window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def actions(self) -> list[QAction]:
        return [self.guide_action, self.shortcuts_action, self.about_action]

    def show_help(self, page: str, anchor: str = "") -> HelpWindow:
        if self.help_window is None:
            from pmdesk.ui.help_window import HelpWindow

            self.help_window = HelpWindow(self._window, self._window.menuBar())
        self.help_window.show_page(page, anchor)
        return self.help_window

    def show_about(self) -> AboutDialog:
        if self.about_dialog is None:
            from pmdesk.ui.about_dialog import AboutDialog

            self.about_dialog = AboutDialog(self._window)
        # open(), not exec(): window-modal without a nested event loop.
        self.about_dialog.open()
        return self.about_dialog
