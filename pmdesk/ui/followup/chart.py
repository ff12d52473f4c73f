"""A small bar chart of one metric over time, with its target, painted with QPainter.

QtCharts is not part of PySide6-Essentials, and a month-by-month strip of bars
needs little more than a few rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MET = QColor("#2e7d4f")
MISSED = QColor("#c0392b")
TARGET = QColor("#5a6b7d")


@dataclass(frozen=True)
class ChartPoint:
    label: str
    value: float | None
    met: bool | None


class TrendChart(QWidget):
    """Bars per period, green when the target was met and red when missed; the target dashed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[ChartPoint] = []
        self.target_lines: tuple[float, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)

    def sizeHint(self) -> QSize:
        return QSize(260, 96)

    def set_series(self, points: list[ChartPoint], target_lines: tuple[float, ...]) -> None:
        self.points = list(points)
        self.target_lines = target_lines
        self.setAccessibleDescription(
            ", ".join(
                f"{p.label}: {'no data' if p.value is None else round(p.value, 1)}" for p in points
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - Qt's signature
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.placeholderText().color()
        metrics = painter.fontMetrics()
        label_height = metrics.height() + 2
        plot = QRectF(self.rect()).adjusted(2, 6, -2, -label_height)
        if not self.points or plot.width() <= 0:
            return
        values = [p.value for p in self.points if p.value is not None]
        top = max([*values, *self.target_lines, 1.0]) * 1.15

        def y(value: float) -> float:
            return plot.bottom() - plot.height() * value / top

        painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / len(self.points)
        bar = min(28.0, slot * 0.6)
        for i, point in enumerate(self.points):
            centre = plot.left() + slot * (i + 0.5)
            if point.value is None:
                painter.setPen(QPen(text_colour, 1))
                painter.drawText(
                    QRectF(centre - slot / 2, plot.bottom() - 16, slot, 14),
                    Qt.AlignmentFlag.AlignCenter,
                    "–",
                )
            else:
                colour = MET if point.met else MISSED
                rect = QRectF(centre - bar / 2, y(point.value), bar, plot.bottom() - y(point.value))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect.adjusted(0, 0, 0, 0.5), 2, 2)
            painter.setPen(QPen(text_colour, 1))
            painter.drawText(
                QRectF(centre - slot / 2, plot.bottom() + 2, slot, label_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                point.label,
            )
        pen = QPen(TARGET, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for value in self.target_lines:
            painter.drawLine(plot.left(), y(value), plot.right(), y(value))
        painter.end()
