"""The log viewer's list of lines: a fixed-width font, search matches highlighted, find,
select and copy. What the lines are and where they come from is the viewer's business."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from tray_app.gui.log_delegate import HighlightDelegate
from tray_app.gui.log_model import LogLineModel


class LogLinesView(QListView):
    def __init__(self, lines: LogLineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log_lines")
        self.setAccessibleName(self.tr("Log lines"))
        self._lines = lines
        self.setModel(lines)
        self.setUniformItemSizes(True)  # O(1) layout, also with 100 000 rows
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.delegate = HighlightDelegate(lines.level, self)
        self.setItemDelegate(self.delegate)
        copy_action = QAction(self.tr("Copy"), self)
        copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        copy_action.triggered.connect(self.copy_selection)
        self.addAction(copy_action)

    def highlight(self, needle: str) -> None:
        self.delegate.needle = needle
        self.viewport().update()

    def find_line(self, needle: str, backwards: bool) -> bool:
        """Go to the next line (or the one before) holding the needle; False if none does."""
        current = self.currentIndex()
        start = current.row() if current.isValid() else self._lines.rowCount()
        row = self._lines.find(needle, start, backwards)
        if row < 0:
            return False
        index = self._lines.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def selected_text(self) -> str:
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        return "\n".join(self._lines.line(row) for row in rows)

    @Slot()
    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def select_rows(self, first: int, last: int) -> None:
        selection = self.selectionModel()
        selection.clearSelection()
        for row in range(first, last + 1):
            selection.select(self._lines.index(row, 0), selection.SelectionFlag.Select)
