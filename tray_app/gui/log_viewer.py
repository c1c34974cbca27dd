"""The log viewer: pick a file, follow its tail, filter by level, search, copy.

Reads happen on the loader thread (log_loader.py); this window only sends requests and puts
the lines it gets into a bounded model. Scrolling to the top asks for the page before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tray_app.gui import theme
from tray_app.gui.log_files import list_log_files
from tray_app.gui.log_lines_view import LogLinesView
from tray_app.gui.log_loader import LoadOp, LoadRequest, LoadResult, LogLoader, ResultKind
from tray_app.gui.log_model import LogLineModel
from tray_app.gui.window_keys import add_window_keys
from tray_app.gui.wording import bytes_text
from tray_app.watchdog.model import Level

POLL_MS = 500


class LogViewer(QWidget):
    def __init__(self, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log_viewer")
        self.setWindowTitle(self.tr("ERP Guardian: logs"))
        self.setWindowIcon(theme.app_icon())
        self.log_dir = log_dir
        self.path: Path | None = None
        self._paths: list[Path] = []
        self.minimum: Level | None = None
        self.model = LogLineModel(self)
        self.loader = LogLoader(self)
        self.loader.result.connect(self._on_result)
        self._scanned_bytes = 0
        self._file_size = 0
        self._build()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poll_tail)
        self.resize(1000, 640)

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.file_box = QComboBox()
        self.file_box.setObjectName("file_box")
        self.file_box.currentIndexChanged.connect(self._on_file_chosen)
        self.level_box = QComboBox()
        self.level_box.setObjectName("level_box")
        # Choices are kept in Python lists, not as item data: see log_delegate.py (PySide6 6.12
        # drops a reference to None whenever an empty QVariant comes back).
        self._levels: list[Level | None] = [
            None,
            Level.DEBUG,
            Level.INFO,
            Level.WARNING,
            Level.ERROR,
            Level.CRITICAL,
        ]
        self.level_box.addItems(
            [
                self.tr("All levels"),
                self.tr("Debug and above"),
                self.tr("Info and above"),
                self.tr("Warnings and errors"),
                self.tr("Errors only"),
                self.tr("Critical only"),
            ]
        )
        self.level_box.currentIndexChanged.connect(self._on_level_chosen)
        self.level_box.setAccessibleName(self.tr("Lowest level shown"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setAccessibleName(self.tr("Search"))  # a placeholder is not a name
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.search.returnPressed.connect(self.find_next)
        self.view = LogLinesView(self.model)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        previous = QPushButton(self.tr("&Previous"))
        previous.clicked.connect(self.find_previous)
        following = QPushButton(self.tr("&Next"))
        following.clicked.connect(self.find_next)
        self.follow = QCheckBox(self.tr("&Follow new lines"))
        self.follow.setObjectName("follow")
        self.follow.setChecked(True)
        self.follow.toggled.connect(self._on_follow_toggled)
        copy = QPushButton(self.tr("&Copy"))
        copy.setObjectName("button_copy")
        copy.clicked.connect(self.view.copy_selection)

        top = QHBoxLayout()
        file_label = QLabel(self.tr("F&ile"))
        file_label.setBuddy(self.file_box)  # Alt+I goes to the file choice
        top.addWidget(file_label)
        top.addWidget(self.file_box, 1)
        top.addWidget(self.level_box)
        top.addWidget(self.search, 1)
        top.addWidget(previous)
        top.addWidget(following)
        top.addWidget(self.follow)
        top.addWidget(copy)

        self.status = QLabel()
        self.status.setObjectName("log_status")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        add_window_keys(
            self,
            find=self.search.setFocus,
            find_next=self.find_next,
            find_previous=self.find_previous,
            refresh=self.refresh_files,
        )
        self.refresh_files()

    def refresh_files(self) -> None:
        current = self.path
        self._paths = list_log_files(self.log_dir)
        if current is not None and current not in self._paths:
            self._paths.append(current)
        self.file_box.blockSignals(True)
        self.file_box.clear()
        self.file_box.addItems([path.name for path in self._paths])
        index = self._paths.index(current) if current is not None else 0
        self.file_box.setCurrentIndex(index)
        self.file_box.blockSignals(False)
        if current is None:
            self._on_file_chosen()

    # ----------------------------------------------------------------- requests
    def open_file(self, path: Path) -> None:
        """Show the end of this file (added to the list if it is not a known log)."""
        if path not in self._paths:
            self._paths.append(path)
            self.file_box.addItem(path.name)
        index = self._paths.index(path)
        if index == self.file_box.currentIndex():
            self._reload(path)
        else:
            self.file_box.setCurrentIndex(index)  # reloads through _on_file_chosen

    def set_minimum_level(self, level: Level | None) -> None:
        self.level_box.setCurrentIndex(self._levels.index(level))

    def is_idle(self) -> bool:
        return self.loader.in_flight == 0

    @Slot()
    def _on_file_chosen(self) -> None:
        index = self.file_box.currentIndex()
        if 0 <= index < len(self._paths):
            self._reload(self._paths[index])

    @Slot()
    def _on_level_chosen(self) -> None:
        self.minimum = self._levels[max(self.level_box.currentIndex(), 0)]
        if self.path is not None:
            self._reload(self.path)

    def _reload(self, path: Path) -> None:
        self.path = path
        generation = self.loader.new_generation()
        self.model.clear()
        self._scanned_bytes = 0
        self.loader.submit(LoadRequest(generation, LoadOp.OPEN, path, self.minimum))
        if self.isVisible():
            self._poll.start()
        self._show_status()

    def _submit(self, op: LoadOp, offset: int) -> None:
        assert self.path is not None
        request = LoadRequest(
            self.loader.generation, op, self.path, self.minimum, offset, self.model.end_level
        )
        self.loader.submit(request)

    @Slot()
    def _poll_tail(self) -> None:
        if self.path is not None and self.is_idle() and not self.model.has_later:
            self._submit(LoadOp.LATER, self.model.end)

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        if not self.is_idle() or self.path is None:
            return
        if value == bar.minimum() and self.model.has_earlier and bar.maximum() > 0:
            self._submit(LoadOp.EARLIER, self.model.start)
        elif value == bar.maximum() and self.model.has_later:
            self._submit(LoadOp.LATER, self.model.end)

    @Slot(object)
    def _on_result(self, result: LoadResult) -> None:
        bar = self.view.verticalScrollBar()
        chunk = result.chunk
        if result.kind is ResultKind.RESET:
            if self.path is not None:
                self._reload(self.path)
            return
        if result.kind is ResultKind.LOAD:
            self.model.load(chunk)
            self.view.scrollToBottom()
        elif result.kind is ResultKind.PREPEND:
            top = bar.value()
            self.model.prepend(chunk)
            bar.setValue(top + len(chunk.lines))  # keep the same lines in view
        else:
            self.model.append(chunk)
            if chunk.lines and self.follow.isChecked():
                self.view.scrollToBottom()
        self._scanned_bytes = result.scanned_bytes or self._scanned_bytes
        self._show_status(chunk.file_size, result.done)

    def _show_status(self, file_size: int | None = None, done: bool = True) -> None:
        if self.path is None:
            return
        if file_size is not None:
            self._file_size = file_size
        parts = [
            self.tr("{name}: {rows} lines shown of {size}").format(
                name=self.path.name, rows=self.model.rowCount(), size=bytes_text(self._file_size)
            )
        ]
        if not done:
            parts.append(
                self.tr("searching, {scanned} read").format(scanned=bytes_text(self._scanned_bytes))
            )
        elif self.model.has_earlier:
            parts.append(self.tr("scroll up for earlier lines"))
        if self.search.text():
            count = self.model.count_matches(self.search.text())
            parts.append(self.tr("{count} lines match the search").format(count=count))
        self.status.setText("; ".join(parts))

    # ----------------------------------------------------------------- search, follow
    @Slot(str)
    def _on_search_changed(self, text: str) -> None:
        self.view.highlight(text)
        self._show_status()

    def _find(self, backwards: bool) -> None:
        if self.view.find_line(self.search.text(), backwards):
            self.follow.setChecked(False)  # stay on the match

    @Slot()
    def find_next(self) -> None:
        self._find(backwards=False)

    @Slot()
    def find_previous(self) -> None:
        self._find(backwards=True)

    @Slot(bool)
    def _on_follow_toggled(self, on: bool) -> None:
        if on:
            self.view.scrollToBottom()

    def present(self) -> None:
        self.refresh_files()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._poll.stop()  # no reads while nobody looks; present() starts again
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self.path is not None:
            self._poll.start()
        super().showEvent(event)

    def shutdown(self) -> None:
        self._poll.stop()
        self.loader.shutdown()
