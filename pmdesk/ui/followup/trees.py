"""The read-only lists of the follow-through views, all set up alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights from the text wrapped at its column's width (a tree view asks its delegate
    for a size without saying how wide the column is, so wrapped rows kept one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        width = self._tree.columnWidth(index.column()) - 8
        text = index.data() or ""
        if width <= 0 or not text:
            return hint
        box = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), str(text)
        )
        return QSize(hint.width(), max(hint.height(), box.height() + 4))


def report_tree(
    labels: Sequence[str],
    stretch: int | Sequence[int],
    *,
    name: str = "",
    decorated: bool = True,
    wrap: bool = False,
) -> QTreeWidget:
    """Columns sized to their contents, `stretch` taking the rest; alternating rows. With
    `wrap`, the stretching columns wrap their text (a long title over two lines, not cut)."""
    tree = QTreeWidget()
    tree.setHeaderLabels(list(labels))
    tree.setRootIsDecorated(decorated)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(not wrap)
    tree.setWordWrap(wrap)
    if name:
        tree.setAccessibleName(name)
    header = tree.header()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in [stretch] if isinstance(stretch, int) else stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    if wrap:
        tree.setItemDelegate(_WrappingDelegate(tree))
        # rows keep the height of their first layout unless asked again when a column changes
        # (to the tree's own method, so the connection goes when the tree does)
        header.sectionResized.connect(tree.doItemsLayout)
    header.setStretchLastSection(False)
    # headings sit over their column's text, which reads from the left
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return tree


def say_empty(tree: QTreeWidget, text: str) -> None:
    """One quiet row saying why the list is empty, so an empty table is not a puzzle."""
    item = QTreeWidgetItem([text])
    item.setFirstColumnSpanned(True)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    font = item.font(0)
    font.setItalic(True)
    item.setFont(0, font)
    tree.addTopLevelItem(item)
    item.setFirstColumnSpanned(True)
