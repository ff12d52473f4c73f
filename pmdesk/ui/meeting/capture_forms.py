"""What the facilitator captures during the meeting: notes, Five Whys answers, action items.

Each goes to the store the way the editor sends it: notes and answers through the
session's debounced autosave, action items as the editor's undoable AddRecords
command on the session's undo stack, so the editor shows them at once and Ctrl+Z
in the editor takes one back.
"""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.meeting import answer_flags, flags_for_action, flags_for_text, root_cause_flags
from pmdesk.models import ActionItem, Priority, parse_date
from pmdesk.ui.editor.actions_model import ActionsModel
from pmdesk.ui.editor.list_commands import AddRecords, actions_part
from pmdesk.ui.editor.session import EditorSession
from pmdesk.ui.editor.whys_editor import question
from pmdesk.ui.meeting.capture_field import CaptureField, FlagJob

_NO_LIMIT = 16_777_215  # Qt's QWIDGETSIZE_MAX


class NotesBox(CaptureField):
    """The meeting notes: the postmortem's `meeting_notes`, saved as typed."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(
            "meeting_notes",
            lambda text: partial(flags_for_text, text, tuple(session.pm.people())),
            placeholder="Notes from the discussion (saved as you type)",
            min_lines=4,
            people=session.pm.people,
            parent=parent,
        )
        self.session = session
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_text(session.pm.meeting_notes)
        self.refresh_flags()
        self.text_edited.connect(lambda text: session.edit_text("meeting_notes", text))
        self.focus_left.connect(session.flush)
        session.part_changed.connect(self._part_changed)

    def _fit_height(self, *_: object) -> None:
        # Unlike the editor's fields, the notes keep a place in the console and scroll inside
        # it (the typed line stays in view), however long they get.
        lowest = 4 * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 8
        if (self.minimumHeight(), self.maximumHeight()) != (lowest, _NO_LIMIT):
            self.setMinimumHeight(lowest)
            self.setMaximumHeight(_NO_LIMIT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.ensureCursorVisible()  # the line being typed stays in view as the console resizes

    def _part_changed(self, part: str) -> None:
        if part == "meeting_notes" and not self.hasFocus():
            self.set_text(self.session.pm.meeting_notes)
            self.refresh_flags()


class WhysBox(QWidget):
    """The chain so far, the next answer (Enter starts the one after), and the root cause."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: the saved answers before the one being typed
        self._base = list(session.pm.whys)
        self.chain = QLabel(objectName="whysChain", wordWrap=True)
        self.chain.setTextFormat(Qt.TextFormat.RichText)
        self.question = QLabel(objectName="whysQuestion", wordWrap=True)
        self.answer = CaptureField(
            "why_answer",
            self._answer_flags,
            placeholder="The answer, in terms of the system — Enter for the next why",
            single_line=True,
            people=session.pm.people,
        )
        self.root_cause = CaptureField(
            "root_cause",
            self._root_flags,
            placeholder="The root cause, once the chain reaches a condition the team can change",
            single_line=True,
            people=session.pm.people,
        )
        self.root_cause.set_text(session.pm.root_cause)
        root_label = QLabel("Root cause")
        root_label.setBuddy(self.root_cause)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.chain)
        layout.addWidget(self.question)
        layout.addWidget(self.answer)
        layout.addSpacing(4)
        layout.addWidget(root_label)
        layout.addWidget(self.root_cause)
        layout.addStretch(1)

        self.answer.text_edited.connect(self._answer_typed)
        self.answer.submitted.connect(self.next_answer)
        self.answer.focus_left.connect(session.flush)
        self.root_cause.text_edited.connect(lambda t: session.edit_text("root_cause", t))
        self.root_cause.focus_left.connect(session.flush)
        session.part_changed.connect(self._part_changed)
        self._show_chain()

    def whys(self) -> list[str]:
        """The chain with the answer being typed at its end."""
        typed = self.answer.text()
        return [*self._base, typed] if typed.strip() else list(self._base)

    def next_answer(self) -> None:
        """Keep the typed answer and start the next one."""
        if not self.answer.text().strip():
            return
        self.session.edit_whys(self.whys())
        self.session.flush()
        self._base = list(self.session.pm.whys)
        self.answer.clear_quietly()
        self._show_chain()

    def _answer_typed(self, _text: str) -> None:
        self.session.edit_whys(self.whys())
        self._show_chain()
        self.root_cause.refresh_flags()

    def _answer_flags(self, text: str) -> FlagJob:
        whys, root_cause = self.whys(), self.root_cause.text()
        people = tuple(self.session.pm.people())
        return partial(answer_flags, text, whys, root_cause, people)

    def _root_flags(self, text: str) -> FlagJob:
        return partial(root_cause_flags, text, self.whys(), tuple(self.session.pm.people()))

    def _show_chain(self) -> None:
        done = [w for w in self._base if w.strip()]
        lines = [f"<b>{n}.</b> {escape(w)}" for n, w in enumerate(done, start=1)]
        self.chain.setText("<br>".join(lines) if lines else "<i>No answers yet.</i>")
        number = len(done) + 1
        previous = done[-1] if done else ""
        self.question.setText(
            f"<b>Why {number}:</b> {escape(question(number, previous, self.session.pm.people()))}"
        )

    def _part_changed(self, part: str) -> None:
        if part == "whys" and not self.answer.text().strip():
            self._base = list(self.session.pm.whys)
            self._show_chain()
        elif part == "root_cause" and not self.root_cause.hasFocus():
            self.root_cause.set_text(self.session.pm.root_cause)


