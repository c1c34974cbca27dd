"""Paints log lines with every match of the search text highlighted."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from tray_app.gui import theme
from tray_app.watchdog.model import Level


class HighlightDelegate(QStyledItemDelegate):
    def __init__(
        self, level_of: Callable[[int], Level | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.needle = ""
        # Asked in Python, not through index.data(): PySide6 6.12 loses a reference to None
        # each time an empty QVariant comes back to Python, until Python aborts.
        self.level_of = level_of

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not self.needle:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        metrics = opt.fontMetrics
        painter.save()
        painter.setFont(opt.font)
        for match in re.finditer(re.escape(self.needle), text, re.IGNORECASE):
            left = rect.left() + metrics.horizontalAdvance(text[: match.start()])
            width = metrics.horizontalAdvance(match.group())
            highlight = QRect(left, rect.top(), width, rect.height())
            painter.fillRect(highlight, theme.search_highlight_colour(opt.palette))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = opt.palette.color(role)
        severity = theme.severity_colour(self.level_of(index.row()), opt.palette)
        if severity is not None and not selected:
            colour = severity
        painter.setPen(colour)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()
