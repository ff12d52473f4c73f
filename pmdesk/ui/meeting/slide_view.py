"""A rich-text slide that fills its widget: large type, shrunk only when the content needs it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

#: body text height as a share of the slide's height: 32 px on a 1080-line projector
BODY_SHARE = 0.03
#: a slide with a lot on it may shrink to this share of the full size, and no further
SMALLEST = 0.55
MARGIN_X = 0.06
MARGIN_Y = 0.05
#: the longest line, in multiples of the body size (about 80 characters): on a wide screen
#: the slide is a centred column rather than lines running from edge to edge
MAX_LINE = 42


class SlideView(QWidget):
    """Paints `html(px)` as large as it fits; `px` is the body size the slide is set in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._html: Callable[[float], str] = lambda _px: ""
        self._centred = False
        self._background = QColor("#ffffff")
        self.document = QTextDocument(self)
        self.document.setDocumentMargin(0)
        #: the body size the current slide is drawn with
        self.body_px = 0.0

    def show_slide(self, html: Callable[[float], str], *, centred: bool, background: str) -> None:
        self._html = html
        self._centred = centred
        self._background = QColor(background)
        self._layout()
        self.update()

    def plain_text(self) -> str:
        return self.document.toPlainText()

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)

    def _area(self) -> QRectF:
        w, h = self.width(), self.height()
        return QRectF(w * MARGIN_X, h * MARGIN_Y, w * (1 - 2 * MARGIN_X), h * (1 - 2 * MARGIN_Y))

    def _layout(self) -> None:
        """Set the slide at full size, then step down until it fits the area."""
        area = self._area()
        full = max(12.0, self.height() * BODY_SHARE)
        px = full
        while True:
            self.document.setHtml(self._html(px))
            self.document.setTextWidth(min(area.width(), px * MAX_LINE))
            if self.document.size().height() <= area.height() or px <= full * SMALLEST:
                break
            px *= 0.92
        self.body_px = px

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        area = self._area()
        top = area.top()
        if self._centred:
            top += max(0.0, (area.height() - self.document.size().height()) / 2)
        width = self.document.textWidth()
        painter.translate(area.left() + max(0.0, (area.width() - width) / 2), top)
        self.document.drawContents(painter, QRectF(0, 0, width, area.height()))
        painter.end()
