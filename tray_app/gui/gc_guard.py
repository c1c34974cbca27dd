"""Python's cyclic garbage collection, run on the GUI thread only.

Automatic collection runs on whichever thread happens to allocate, which here is often the
engine thread or one of its process threads. When the garbage holds Qt objects (a reply and
the lambda connected to it, a closed window), Qt deletes them off the GUI thread and the
process crashes with a segmentation fault. So while the tray app runs, automatic collection is
off and a GUI-thread timer collects with the same thresholds (the PyQt/PySide practice also
used by calibre and pyqtgraph).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

CHECK_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def install(self) -> None:
        gc.disable()
        self._timer.start()

    def uninstall(self) -> None:
        """Collect once more here, then hand collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return
        generation = 0
        if counts[1] > self._thresholds[1]:
            generation = 1
        if counts[2] > self._thresholds[2]:
            generation = 2
        gc.collect(generation)
