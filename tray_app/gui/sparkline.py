"""A small line chart of recent values, drawn with QPainter (QtCharts is not in Essentials).

The top of its scale and the latest value are written on it, so that the line can be read
without hovering; screen readers get the same in the accessible description.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from tray_app.gui import theme
from tray_app.gui.formats import number_text


class Sparkline(QWidget):
    """The last `capacity` values as a line; the scale is 0..maximum (or 0..largest value)."""

    def __init__(
        self,
        capacity: int = 150,
        maximum: float | None = None,
        parent: QWidget | None = None,
        value_text: Callable[[float], str] = number_text,
    ) -> None:
        super().__init__(parent)
        self._values: deque[float] = deque(maxlen=capacity)
        self._maximum = maximum
        self._value_text = value_text  # how a value reads: "12,5 %", "1,5 MB"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(80, 28 + self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(200, 32 + self.fontMetrics().height())

    def scale_top(self) -> float:
        """The value at the top edge: the fixed maximum, else the largest value shown."""
        top = self._maximum if self._maximum is not None else max(self._values, default=0.0)
        return top if top > 0 else 1.0

    def scale_texts(self) -> tuple[str, str]:
        """('max 100 %', 'now 12,5 %'): what the chart writes above its line."""
        latest = self._values[-1] if self._values else None
        top = self.tr("max {value}").format(value=self._value_text(self.scale_top()))
        now = (
            "" if latest is None else self.tr("now {value}").format(value=self._value_text(latest))
        )
        return top, now

    def values(self) -> list[float]:
        return list(self._values)

    def add(self, value: float) -> None:
        self._values.append(value)
        self.setAccessibleDescription(", ".join(text for text in self.scale_texts() if text))
        self.update()

    def clear(self) -> None:
        self._values.clear()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 (Qt's signature)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_height = self.fontMetrics().height()
        self._draw_scale(painter, text_height)
        rect = self.rect().adjusted(1, 2 + text_height, -1, -2)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawLine(rect.topLeft(), rect.topRight())  # the top of the scale
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        values = self._values
        if len(values) < 2 or rect.width() < 2:
            return
        top = self.scale_top()
        step = rect.width() / (values.maxlen - 1 if values.maxlen else len(values) - 1)
        start_x = rect.right() - step * (len(values) - 1)
        line = QPolygonF(
            [
                QPointF(start_x + i * step, rect.bottom() - min(v, top) / top * rect.height())
                for i, v in enumerate(values)
            ]
        )
        colour = theme.chart_colour(self.palette())
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

    def _draw_scale(self, painter: QPainter, height: int) -> None:
        top, now = self.scale_texts()
        band = QRectF(1, 0, self.width() - 2, height)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), top)
        painter.drawText(
            band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), now
        )
