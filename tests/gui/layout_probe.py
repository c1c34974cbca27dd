"""Opens the windows at their default size and prints every text that does not fit, as JSON.

Run in a process of its own (QT_SCALE_FACTOR must be set before the QApplication exists):
    python -m tests.gui.layout_probe LANGUAGE QM_DIR PORT
Used by test_i18n_layout.py at 100 % and 150 %.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTableView,
    QWidget,
)

from tests.gui.conftest import make_snapshot
from tray_app.config import GuardianConfig
from tray_app.gui.backend_client import BackendStatusClient
from tray_app.gui.settings_dialog import SettingsDialog
from tray_app.gui.status_window import StatusWindow
from tray_app.gui.translations import install_translators
from tray_app.watchdog.model import Event, EventName, Level, Reason, State


def cut_widgets(window: QWidget) -> list[str]:
    """Labels and buttons narrower than the text they show (Qt cuts or elides it)."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisibleTo(window) or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.pixmap().width() > 0:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            # Wrapped onto as many lines as its width needs: then it must be that tall.
            if widget.height() < widget.heightForWidth(widget.width()):
                found.append(f"{window.objectName()}: {widget.text()!r} {widget.height()}px high")
            continue
        if widget.width() < widget.minimumSizeHint().width():
            found.append(f"{window.objectName()}: {widget.text()!r} {widget.width()}px")
    return found


def elided_cells(view: QTableView) -> list[str]:
    """Cells and column titles whose text is wider than their column."""
    model = view.model()
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    found = []
    header = view.horizontalHeader()
    columns = model.columnCount()
    if header.stretchLastSection():
        columns -= 1  # what it cannot show is in the row's tooltip (status_window.py)
    for column in range(columns):
        width = view.columnWidth(column)
        title = str(model.headerData(column, header.orientation()))
        if header.sectionSizeFromContents(column).width() > width:
            found.append(f"{view.objectName()} title {title!r} in {width}px")
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            if metrics.horizontalAdvance(text) + margin > width:
                found.append(f"{view.objectName()} {title!r}: {text!r} in {width}px")
    return found


def history_events() -> list[Event]:
    now = datetime(2026, 11, 29, 21, 38, tzinfo=UTC)
    specs = [
        (EventName.EXITED, Reason.EXIT_CODE, "exit code 1", 0.0),
        (EventName.RECOVERED, Reason.CHECK_PASSED, "answers again", 12.5),
        (EventName.HUNG, Reason.HANG, "no answer for 5 s", 0.0),
        (EventName.KILLED, Reason.STOP_TIMEOUT, "killed after 5 s", 0.0),
        (EventName.RECOVERED, Reason.CHECK_PASSED, "answers again", 3725.0),
    ]
    return [
        Event(
            name,
            Level.WARNING,
            State.HEALTHY,
            State.STARTING,
            reason,
            detail,
            now - timedelta(days=index),
            outage_s=outage or None,
        )
        for index, (name, reason, detail, outage) in enumerate(specs)
    ]


def main() -> None:
    language, qm_dir, port = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    app = QApplication([])
    install_translators(app, language, qm_dir)
    problems: list[str] = []
    settings = SettingsDialog(GuardianConfig(), qm_dir / "config.toml")
    settings.show()
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        app.processEvents()
        problems += cut_widgets(settings)
    client = BackendStatusClient(f"http://127.0.0.1:{port}")
    status = StatusWindow(client, True, lambda: GuardianConfig(log_dir=str(qm_dir)))
    status.show_snapshot(make_snapshot(State.HEALTHY))
    status.set_history(history_events())
    status.show()
    app.processEvents()
    problems += cut_widgets(status)
    for view in status.findChildren(QTableView):
        if view.objectName() == "history_view":
            problems += elided_cells(view)
    report = {"scale": os.environ.get("QT_SCALE_FACTOR", "1"), "problems": problems}
    sys.stdout.write(json.dumps(report) + "\n")
    status.close()
    settings.close()


if __name__ == "__main__":
    main()
