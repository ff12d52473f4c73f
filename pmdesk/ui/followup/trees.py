"""The read-only lists of the follow-through views, all set up alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTreeWidget


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
    return tree