class ActionForm(QWidget):
    """Action, owner, priority, due date; Enter adds the item to the postmortem."""

    #: an item was added: its action text
    added = Signal(str)

    def __init__(
        self, session: EditorSession, model: ActionsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        self.action = CaptureField(
            "action",
            self._flags,
            placeholder="What will change in the system? (a check, an alert, a guardrail…)",
            single_line=True,
            people=session.pm.people,
        )
        self.owner = QComboBox(objectName="actionOwner", editable=True)
        self.owner.addItems(session.pm.people())
        self.owner.setCurrentText("")
        self.owner.lineEdit().setPlaceholderText("Owner")
        self.priority = QComboBox(objectName="actionPriority")
        for member in Priority:
            self.priority.addItem(member.label, member.value)
        self.priority.setCurrentIndex(self.priority.findData(Priority.MEDIUM.value))
        self.due = QLineEdit(objectName="actionDue", placeholderText="Due YYYY-MM-DD")
        self.add_button = QPushButton("Add action item", objectName="actionAdd")
        self.add_button.setToolTip("Enter in the action, owner or date also adds it")
        self.error = QLabel(objectName="actionError", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.captured = QLabel(objectName="actionsCaptured", wordWrap=True)
        self.captured.setTextFormat(Qt.TextFormat.RichText)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.action, 0, 0, 1, 4)
        grid.addWidget(self.owner, 1, 0)
        grid.addWidget(self.priority, 1, 1)
        grid.addWidget(self.due, 1, 2)
        grid.addWidget(self.add_button, 1, 3)
        grid.addWidget(self.error, 2, 0, 1, 4)
        grid.addWidget(self.captured, 3, 0, 1, 4)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(4, 1)

        self.action.submitted.connect(self.add)
        self.owner.lineEdit().returnPressed.connect(self.add)
        self.due.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.owner.currentTextChanged.connect(lambda _t: self.action.refresh_flags())
        self.due.textChanged.connect(lambda _t: self.action.refresh_flags())
        session.part_changed.connect(self._part_changed)
        self.action.refresh_flags()
        self._show_captured()

    def _due_date(self) -> object:
        """The typed date, None when empty; a PmdeskError when it is not a date."""
        return parse_date(self.due.text().strip(), "due date")

    def _flags(self, text: str) -> FlagJob:
        try:
            due = self._due_date()
        except PmdeskError:
            due = None
        owner, people = self.owner.currentText(), tuple(self.session.pm.people())
        return partial(flags_for_action, text, owner, due, people)  # type: ignore[arg-type]

    def add(self) -> bool:
        """Add what the form holds as one undoable step; False (and a message) when it cannot."""
        text = " ".join(self.action.text().split())
        try:
            if not text:
                raise PmdeskError("Type the action first.")
            item = ActionItem(
                action=text,
                owner=self.owner.currentText().strip(),
                priority=self.priority.currentData(),
                due_date=self._due_date(),
            )
        except PmdeskError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        command = AddRecords(
            self.session, self.model, actions_part(self.session), [item], text="Add action item"
        )
        self.session.push(command)
        if command.isObsolete():
            return False
        self.error.hide()
        self.action.clear_quietly()
        self.owner.setCurrentText("")
        self.due.clear()
        self.priority.setCurrentIndex(self.priority.findData(Priority.MEDIUM.value))
        self.action.setFocus(Qt.FocusReason.OtherFocusReason)
        self.added.emit(text)
        return True

    def _part_changed(self, part: str) -> None:
        if part == "action_items":
            self._show_captured()
        elif part == "authors":
            current = self.owner.currentText()
            self.owner.clear()
            self.owner.addItems(self.session.pm.people())
            self.owner.setCurrentText(current)

    def _show_captured(self) -> None:
        items = self.session.pm.action_items
        if not items:
            self.captured.setText("No action items yet.")
            return
        lines = []
        for item in items[-4:]:
            missing = [
                name
                for name, value in (("owner", item.owner.strip()), ("due date", item.due_date))
                if not value
            ]
            mark = f" <span style='color:#8a4500'>— incomplete: no {' or '.join(missing)}</span>"
            lines.append(f"• {escape(item.action)}" + (mark if missing else ""))
        more = len(items) - 4
        head = f"{len(items)} action items" + (f" (latest {len(lines)}):" if more > 0 else ":")
        self.captured.setText(head + "<br>" + "<br>".join(lines))
