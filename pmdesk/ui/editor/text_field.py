"""A free-text field of the postmortem: grows with its text, underlines blame language.

Hovering an underline shows the category, message and suggestions; the context
menu and Ctrl+. apply a suggestion; "Allow here" adds the inline allow comment
to the paragraph so the linter leaves that passage alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QMenu, QPlainTextEdit, QSizePolicy, QToolTip, QWidget

from pmdesk.lint.labels import category_label
from pmdesk.ui.editor.highlighter import BlameHighlighter, BlockFinding

APPLY_SUGGESTION = QKeySequence("Ctrl+.")


class TextField(QPlainTextEdit):
    """Plain text with live blame highlighting; `text_edited` fires on every user change."""

    text_edited = Signal(str)
    focus_left = Signal()

    def __init__(
        self,
        name: str,
        *,
        placeholder: str = "",
        single_line: bool = False,
        min_lines: int = 3,
        people: Callable[[], Sequence[str]] = lambda: (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.single_line = single_line
        self._min_lines = 1 if single_line else min_lines
        self.setObjectName(name)
        self.setAccessibleName(placeholder or name)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if single_line:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = BlameHighlighter(self.document(), people)
        self._loading = False
        #: while a long text is loaded a slice at a time: the whole of it, and how far in
        self._unloaded: str | None = None
        self._loaded_to = 0
        self._last_text = ""
        self.document().contentsChanged.connect(self._on_contents_changed)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._measure_height)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._measure_height()

    # --- content ---------------------------------------------------------------------

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Show stored text without counting it as an edit (and without undo history)."""
        if self._unloaded is not None:
            if text == self._unloaded:
                return  # the text being loaded already
            self._unloaded = None
            self.document().setUndoRedoEnabled(True)
        if text == self.toPlainText():
            return
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    # --- loading a long text a slice at a time ---------------------------------------
    #
    # A long field shows its first paragraphs at once and gets the rest appended, whole
    # paragraphs at a time, from the event loop (the editor's opening drives it). Until the
    # last paragraph is in, the field is not the stored text, so it must never be taken
    # for an edit: nothing is emitted, undo is off, and anything that can change the
    # text (focus, a key, a drop, the context menu, a suggestion) loads the rest first.

    def start_loading(self, text: str, chars: int) -> None:
        """Show the first whole paragraphs of `text`, about `chars` characters of them."""
        self.set_text("")
        if len(text) <= chars or not text:
            self.set_text(text)
            return
        self._unloaded = text
        self._loaded_to = 0
        self.document().setUndoRedoEnabled(False)  # loading is no step to undo
        self.load_more(chars)

    @property
    def is_loaded(self) -> bool:
        return self._unloaded is None

    def load_more(self, chars: int) -> int:
        """Append about `chars` more characters (whole paragraphs); how many were added."""
        text = self._unloaded
        if text is None or chars <= 0:
            return 0
        start = self._loaded_to
        cut = text.find("\n", start + chars)
        end = len(text) if cut < 0 else cut
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # the caret where the user put it: one at the end would be pushed along by the text
        caret = self.textCursor()
        anchor, position = caret.anchor(), caret.position()
        self._loading = True
        try:
            # each piece but the first starts with the newline that ends the one before,
            # so the pieces together are the text exactly
            cursor.insertText(text[start:end])
        finally:
            self._loading = False
        if (caret.anchor(), caret.position()) != (anchor, position):
            caret.setPosition(anchor)
            caret.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(caret)
        self._loaded_to = end
        if end == len(text):
            self._unloaded = None
            self.document().setUndoRedoEnabled(True)
        return end - start

    def finish_loading(self) -> None:
        """Append whatever is not loaded yet, at once."""
        if self._unloaded is not None:
            self.load_more(len(self._unloaded))

    def _on_contents_changed(self) -> None:
        # Underlines arriving from the lint worker re-highlight a paragraph, which Qt
        # reports as a change of contents too; only a change of the words is an edit.
        text = self.toPlainText()
        if text == self._last_text:
            return
        if not self._loading and self._unloaded is not None:
            # an edit by some way that did not load the rest first: the rest still follows
            # what is shown, so it goes at the end, and the edit is the whole text
            self.finish_loading()
            text = self.toPlainText()
        self._last_text = text
        if not self._loading:
            self.text_edited.emit(text)

    def _fit_height(self, *_: object) -> None:
        """As tall as the wrapped text, so the page scrolls and the field never does.

        Measuring lays out every paragraph; a 40-page field has hundreds, and Qt reports
        a change of size many times while it lays out one edit or one resize, so the
        measuring waits for the burst to end (`_refit`, a zero-delay timer).
        """
        self._refit.start()

    def fit_height_now(self) -> bool:
        """Take the height of the text shown now, if it changed (before a paint that must
        show it); whether it had to be measured."""
        if not self._refit.isActive():
            return False
        self._refit.stop()
        self._measure_height()
        return True

    def _measure_height(self) -> None:
        height = 0.0
        block = self.document().firstBlock()
        while block.isValid():
            height += self.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        height = max(height, self._min_lines * line)
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(math.ceil(height) + frame + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    # --- single-line behaviour -------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.finish_loading()
        if event.matches(QKeySequence.StandardKey.InsertParagraphSeparator) and self.single_line:
            self.focusNextChild()
            return
        if QKeySequence(event.keyCombination()) == APPLY_SUGGESTION:
            self.apply_first_suggestion()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.finish_loading()
        if self.single_line and source.hasText():
            self.insertPlainText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.finish_loading()  # before the first key can reach a half-loaded text
        super().focusInEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            self.finish_loading()
        return super().viewportEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    # --- findings --------------------------------------------------------------------

    def finding_at_cursor(self) -> tuple[QTextCursor, BlockFinding] | None:
        """The finding under the text cursor, or else the first of its paragraph (one with a
        rewrite first: Ctrl+. looks for something to apply)."""
        cursor = self.textCursor()
        hit = self.highlighter.finding_at(cursor.position())
        if hit is None:
            spans = sorted(
                self.highlighter.block_findings(cursor.block()),
                key=lambda f: not f.finding.suggestions,
            )
            if not spans:
                return None
            hit = (cursor.block(), spans[0])
        block, span = hit
        selection = QTextCursor(block)
        selection.setPosition(block.position() + span.start)
        selection.setPosition(block.position() + span.end, QTextCursor.MoveMode.KeepAnchor)
        return selection, span

    def apply_suggestion(self, selection: QTextCursor, suggestion: str) -> None:
        """Replace the finding's text with the suggestion, as one step of the field's undo."""
        self.finish_loading()  # appends after the selection: it stays where it was
        selection.beginEditBlock()
        selection.insertText(suggestion)
        selection.endEditBlock()
        self.setTextCursor(selection)

    def apply_first_suggestion(self) -> bool:
        hit = self.finding_at_cursor()
        if hit is None or not hit[1].finding.suggestions:
            return False
        self.apply_suggestion(hit[0], hit[1].finding.suggestions[0])
        return True

    def allow_here(self, selection: QTextCursor, span: BlockFinding) -> None:
        """Put the inline allow comment for this category at the start of the paragraph.

        The linter lets a category pass from the comment to the end of its paragraph.
        """
        from pmdesk.lint import allow_comment

        self.finish_loading()
        cursor = QTextCursor(selection.block())
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.insertText(allow_comment(span.finding.category) + " ")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        cursor = self.cursorForPosition(self.viewport().mapFromParent(event.pos()))
        hit = self.highlighter.finding_at(cursor.position())
        if hit is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPos(), finding_tooltip(hit[1], hit[0].text()), self)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.finish_loading()  # its Paste, Undo and suggestions act on the whole text
        menu = self.createStandardContextMenu(event.pos())
        self.add_finding_actions(menu, event.pos())
        menu.exec(event.globalPos())

    def add_finding_actions(self, menu: QMenu, pos: QPoint) -> None:
        cursor = self.cursorForPosition(pos)
        hit = self.highlighter.finding_at(cursor.position())
        if hit is None:
            return
        block, span = hit
        selection = QTextCursor(block)
        selection.setPosition(block.position() + span.start)
        selection.setPosition(block.position() + span.end, QTextCursor.MoveMode.KeepAnchor)
        first = menu.actions()[0] if menu.actions() else None
        header = QAction(category_label(span.finding.category), menu)
        header.setEnabled(False)
        actions = [header]
        for i, suggestion in enumerate(span.finding.suggestions[:4]):
            label = suggestion if len(suggestion) <= 70 else suggestion[:67] + "…"
            action = QAction(f"Replace with “{label}”", menu)
            if i == 0:
                action.setShortcut(APPLY_SUGGESTION)
            action.triggered.connect(
                lambda _=False, s=suggestion: self.apply_suggestion(selection, s)
            )
            actions.append(action)
        allow = QAction("Allow here", menu)
        allow.triggered.connect(lambda: self.allow_here(selection, span))
        actions.append(allow)
        menu.insertActions(first, actions)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]


def finding_tooltip(span: BlockFinding, text: str) -> str:
    """Category, why it matters, and the sentence as the rewrite leaves it, or the question
    to ask when no rewrite keeps the facts. (`text` is the paragraph the span points into.)"""
    f = span.finding
    lines = [
        f"<b>{escape(category_label(f.category))}</b> ({escape(f.severity)})",
        escape(f.message),
    ]
    if f.suggestions:
        lines.append("<br><i>Try:</i> " + escape(f.preview(text)))
        lines.append("<br><small>Ctrl+. applies it</small>")
    elif f.prompt:
        lines.append("<br><i>Ask:</i> " + escape(f.prompt))
    return "<br>".join(lines)
