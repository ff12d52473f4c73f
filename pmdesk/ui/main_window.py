"""The main window: it lays out the library and the editor, and wires them. Nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from pmdesk.lint_process import LintJobGivenUp
from pmdesk.models import Store
from pmdesk.models.template import new_postmortem
from pmdesk.ui.backup_actions import BackupActions
from pmdesk.ui.editor.editor_widget import EditorWidget
from pmdesk.ui.export_actions import ExportActions
from pmdesk.ui.help_menu import HelpActions
from pmdesk.ui.library_commands import CreatePostmortem, DeletePostmortem, LibraryStack
from pmdesk.ui.library_panel import LibraryPanel
from pmdesk.ui.lint_worker import START_DELAY_MS, WARM_UP, WINDOW_START_MS, lint_worker
from pmdesk.ui.plain_text import ask, inform, message_box, show_message
from pmdesk.ui.share.share_actions import ShareActions
from pmdesk.ui.turns import in_turns
from pmdesk.words import counted

STORE_FILTER = "pmdesk stores (*.db *.sqlite);;All files (*)"
PLACEHOLDER = "Select a postmortem on the left, or create one with Ctrl+N."
SAVE_STATES = {
    "saved": "All changes saved",
    "pending": "Saving…",
    "error": "Not saved — see the message",
}


class MainWindow(QMainWindow):
    #: the user picked another store file to work in (File → Open Store / New Store)
    store_chosen = Signal(str)
    #: the user picked a team library folder (File → Open Team Library)
    library_chosen = Signal(str)
    #: the window has painted for the first time (emitted just after that paint)
    first_painted = Signal()
    #: the window has its store (at once, or after its first paint: see attach_store)
    store_attached = Signal()
    #: the start is over: the first postmortem shows in the editor (or there is none)
    first_opened = Signal()

    def __init__(
        self, store: Store | None, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        """The window on `store`; with None, the window of a store still being opened (its
        check runs off the UI thread, pmdesk.ui.store_check): it paints, with its menus, its
        library (empty) and its editor area, and `attach_store` brings the store."""
        super().__init__(parent)
        self.store: Store | None = None
        self._settings = settings
        self.setWindowTitle("pmdesk")
        self.resize(1360, 860)

        self.library = LibraryPanel(None)
        self._data_version = 0
        self.library_stack = LibraryStack(None, self.library, self)
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.library_stack)
        self.editor: EditorWidget | None = None
        self.placeholder = QLabel(PLACEHOLDER)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("placeholder")
        self.area = QStackedWidget()
        self.area.addWidget(self.placeholder)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.area)
        # the library grows a little with the window, so titles have room on a big screen
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([300, 1060])
        self.setCentralWidget(self.splitter)
        self.save_label = QLabel(objectName="saveState")
        self.statusBar().addPermanentWidget(self.save_label)
        # the linter's set-up runs in the worker; a broken rules file is said when it is done,
        # and so is a check the lint process gave up on (it hung, or crashed twice)
        lint_worker().finished.connect(self._lint_results)
        # and it starts once this window's start is over (first_opened), not during it
        lint_worker().start_in(WINDOW_START_MS)

        self._build_menus()
        self.library.postmortem_selected.connect(self._library_selected)
        #: an editor being built in turns (open_in_turns), not yet `self.editor`
        self._building: EditorWidget | None = None
        #: the closed editor that stays on the screen until the next one is laid out
        self._leaving: EditorWidget | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self._restore_view_state()
        #: the window has painted once (see paintEvent)
        self.painted = False
        # The first postmortem opens just after the window's first paint, not before it,
        # once the window has painted and has its store (whichever comes last).
        self._first_open_pending = True
        if store is not None:
            self.attach_store(store)

    def opening_store(self, path: Path) -> None:
        """Say which store is being opened, until it is (see attach_store)."""
        self.placeholder.setText(f"Opening {path.name}…")
        self.statusBar().showMessage(f"Opening the store {path}…")

    def attach_store(self, store: Store) -> None:
        """Work in `store` (the window was made before it was open): the library shows it, the
        actions that need it are enabled, and the first postmortem opens."""
        self.store = store
        self._data_version = store.data_version()
        self.library_stack.store = store
        # Made before its first paint, the window fills its library as it opens the first
        # postmortem (_first_open_steps); shown at once, it fills it now.
        self.library.set_store(store, refresh=not self.painted)
        self.export_actions = ExportActions(
            self,
            store,
            self.current_postmortem_id,
            flush=self.flush,
            on_imported=lambda pm_id: (self.library.refresh(), self.library.select(pm_id)),
        )
        self.export_actions.add_to(self.file_menu, before=self._store_actions_end)
        self.share_actions = ShareActions(self, store, self.current_postmortem_id, flush=self.flush)
        self.share_actions.add_to(self.share_menu)
        self.backup_actions = BackupActions(self, store.path)
        self.backup_actions.add_to(self.file_menu, before=self._backup_actions_end)
        self.statusBar().showMessage(f"Store: {store.path}", 5000)
        self.store_attached.emit()
        self._open_first_when_ready()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            # The window's own paint comes first in a paint of the whole window: the timer
            # fires once the paint is over (its children drawn, the frame shown). A zero-delay
            # timer started at show() fires before the first paint, not after it: the
            # window-system's expose event that paints comes later.
            self.painted = True
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.first_painted.emit()
        self._open_first_when_ready()

    def _open_first_when_ready(self) -> None:
        if self._first_open_pending and self.store is not None and self.painted:
            self._first_open_pending = False
            in_turns(self, self._first_open_steps())

    def _first_open_steps(self) -> Iterator[None]:
        """Open the library's first postmortem, in turns of the event loop of their own (each
        well under the 50 ms a window may take without seeming to hang): its editor is built,
        hidden, a part at a time; then the library's list fills (when the store came after the
        first paint); then the editor is shown and its row selected; then it is laid out, and
        paints."""
        wanted = self.isVisible() and self.library.selected_id() is None and self.editor is None
        pm_id = self.library.first_id() if wanted else None
        if pm_id is not None:

            def still_wanted() -> bool:  # the user may have opened another meanwhile
                return self.editor is None and self.library.selected_id() in (None, pm_id)

            # The editor is built hidden first, then the list fills and the editor shows:
            # each change of the list paints it and lays its rows out again.
            editor = self._make_editor(pm_id, in_steps=True)
            for _ in editor.steps:
                yield
                if not still_wanted():
                    break
            yield  # (the last part of the build ran in the turn that ended the loop)
            if not self.library.filled:
                self.library.refresh()
                yield
            if still_wanted() and self.library.model.row_of(pm_id) is not None:
                # shown, but not painted until it is laid out, a turn later (what was in the
                # editor area stays on the screen meanwhile); its row selected with it
                editor.setUpdatesEnabled(False)
                self._show_editor(editor, lay_out=False)
                self.library.select(pm_id)  # show_postmortem finds it open already
                yield
                editor.lay_out_now()
                editor.setUpdatesEnabled(True)
            else:
                editor.deleteLater()
        if not self.library.filled:
            self.library.refresh()
        self.placeholder.setText(PLACEHOLDER)
        lint_worker().start_in(START_DELAY_MS)
        self.first_opened.emit()

    # --- menus -----------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.timeline_menu = bar.addMenu("&Timeline")
        self.share_menu = bar.addMenu("&Share")
        self.help_menu = bar.addMenu("&Help")
        self.import_timeline_action = self._action(
            "&Import from File…", QKeySequence("Ctrl+Shift+I"), self.import_timeline
        )
        self.timeline_menu.addAction(self.import_timeline_action)

        self.new_action = self._action(
            "&New Postmortem", QKeySequence.StandardKey.New, self.new_postmortem
        )
        self.delete_action = self._action("&Delete Postmortem…", None, self.delete_postmortem)
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.undo_action = self._action("&Undo", QKeySequence.StandardKey.Undo, self._undo)
        self.redo_action = self._action("&Redo", None, self._redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        for action, can, text, verb in (
            (
                self.undo_action,
                self.undo_group.canUndoChanged,
                self.undo_group.undoTextChanged,
                "Undo",
            ),
            (
                self.redo_action,
                self.undo_group.canRedoChanged,
                self.undo_group.redoTextChanged,
                "Redo",
            ),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            text.connect(lambda t, a=action, v=verb: a.setText(f"&{v} {t}".rstrip()))
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find, self._focus_search)
        self.help_actions = HelpActions(self)
        self.about_action = self.help_actions.about_action
        self.followthrough_action = self._action(
            "Follow-&through…", QKeySequence("Ctrl+Shift+F"), self.show_followthrough
        )
        self.view_menu.addAction(self.followthrough_action)
        self.meeting_action = self._action("Start &Meeting", QKeySequence("F5"), self.start_meeting)
        self.meeting_action.setToolTip("Run the review meeting: projector view and console (F5)")
        self.view_menu.addAction(self.meeting_action)

        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.delete_action)
        self.file_menu.addSeparator()
        # the export and import actions go here once the store is attached
        self._store_actions_end = self.file_menu.addSeparator()
        self.open_store_action = self._action("Open &Store…", None, self.choose_store)
        self.new_store_action = self._action("New S&tore…", None, self.choose_new_store)
        self.open_library_action = self._action("Open &Team Library…", None, self.choose_library)
        self.file_menu.addAction(self.open_store_action)
        self.file_menu.addAction(self.new_store_action)
        self.file_menu.addAction(self.open_library_action)
        # and Restore from Backup here
        self._backup_actions_end = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.preferences_action = self._action(
            "&Preferences…", QKeySequence("Ctrl+,"), self.show_preferences
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.help_menu.addActions(self.help_actions.actions())

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.followthrough_action)
        toolbar.addAction(self.meeting_action)
        self.toolbar = toolbar

    def _action(self, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    # --- the document area -----------------------------------------------------------

    def current_postmortem_id(self) -> int | None:
        return self.editor.session.pm_id if self.editor is not None else None

    def _lint_results(self, batch: list[tuple[object, object]]) -> None:
        for key, result in batch:
            if key == WARM_UP and isinstance(result, str) and result:
                self.statusBar().showMessage(f"Blame rules: {result}", 30000)
            elif isinstance(result, LintJobGivenUp):
                # what was given up shows no underlines: say why
                message = f"Some text was not checked for blaming language: {result}."
                self.statusBar().showMessage(message, 15000)

    def _library_selected(self, pm_id: int | None) -> None:
        """A row picked in the library by the user opens in turns of the event loop (see
        open_in_turns); one selected by the program (a new postmortem, a refresh) at once."""
        if self.library.selecting_by_program:
            self.show_postmortem(pm_id)
        else:
            self.open_in_turns(pm_id)

    def show_postmortem(self, pm_id: int | None) -> None:
        """Open a postmortem in the editor, after saving what was typed in the previous one.

        The editor is built now and becomes `self.editor`; it takes the editor area, is laid
        out and paints on the next turn of the event loop. A long postmortem's build and its
        layout are each about 35 ms here, together more than a window may take without seeming
        to hang. The previous editor, closed, stays on the screen for that turn."""
        self._building = None  # (an open in turns still building is dropped)
        if self.editor is not None:
            if pm_id == self.editor.session.pm_id:
                return
            self._close_editor(keep_shown=pm_id is not None)
        if pm_id is None:
            self._drop_leaving()
            self.area.setCurrentWidget(self.placeholder)
            self.setWindowTitle("pmdesk")
            self.delete_action.setEnabled(False)
            return
        editor = self._make_editor(pm_id)
        self._show_editor(editor, current=False)
        # (what needs the page laid out before that turn, a jump to a section, brings it now)
        editor.bring_forward = lambda: self._bring_forward(editor)
        in_turns(self, self._forward_steps(editor))

    def open_in_turns(self, pm_id: int | None) -> None:
        """Open a postmortem as show_postmortem does, its editor built a part at a time in
        turns of the event loop of their own (~10-20 ms each), so that no turn keeps the window
        from answering; the previous editor, saved and closed, stays on the screen until the
        new one is laid out. `self.editor` is None meanwhile."""
        if self.editor is not None and pm_id == self.editor.session.pm_id:
            self._building = None
            return
        if pm_id is None:
            self.show_postmortem(None)
            return
        if self._building is not None and self._building.session.pm_id == pm_id:
            return  # already on its way
        if self.editor is not None:
            self._close_editor(keep_shown=True)
        editor = self._make_editor(pm_id, in_steps=True)
        self._building = editor
        in_turns(self, self._build_steps(editor))

    def _build_steps(self, editor: EditorWidget) -> Iterator[None]:
        # a part of the build a turn (each ~5-15 ms here; two a turn made turns of 40-60 ms
        # on this machine when it was slow)
        def dropped() -> bool:
            if self._building is editor:
                return False
            editor.deleteLater()  # another was opened meanwhile
            return True

        for _ in editor.steps:
            yield
            if dropped():
                return
        yield  # (the last part of the build ran in the turn that ended the loop)
        if dropped():
            return
        self._building = None
        self._show_editor(editor, current=False)
        editor.bring_forward = lambda: self._bring_forward(editor)
        yield from self._forward_steps(editor)

    def _forward_steps(self, editor: EditorWidget) -> Iterator[None]:
        """Bring the editor forward in turns: it takes the editor area, unpainted; its layout
        settles; its tables measure their rows, once, a few dozen a turn; it paints."""

        def pending() -> bool:  # (not brought forward by a jump meanwhile, nor replaced)
            return (
                shiboken6.isValid(editor)
                and editor.bring_forward is not None
                and self.editor is editor
            )

        if pending():
            editor.setUpdatesEnabled(False)  # (what was there stays on the screen meanwhile)
            editor.hold_tables()
            self.area.setCurrentWidget(editor)
            yield
            if pending():  # (its tables measured at the width the page settles on)
                for _ in editor.lay_out_in_steps():
                    yield
                    if not pending():
                        break
        if pending():
            editor.bring_forward()  # (laid out already: it paints)
        yield

    def _bring_forward(self, editor: EditorWidget) -> None:
        """Put the opened editor in the editor area, laid out, in place of the closed one."""
        if not shiboken6.isValid(editor) or editor.bring_forward is None:
            return  # done already
        editor.bring_forward = None
        if self.editor is editor:  # (not when another was opened meanwhile)
            editor.hold_tables()
            self.area.setCurrentWidget(editor)
            editor.lay_out_now()  # the first paint shows the page laid out, not half-way
            editor.setUpdatesEnabled(True)
            self._drop_leaving()

    def _drop_leaving(self) -> None:
        """Take the closed editor that stayed on the screen out of the editor area."""
        leaving, self._leaving = self._leaving, None
        if leaving is not None and shiboken6.isValid(leaving):
            self.area.removeWidget(leaving)
            leaving.deleteLater()

    def _make_editor(self, pm_id: int, *, in_steps: bool = False) -> EditorWidget:
        assert self.store is not None  # the library lists nothing before the store is attached
        return EditorWidget(self.store, pm_id, in_steps=in_steps)

    def _show_editor(
        self, editor: EditorWidget, *, lay_out: bool = True, current: bool = True
    ) -> None:
        """Put a new editor in the document area, laid out for the next paint (without
        `lay_out`, the caller lays it out before the editor paints; without `current`, the
        caller also brings it forward)."""
        editor.summary_changed.connect(self._summary_changed)
        editor.session.save_state_changed.connect(self._save_state_changed)
        editor.session.problem.connect(self._problem)
        self.undo_group.addStack(editor.session.undo_stack)
        self.undo_group.setActiveStack(editor.session.undo_stack)
        self.area.addWidget(editor)
        if current:
            self.area.setCurrentWidget(editor)
            if lay_out:
                editor.lay_out_now()  # the first paint shows the page laid out, not half-way
        self.editor = editor
        self.delete_action.setEnabled(True)
        self._save_state_changed("saved")
        self._update_title()

    def _save_before_leaving(self, *, can_stay: bool) -> bool:
        """True when nothing typed is left unsaved, or the user chose to let it go."""
        while self.editor is not None and not self.editor.flush():
            box = message_box(
                self,
                QMessageBox.Icon.Warning,
                "Edits not saved",
                "pmdesk could not write your latest edits to the store.",
            )
            box.setInformativeText(self.statusBar().currentMessage())
            retry = box.addButton("Try Again", QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton("Discard Edits", QMessageBox.ButtonRole.DestructiveRole)
            if can_stay:
                box.addButton(QMessageBox.StandardButton.Cancel)
            show_message(box)
            if box.clickedButton() is discard:
                self.editor.session.discard_pending()
                return True
            if box.clickedButton() is not retry:
                return False
        return True

    def _close_editor(self, *, keep_shown: bool = False) -> None:
        """Save and close the editor. With `keep_shown`, when it is on the screen it stays
        there, disabled, until the next one is in its place (see _bring_forward)."""
        self._save_before_leaving(can_stay=False)
        editor, self.editor = self.editor, None
        if editor is None:
            return
        self.undo_group.removeStack(editor.session.undo_stack)
        if keep_shown and self.area.currentWidget() is editor:
            self._drop_leaving()
            # nothing typed there would count now; and it is not repainted, greyed, meanwhile
            editor.setUpdatesEnabled(False)
            editor.setEnabled(False)
            self._leaving = editor
            return
        # (an editor never on the screen, opened and left within a turn, goes at once)
        self.area.removeWidget(editor)
        editor.deleteLater()

    def new_postmortem(self) -> None:
        if self.store is None:
            self._still_opening()
            return
        self.flush()
        authors = self.editor.session.pm.authors[:1] if self.editor is not None else []
        self.library_stack.push(
            CreatePostmortem(self.library_stack, new_postmortem(date.today(), authors))
        )
        self.undo_group.setActiveStack(self.library_stack)
        if self.editor is not None:
            self.editor.header.title.setFocus()
            self.editor.header.title.selectAll()

    def delete_postmortem(self) -> None:
        if self.editor is None:
            return
        self.flush()
        pm = self.editor.session.pm
        # ask(), not QMessageBox.question: the title is shown as typed, never as markup
        answer = ask(
            self,
            "Delete postmortem",
            f"Delete “{pm.title or 'Untitled postmortem'}” and everything in it?\n\n"
            "Edit → Undo brings it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        pm_id = pm.id
        self._close_editor()
        self.library_stack.push(DeletePostmortem(self.library_stack, pm_id))  # type: ignore[arg-type]
        self.undo_group.setActiveStack(self.library_stack)
        self.statusBar().showMessage("Postmortem deleted — Ctrl+Z brings it back", 8000)

    def _undo(self) -> None:
        # What was typed a moment ago is saved first, so undo starts from what you see.
        self.flush()
        self.undo_group.undo()

    def _redo(self) -> None:
        self.flush()
        self.undo_group.redo()

    def flush(self) -> bool:
        return self.editor.flush() if self.editor is not None else True

    def _summary_changed(self, pm_id: int) -> None:
        self.library.postmortem_changed(pm_id)
        self._update_title()

    def _update_title(self) -> None:
        if self.editor is not None:
            title = self.editor.session.pm.title or "Untitled postmortem"
            self.setWindowTitle(f"{title} — pmdesk")

    def _save_state_changed(self, state: str) -> None:
        self.save_label.setText(SAVE_STATES[state])

    def _problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Ctrl+Z undoes in the part of the window you are working in."""
        if new is None:
            return
        if self.editor is not None and self.editor.isAncestorOf(new):
            self.undo_group.setActiveStack(self.editor.session.undo_stack)
        elif self.library.isAncestorOf(new):
            self.undo_group.setActiveStack(self.library_stack)

    def _focus_search(self) -> None:
        self.library.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library.search.selectAll()

    def show_followthrough(self) -> None:
        """Open (or bring back) the follow-through window: overdue actions, schedule, metrics."""
        from pmdesk.ui.followup.window import FollowThroughWindow

        if self.store is None:
            self._still_opening()
            return
        if getattr(self, "followthrough", None) is None:
            self.followthrough = FollowThroughWindow(self.store, parent=self)
            self.followthrough.setWindowFlag(Qt.WindowType.Window)
            # Mark done there changes items the editor may be showing
            self.followthrough.overdue.actions_changed.connect(self.refresh_editor)
        else:
            self.followthrough.refresh()
        self.followthrough.show()
        self.followthrough.raise_()
        self.followthrough.activateWindow()

    def choose_store(self) -> None:
        """File → Open Store: work in another store file (a team's shared one, an archive)."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a pmdesk store", str(self._store_folder()), STORE_FILTER
        )
        if path:
            self.store_chosen.emit(path)

    def choose_library(self) -> None:
        """File → Open Team Library: a folder of Markdown postmortems in git."""
        path = QFileDialog.getExistingDirectory(self, "Open a team library folder")
        if path:
            self.library_chosen.emit(path)

    def choose_new_store(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Create a pmdesk store",
            str(self._store_folder() / "postmortems.db"),
            STORE_FILTER,
        )
        if path:
            if Path(path).exists():
                # the save dialog asked before replacing; a store is never overwritten, so say so
                inform(self, "Open Store", f"{path} exists already: it is opened, not replaced.")
            self.store_chosen.emit(path)

    def _store_folder(self) -> Path:
        return self.store.path.parent if self.store is not None else Path.home()

    def _still_opening(self) -> None:
        self.statusBar().showMessage("The store is still being opened…", 5000)

    def show_preferences(self) -> bool:
        """Edit → Preferences: paper size, holidays, meeting options; True when saved."""
        from pmdesk.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return False
        if getattr(self, "followthrough", None) is not None:
            self.followthrough.refresh()  # holidays move the schedule and the metrics
        self.statusBar().showMessage("Preferences saved", 5000)
        return True

    def import_timeline(self) -> None:
        """Timeline > Import from File: preview a file's events, add the checked ones."""
        from pmdesk.ui.timeline_import_dialog import import_timeline_interactively

        pm_id = self.current_postmortem_id()
        if pm_id is None:
            self.statusBar().showMessage("Open a postmortem to import its timeline into.", 5000)
            return
        self.flush()
        added = import_timeline_interactively(self, self.store, pm_id)
        if added and self.editor is not None:
            self.editor.session.reload()
            self.editor.session.part_changed.emit("timeline")
        self.statusBar().showMessage(f"Added {counted(added, 'event')} to the timeline.", 5000)

    def start_meeting(self) -> None:
        """F5: run the review meeting of the open postmortem (audience view and console)."""
        from pmdesk.errors import PmdeskError
        from pmdesk.settings import Settings, load_settings
        from pmdesk.ui.meeting.meeting_mode import MeetingMode

        if getattr(self, "meeting", None) is not None:
            self.meeting.console.activateWindow()
            return
        if self.editor is None:
            self.statusBar().showMessage("Open a postmortem to run its meeting.", 5000)
            return
        try:
            settings = load_settings()
        except PmdeskError as exc:
            settings = Settings()
            self.statusBar().showMessage(f"{exc} — using the default settings", 10000)
        self.flush()
        self.meeting = MeetingMode(self.editor, settings, parent=self)
        self.meeting.finished.connect(self._meeting_finished)
        # The meeting works on this editor's postmortem: nothing may switch it meanwhile.
        for widget in (self.library, self.new_action, self.delete_action):
            widget.setEnabled(False)
        self.meeting.start(self.frameGeometry().center())

    def _meeting_finished(self) -> None:
        self.meeting = None
        for widget in (self.library, self.new_action, self.delete_action):
            widget.setEnabled(True)
        self.refresh_editor()
        self.raise_()
        self.activateWindow()
        if self.editor is not None:
            self.editor.jump_to("meeting_notes")
        self.statusBar().showMessage("Meeting ended — notes and action items are saved.", 8000)

    def refresh_editor(self) -> None:
        """Re-read the open postmortem and show every part of it (after meeting mode)."""
        if self.editor is None:
            return
        import dataclasses

        from pmdesk.models import Postmortem

        session = self.editor.session
        session.reload()
        for field in dataclasses.fields(Postmortem):
            if field.name not in ("id", "is_example", "created_at", "updated_at"):
                session.part_changed.emit(field.name)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._pick_up_outside_changes()

    def _pick_up_outside_changes(self) -> None:
        """Another process wrote the store while this window was in the background: re-read."""
        if self.store is None:
            return
        version = self.store.data_version()
        if version == self._data_version:
            return
        self._data_version = version
        self.library.refresh()
        if self.editor is not None and not self.editor.session.has_pending:
            self.refresh_editor()

    # --- window state ----------------------------------------------------------------

    def _restore_view_state(self) -> None:
        geometry = self._settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._save_before_leaving(can_stay=True):
            event.ignore()
            return
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.setValue("main/splitter", self.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)
