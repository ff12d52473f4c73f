"""Showing text a user typed (or a file held) exactly as written, never as Qt rich text.

Qt guesses whether a label, tooltip or message box holds HTML (Qt.mightBeRichText):
a title such as `<img src="/home/me/photo.png">` would load a file from disk, and
`<a href=...>` would become a link. Every place that shows user text goes
through one of these helpers.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_tip(text: str) -> str:
    """A tooltip (or ToolTipRole value) that shows `text` as typed, line breaks kept."""
    return QtGui.Qt.convertFromPlainText(text) if text else ""


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label whose text is never read as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose text and informative text are shown as plain text."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_message(box: QMessageBox) -> int:
    """exec() a message box after making every label in it plain text (informative text too)."""
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setOpenExternalLinks(False)
    return box.exec()


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """QMessageBox.question, with the text shown as plain text."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, buttons)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(show_message(box))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.warning, with the text shown as plain text."""
    show_message(
        message_box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)
    )


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.information, with the text shown as plain text."""
    show_message(
        message_box(
            parent, QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok
        )
    )
