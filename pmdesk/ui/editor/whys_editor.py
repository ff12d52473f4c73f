"""The Five Whys: numbered "Why …?" steps, the root cause, and its category.

Each question is made from the answer before it, so the chain reads as the
conversation it is. When the chain stops at a person or a mistake, the
linter's Five Whys check says so right under the chain, with the question to
ask next, and the root cause is marked as not reached yet. Typing is saved
like every other text (after a short pause, and when the field is left);
adding and removing steps are undoable.
"""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.document_lint import five_whys_findings
from pmdesk.ui.editor.session import EditorSession
from pmdesk.ui.editor.text_field import TextField
from pmdesk.ui.lint_worker import lint_worker

FIRST_QUESTION = "What happened? Start with the symptom that users or systems saw."
FALLBACK_QUESTION = "Why did that happen?"
QUESTION_LENGTH = 80
WARNING = "color: #9a5b00;"
QUIET = "color: palette(placeholder-text);"


def question(number: int, previous: str, people: list[str] | tuple[str, ...] = ()) -> str:
    """The question of step `number` (1-based), made from the answer before it."""
    if number == 1:
        return FIRST_QUESTION
    clause = " ".join(previous.split()).rstrip(".!;:")
    if not clause:
        return FALLBACK_QUESTION
    first = clause.split(" ", 1)[0]
    names = {p.split()[0] for p in people if p.split()}
    # "The pool was…" reads on as "the pool was…"; "DNS", "Dana" and "iOS" stay as written.
    if first[:1].isupper() and first[1:].islower() and first not in names:
        clause = clause[0].lower() + clause[1:]
    if len(clause) > QUESTION_LENGTH:
        clause = clause[: QUESTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return f"Why did this happen: {clause}?"


class _AnswerField(TextField):
    """An answer; Ctrl+Enter asks for the next step."""

    next_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.next_requested.emit()
            return
        super().keyPressEvent(event)


class _Step(QWidget):
    """One numbered question with its answer and a remove button."""

    def __init__(self, editor: WhysEditor, number: int) -> None:
        super().__init__()
        self.label = QLabel(wordWrap=True, objectName=f"whyQuestion{number}")
        self.answer = _AnswerField(
            f"why{number}",
            placeholder="Answer in terms of the system: what allowed, encouraged or required it?",
            min_lines=1,
            people=lambda: editor.session.pm.people(),
        )
        self.answer.setAccessibleName(f"Answer {number}")
        self.remove = QToolButton(text="✕", objectName=f"whyRemove{number}", autoRaise=True)
        self.remove.setToolTip(f"Remove step {number}")
        self.remove.setAccessibleName(f"Remove step {number}")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label, 1)
        top.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.answer)


class SetWhys(QUndoCommand):
    """The chain before and after adding or removing a step."""

    def __init__(self, session: EditorSession, before: list[str], after: list[str], text: str):
        super().__init__(text)
        self._session = session
        self._before = before
        self._after = after
        self._pushed = False

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, whys: list[str]) -> None:
        session = self._session
        if session.run_safely(lambda: (session.store.set_whys(session.pm_id, whys), True)[1]):
            session.pm.whys = list(whys)
            session.part_changed.emit("whys")
        elif not self._pushed:
            self.setObsolete(True)  # refused at once: keep nothing on the stack
        self._pushed = True


