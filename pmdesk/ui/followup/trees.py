"""The read-only lists of the follow-through views, all set up alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem


def report_tree(
    labels: Sequence[str], stretch: int, *, name: str = "", decorated: bool = True
) -> QTreeWidget:
    """Columns sized to their contents, `stretch` taking the rest; alternating rows."""
    tree = QTreeWidget()
    tree.setHeaderLabels(list(labels))
    tree.setRootIsDecorated(decorated)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    if name:
        tree.setAccessibleName(name)
    header = tree.header()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
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
