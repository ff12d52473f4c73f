"""Table cells that read like the text fields: blame language underlined, edited in a TextField.

Used for the timeline's event text and the action items' action, so the wavy
underline, Ctrl+. and "Allow here" work in tables as they do everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pmdesk.lint import Finding
from pmdesk.ui.editor.highlighter import finding_format, utf16_offsets
from pmdesk.ui.editor.text_field import TextField

_Index = QModelIndex | QPersistentModelIndex


class BlameTextDelegate(QStyledItemDelegate):
    """Underlines findings in `columns` and edits them in a highlighted TextField."""

    def __init__(
        self,
        columns: set[int],
        people: Callable[[], Sequence[str]],
        parent: QWidget | None = None,
        *,
        findings: Callable[[str, Sequence[str]], list[Finding]],
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._people = people
        self._findings = findings

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        found = (
            self._findings(text, self._people())
            if index.column() in self._columns and isinstance(text, str)
            else []
        )
        if not found:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""  # background, selection and the marker icon, without the text
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)

        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(opt.font)
        document.setPlainText(text)
        document.setTextWidth(rect.width())
        to_qt = utf16_offsets(text)
        for finding in found:
            cursor = QTextCursor(document)
            cursor.setPosition(to_qt(finding.start))
            cursor.setPosition(to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(finding_format(finding.severity))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text,
            opt.palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            ),
        )
        painter.save()
        painter.translate(QPointF(rect.left(), rect.top()))  # top-aligned, as the tables are
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        if index.column() not in self._columns:
            return super().createEditor(parent, option, index)
        field = TextField(
            f"cell{index.column()}", single_line=True, min_lines=1, people=self._people
        )
        field.setParent(parent)
        field.setFrameShape(QFrame.Shape.NoFrame)
        return field

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, TextField):
            value = index.data(Qt.ItemDataRole.EditRole) or ""
            # Qt loads the editor again whenever the cell's data changes, and findings
            # arriving from the lint worker change it: keep what is being typed unless
            # the stored value itself changed.
            if editor.property("loadedValue") == value:
                return
            editor.setProperty("loadedValue", value)
            editor.set_text(value)
            editor.moveCursor(QTextCursor.MoveOperation.End)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, TextField):
            model.setData(index, editor.text())
            return
        super().setModelData(editor, model, index)
