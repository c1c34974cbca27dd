"""The log viewer window: live tail, level filter, search, copy, paging back, rotation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tray_app.gui.log_model import MAX_ROWS
from tray_app.gui.log_viewer import LogViewer
from tray_app.watchdog.model import Level


def guardian_line(index: int, level: str = "INFO") -> str:
    return f"2026-11-28 11:00:00,123 {level} erp_guardian.watchdog: message {index}"


def append(path: Path, *lines: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("".join(line + "\n" for line in lines))


OpenViewer = Callable[..., LogViewer]


@pytest.fixture
def open_viewer(qtbot: Any) -> Iterator[OpenViewer]:
    """open_viewer(log_dir, name) -> a shown viewer on that file; its thread ends afterwards."""
    viewers: list[LogViewer] = []

    def open_(log_dir: Path, name: str = "guardian.log") -> LogViewer:
        viewer = LogViewer(log_dir)
        viewers.append(viewer)
        qtbot.addWidget(viewer)
        viewer.show()
        viewer.open_file(log_dir / name)
        qtbot.waitUntil(viewer.is_idle, timeout=5000)
        return viewer

    try:
        yield open_
    finally:
        for viewer in viewers:
            viewer.shutdown()


def test_viewer_shows_appended_lines_and_filters_by_level(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "guardian.log"
    append(path, *(guardian_line(i) for i in range(10)))
    viewer = open_viewer(tmp_path)
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 10, timeout=5000)
    append(
        path, guardian_line(10, "ERROR"), "Traceback (most recent call last):", guardian_line(11)
    )

    def tailed() -> None:
        assert viewer.model.lines()[-3:] == [
            guardian_line(10, "ERROR"),
            "Traceback (most recent call last):",
            guardian_line(11),
        ]

    qtbot.waitUntil(tailed, timeout=5000)
    viewer.set_minimum_level(Level.ERROR)

    def filtered() -> None:
        assert viewer.is_idle()
        assert viewer.model.lines() == [
            guardian_line(10, "ERROR"),
            "Traceback (most recent call last):",
        ]

    qtbot.waitUntil(filtered, timeout=5000)
    append(path, guardian_line(12, "WARNING"), guardian_line(13, "CRITICAL"))
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 3, timeout=5000)
    assert viewer.model.line(2) == guardian_line(13, "CRITICAL")
    viewer.set_minimum_level(None)
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 15, timeout=5000)


def test_events_file_filters_on_its_level_key(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "events.jsonl"
    events = [
        {"event": "starting", "level": "info", "detail": "a"},
        {"event": "exited", "level": "error", "detail": "b"},
        {"event": "gave_up", "level": "critical", "detail": "c"},
    ]
    append(path, *(json.dumps(e) for e in events))
    viewer = open_viewer(tmp_path, "events.jsonl")
    viewer.set_minimum_level(Level.ERROR)
    qtbot.waitUntil(lambda: viewer.is_idle() and viewer.model.rowCount() == 2, timeout=5000)
    assert [json.loads(line)["event"] for line in viewer.model.lines()] == ["exited", "gave_up"]


def test_large_log_opens_at_its_end_and_scrolling_up_loads_earlier_lines(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "backend.log"
    append(path, *(f"INFO line {i}" for i in range(50_000)))
    viewer = open_viewer(tmp_path, "backend.log")
    qtbot.waitUntil(lambda: viewer.model.rowCount() > 0, timeout=5000)
    first_page = viewer.model.rowCount()
    assert first_page < 50_000
    assert viewer.model.line(first_page - 1) == "INFO line 49999"
    assert viewer.model.has_earlier
    viewer.view.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: viewer.model.rowCount() > first_page, timeout=5000)
    rows = viewer.model.rowCount()
    assert viewer.model.line(0) == f"INFO line {50_000 - rows}"
    assert viewer.model.line(rows - 1) == "INFO line 49999"
    assert rows <= MAX_ROWS


def test_search_highlights_and_moves_between_matches(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "guardian.log"
    append(path, guardian_line(1), guardian_line(2, "ERROR") + " disk full", guardian_line(3))
    append(path, guardian_line(4, "WARNING") + " DISK almost full")
    viewer = open_viewer(tmp_path)
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 4, timeout=5000)
    qtbot.keyClicks(viewer.search, "disk")
    assert viewer.view.delegate.needle == "disk"
    assert "2 lines match" in viewer.status.text()
    viewer.find_next()
    assert viewer.view.currentIndex().row() == 1
    viewer.find_next()
    assert viewer.view.currentIndex().row() == 3
    viewer.find_previous()
    assert viewer.view.currentIndex().row() == 1
    assert not viewer.follow.isChecked()  # a match stays in view
    viewer.view.viewport().grab()  # paints through the highlighting delegate


def test_copy_puts_the_selected_lines_on_the_clipboard(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "guardian.log"
    append(path, *(guardian_line(i) for i in range(5)))
    viewer = open_viewer(tmp_path)
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 5, timeout=5000)
    viewer.view.select_rows(1, 2)
    viewer.view.copy_selection()
    assert QGuiApplication.clipboard().text() == f"{guardian_line(1)}\n{guardian_line(2)}"


def test_paused_autoscroll_keeps_the_view_where_it_is(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "backend.log"
    append(path, *(f"INFO {i}" for i in range(500)))
    viewer = open_viewer(tmp_path, "backend.log")
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 500, timeout=5000)
    bar = viewer.view.verticalScrollBar()
    viewer.follow.setChecked(False)
    bar.setValue(100)
    append(path, *(f"INFO new {i}" for i in range(50)))
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 550, timeout=5000)
    assert bar.value() == 100
    viewer.follow.setChecked(True)
    append(path, "INFO newest")
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 551, timeout=5000)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)


def test_rotated_file_is_opened_again_from_its_start(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "guardian.log"
    append(path, *(guardian_line(i) for i in range(20)))
    viewer = open_viewer(tmp_path)
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 20, timeout=5000)
    path.rename(tmp_path / "guardian.log.1")
    append(path, guardian_line(100))
    qtbot.waitUntil(lambda: viewer.model.lines() == [guardian_line(100)], timeout=5000)
    viewer.refresh_files()
    names = [viewer.file_box.itemText(i) for i in range(viewer.file_box.count())]
    assert "guardian.log.1" in names


def test_keys_search_and_move_between_matches(
    qtbot: Any, tmp_path: Path, open_viewer: OpenViewer
) -> None:
    path = tmp_path / "guardian.log"
    append(path, guardian_line(1) + " disk", guardian_line(2), guardian_line(3) + " disk")
    viewer = open_viewer(tmp_path)
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 3, timeout=5000)
    with qtbot.waitActive(viewer):  # shortcuts go to the active window only
        viewer.activateWindow()
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.search.hasFocus()
    qtbot.keyClicks(viewer.search, "disk")
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3)
    first = viewer.view.currentIndex().row()
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3)
    assert {first, viewer.view.currentIndex().row()} == {0, 2}
    qtbot.keyClick(viewer.view, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