class WhysEditor(QWidget):
    """Edits `whys`, `root_cause` and `root_cause_category` of `session.pm`."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.steps: list[_Step] = []
        self._worker = lint_worker()
        self._worker.finished.connect(self._whys_checked)
        self.steps_box = QVBoxLayout()
        self.steps_box.setContentsMargins(0, 0, 0, 0)
        self.steps_box.setSpacing(6)

        self.add_button = QPushButton("Ask &why again", objectName="whysAdd")
        self.add_button.setToolTip("Add a step (Ctrl+Enter in the last answer)")
        self.warning = QLabel(objectName="whysWarning", wordWrap=True)
        self.warning.setStyleSheet(WARNING)
        self.warning.setTextFormat(Qt.TextFormat.RichText)
        self.warning.setVisible(False)  # until the worker has checked the chain
        self.root_label = QLabel(objectName="rootCauseLabel")
        self.root_cause = TextField(
            "root_cause",
            placeholder="The root cause: the condition in the system that the steps lead to",
            min_lines=2,
            people=lambda: session.pm.people(),
        )
        self.root_label.setBuddy(self.root_cause)
        self.category = QComboBox(objectName="root_cause_category", editable=True)
        self.category.setAccessibleName("Root-cause category")
        self.category.lineEdit().setPlaceholderText("e.g. configuration change, capacity")
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.setMinimumContentsLength(18)
        category_hint = QLabel(
            "Used to spot incidents that recur with the same cause.", wordWrap=True
        )
        category_hint.setStyleSheet(QUIET)

        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        form = QFormLayout()
        form.setContentsMargins(0, 6, 0, 0)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category)
        category_row.addWidget(category_hint, 1)
        category_label = QLabel("Root-cause &category")
        category_label.setBuddy(self.category)
        form.addRow(category_label, category_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.steps_box)
        layout.addLayout(add_row)
        layout.addWidget(self.warning)
        layout.addSpacing(6)
        layout.addWidget(self.root_label)
        layout.addWidget(self.root_cause)
        layout.addLayout(form)

        self.add_button.clicked.connect(self.add_step)
        self.root_cause.text_edited.connect(self._root_cause_typed)
        self.root_cause.focus_left.connect(session.flush)
        self.category.activated.connect(self._category_changed)
        self.category.lineEdit().editingFinished.connect(self._category_changed)
        # typed like any text: saved after a pause, not only when the field is left
        self.category.lineEdit().textEdited.connect(
            lambda text: session.edit_text("root_cause_category", " ".join(text.split()))
        )
        session.part_changed.connect(self._part_changed)
        self._show_whys()
        self.root_cause.set_text(session.pm.root_cause)
        self._show_categories()
        self._update_questions()

    # --- steps -----------------------------------------------------------------------

    def answers(self) -> list[str]:
        """The answers as typed, whether or not they are saved yet."""
        return [step.answer.text() for step in self.steps]

    def add_step(self) -> None:
        """Append an empty step and put the cursor in it."""
        self.session.flush()  # what was typed is part of "before"
        before = list(self.session.pm.whys)
        self.session.push(SetWhys(self.session, before, [*before, ""], "Add a Five Whys step"))
        if self.steps:
            self.steps[-1].answer.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_step(self, index: int) -> None:
        self.session.flush()
        before = list(self.session.pm.whys)
        if not 0 <= index < len(before):
            return
        after = before[:index] + before[index + 1 :]
        self.session.push(
            SetWhys(self.session, before, after, f"Remove Five Whys step {index + 1}")
        )

    def focus_row(self, index: int) -> None:
        """Put the cursor in answer `index` (0-based), e.g. from the findings panel."""
        if 0 <= index < len(self.steps):
            self.steps[index].answer.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_whys(self) -> None:
        """Make the steps match `session.pm.whys`, keeping the field being typed in."""
        whys = self.session.pm.whys
        # A step added or removed shifts every answer after it, so the focused field
        # may now stand for another answer: then every field is set, keeping the cursor.
        reshaped = len(self.steps) != len(whys)
        while len(self.steps) > len(whys):
            step = self.steps.pop()
            self.steps_box.removeWidget(step)
            step.deleteLater()
        while len(self.steps) < len(whys):
            self._add_step_widget()
        for step, answer in zip(self.steps, whys, strict=True):
            if not step.answer.hasFocus():
                step.answer.set_text(answer)
            elif reshaped and step.answer.text() != answer:
                position = min(step.answer.textCursor().position(), len(answer))
                step.answer.set_text(answer)
                cursor = step.answer.textCursor()
                cursor.setPosition(position)
                step.answer.setTextCursor(cursor)
        self._update_questions()

    def _add_step_widget(self) -> None:
        step = _Step(self, len(self.steps) + 1)
        index = len(self.steps)
        step.answer.text_edited.connect(self._answer_typed)
        step.answer.focus_left.connect(self.session.flush)
        step.answer.next_requested.connect(lambda i=index: self._next_requested(i))
        step.remove.clicked.connect(lambda _=False, i=index: self.remove_step(i))
        self.steps.append(step)
        self.steps_box.addWidget(step)

    def _next_requested(self, index: int) -> None:
        if index == len(self.steps) - 1:
            self.add_step()
        else:
            self.focus_row(index + 1)

    def _answer_typed(self, _text: str) -> None:
        self.session.edit_whys(self.answers())
        self._update_questions()

    # --- root cause ------------------------------------------------------------------

    def _root_cause_typed(self, text: str) -> None:
        self.session.edit_text("root_cause", text)
        self._update_questions()

    def _category_changed(self) -> None:
        text = " ".join(self.category.currentText().split())
        if text != self.session.pm.root_cause_category:
            self.session.set_fields("Change root-cause category", root_cause_category=text)

    def _show_categories(self) -> None:
        current = self.session.pm.root_cause_category
        known = self.session.run_safely(self.session.store.root_cause_categories) or []
        if current and current not in known:
            known.insert(0, current)
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems(known)
        self.category.setCurrentText(current)
        self.category.blockSignals(False)

    # --- keeping up ------------------------------------------------------------------

    def _update_questions(self) -> None:
        answers = self.answers()
        people = self.session.pm.people()
        for number, step in enumerate(self.steps, start=1):
            previous = answers[number - 2] if number > 1 else ""
            step.label.setText(f"<b>{number}.</b> {escape(question(number, previous, people))}")
        # "again" only once something has been asked
        self.add_button.setText("Ask &why again" if self.steps else "Ask the first &why")
        root_cause = self.root_cause.text()
        if any(answers) or root_cause:
            # checked in the lint worker; the warning changes when the answer arrives
            job = partial(five_whys_findings, answers, root_cause)
            self._worker.request((id(self), "whys"), job)
        else:
            self._show_warning([])

    def _whys_checked(self, batch: list[tuple[object, object]]) -> None:
        for key, result in batch:
            if key == (id(self), "whys") and isinstance(result, list):
                self._show_warning(result)

    def _show_warning(self, found: list) -> None:
        if found:
            finding = found[0]
            where = "The root cause" if finding.where == "root_cause" else finding.where.title()
            extra = [s for s in finding.suggestions if s not in finding.message]
            text = f"⚠ {escape(where)}: {escape(finding.message)}"
            if extra:
                text += "<br>Ask next: <i>" + escape(extra[-1]) + "</i>"
            self.warning.setText(text)
            self.root_label.setText(
                "<b>Root cause</b> <span style='color:#9a5b00'>— not yet reached</span>"
            )
        else:
            self.warning.clear()
            self.root_label.setText("<b>Root cause</b>")
        self.warning.setVisible(bool(found))

    def _part_changed(self, part: str) -> None:
        if part == "whys":
            self._show_whys()
        elif part == "root_cause":
            if not self.root_cause.hasFocus():
                self.root_cause.set_text(self.session.pm.root_cause)
            self._update_questions()
        elif part == "root_cause_category":
            if not self.category.hasFocus():
                self._show_categories()
        elif part in ("authors", "action_items"):
            self._update_questions()
