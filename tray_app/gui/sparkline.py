"""A small line chart of recent values, drawn with QPainter (QtCharts is not in Essentials)."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from tray_app.gui import theme


class Sparkline(QWidget):
    """The last `capacity` values as a line; the scale is 0..maximum (or 0..largest value)."""

    def __init__(
        self, capacity: int = 150, maximum: float | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._values: deque[float] = deque(maxlen=capacity)
        self._maximum = maximum
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(80, 28)

    def sizeHint(self) -> QSize:
        return QSize(200, 32)

    def values(self) -> list[float]:
        return list(self._values)

    def add(self, value: float) -> None:
        self._values.append(value)
        self.update()

    def clear(self) -> None:
        self._values.clear()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 (Qt's signature)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(1, 2, -1, -2)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        values = self._values
        if len(values) < 2 or rect.width() < 2:
            return
        top = self._maximum if self._maximum is not None else max(values)
        top = top if top > 0 else 1.0
        step = rect.width() / (values.maxlen - 1 if values.maxlen else len(values) - 1)
        start_x = rect.right() - step * (len(values) - 1)
        line = QPolygonF(
            [
                QPointF(start_x + i * step, rect.bottom() - min(v, top) / top * rect.height())
                for i, v in enumerate(values)
            ]
        )
        colour = QColor(theme.CHART_COLOUR)
        fill = QPolygonF(line)
        fill.append(QPointF(line.last().x(), rect.bottom()))
        fill.append(QPointF(line.first().x(), rect.bottom()))
        shade = QColor(colour)
        shade.setAlpha(50)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shade)
        painter.drawPolygon(fill)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(line)
