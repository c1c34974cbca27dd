"""The lines of one log file that the viewer holds: a window of the file, bounded in size.

The window covers the bytes [start, end) of the file (with a level filter: the lines of that
range that pass it). Loading earlier lines grows it at the top, the live tail at the bottom;
past MAX_ROWS the far side is dropped and can be loaded again later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication

from tray_app.gui import theme
from tray_app.gui.log_reader import Chunk
from tray_app.watchdog.model import Level

MAX_ROWS = 100_000
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1


class LogLineModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[str] = []
        self._levels: list[Level | None] = []
        self._offsets: list[int] = []
        self.start = 0  # first byte of the file the window covers
        self.end = 0  # byte after the last one it covers
        self.end_level: Level | None = None  # level in force at `end` (continuation lines)
        self.has_later = False  # lines after `end` were dropped: the tail is not followed
        self._brushes = {
            level: QBrush(colour)
            for level in Level
            if (colour := theme.severity_colour(level, QGuiApplication.palette())) is not None
        }
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def has_earlier(self) -> bool:
        return self.start > 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = index.row()
        if not index.isValid() or row >= len(self._lines):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._lines[row]
        level = self._levels[row]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes.get(level) if level is not None else None
        if role == Qt.ItemDataRole.FontRole and theme.severity_is_bold(level):
            return self._bold
        if role == LEVEL_ROLE:
            return level
        return None

    def line(self, row: int) -> str:
        return self._lines[row]

    def level(self, row: int) -> Level | None:
        return self._levels[row]

    def lines(self) -> list[str]:
        return list(self._lines)

    def clear(self, at: int = 0) -> None:
        self.beginResetModel()
        self._lines, self._levels, self._offsets = [], [], []
        self.start = self.end = at
        self.end_level = None
        self.has_later = False
        self.endResetModel()

    def load(self, chunk: Chunk) -> None:
        """Replace everything with one chunk (a fresh tail)."""
        self.beginResetModel()
        self._lines, self._levels, self._offsets = chunk.lines, chunk.levels, chunk.offsets
        self.start, self.end, self.end_level = chunk.start, chunk.end, chunk.end_level
        self.has_later = False
        self.endResetModel()

    def append(self, chunk: Chunk) -> None:
        """Lines that follow `end` (the live tail, or loading later lines again)."""
        self.end, self.end_level = chunk.end, chunk.end_level
        if chunk.lines:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(chunk.lines) - 1)
            self._lines.extend(chunk.lines)
            self._levels.extend(chunk.levels)
            self._offsets.extend(chunk.offsets)
            self.endInsertRows()
        excess = len(self._lines) - MAX_ROWS
        if excess > 0:
            self.beginRemoveRows(QModelIndex(), 0, excess - 1)
            self.start = self._offsets[excess]
            del self._lines[:excess], self._levels[:excess], self._offsets[:excess]
            self.endRemoveRows()

    def prepend(self, chunk: Chunk) -> None:
        """Lines that come before `start` (scrolling back)."""
        self.start = chunk.start
        if chunk.lines:
            self.beginInsertRows(QModelIndex(), 0, len(chunk.lines) - 1)
            self._lines[:0] = chunk.lines
            self._levels[:0] = chunk.levels
            self._offsets[:0] = chunk.offsets
            self.endInsertRows()
        excess = len(self._lines) - MAX_ROWS
        if excess > 0:
            keep = MAX_ROWS
            self.beginRemoveRows(QModelIndex(), keep, len(self._lines) - 1)
            self.end = self._offsets[keep]
            self.end_level = self._levels[keep - 1]
            self.has_later = True
            del self._lines[keep:], self._levels[keep:], self._offsets[keep:]
            self.endRemoveRows()

    def find(self, text: str, from_row: int, backwards: bool = False) -> int:
        """The next row (wrapping around) that contains text, ignoring case; -1 if none."""
        needle = text.casefold()
        count = len(self._lines)
        if not needle or count == 0:
            return -1
        step = -1 if backwards else 1
        row = from_row
        for _ in range(count):
            row = (row + step) % count
            if needle in self._lines[row].casefold():
                return row
        return -1

    def count_matches(self, text: str) -> int:
        needle = text.casefold()
        return sum(1 for line in self._lines if needle in line.casefold()) if needle else 0
