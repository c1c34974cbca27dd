""" "Check and fix…": the doctor's checks appear in the table (run off the GUI thread), and
the Fix button runs the fixes and checks again."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.i18n_fixtures import speaking
from tests.waiting import free_port
from tray_app.config import GuardianConfig
from tray_app.doctor import Status
from tray_app.gui.doctor_dialog import DoctorDialog


def _config_missing_only_the_log_folder(tmp_path: Path) -> GuardianConfig:
    data = tmp_path / "data"
    data.mkdir()
    sqlite3.connect(data / "erp.sqlite3").close()  # the bundled backend's database, empty
    return GuardianConfig(
        port=free_port(), web_port=0, log_dir=str(tmp_path / "log"), data_dir=str(data)
    )


# English words of the checks this config shows (folders, modules, disk, page, port, database).
ENGLISH_WORDS: tuple[str, ...] = (
    "does not exist",
    "is writable",
    "importable",
    "GB free",
    "built page",
    "is free",
    "quick_check ok",
    "no status page",
    "log folder",
    "import ",
)


def _cell(window: DoctorDialog, check_id: str, column: int) -> str:
    item = window.table.item(window.row_of(check_id), column)
    assert item is not None
    return item.text()


@pytest.fixture
def dialog(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # the settings folder exists
    config = _config_missing_only_the_log_folder(tmp_path)
    asked: list[str] = []

    def ask(title: str, text: str) -> bool:
        asked.append(f"{title}: {text}")
        return True

    window = DoctorDialog(lambda: config, ask=ask)
    qtbot.addWidget(window)
    window.show()
    yield window
    assert window.wait_for_jobs(60000)
    assert asked == []  # nothing to install, so nothing was asked


def test_checks_appear_and_fix_creates_the_missing_folder(
    qtbot: Any, dialog: DoctorDialog, tmp_path: Path
) -> None:
    assert dialog.busy and not dialog.fix_button.isEnabled()  # the checks run on a pool thread
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    problems = [(c.id, c.status) for c in dialog.checks if c.status is not Status.OK]
    assert ("guardian.log_dir", Status.WARN) in problems
    assert all(status is not Status.FAIL for _, status in problems), problems
    assert _cell(dialog, "guardian.log_dir", 0) == "Note"
    assert _cell(dialog, "guardian.log_dir", 1) == "log folder"
    assert "does not exist yet" in _cell(dialog, "guardian.log_dir", 2)
    assert dialog.table.rowCount() == len(dialog.checks)
    assert _cell(dialog, "backend.database", 0) == "OK"
    assert dialog.fix_button.isEnabled()

    dialog.fix_button.click()
    assert dialog.busy
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert (tmp_path / "log").is_dir()
    assert _cell(dialog, "guardian.log_dir", 0) == "Fixed"
    assert f"Done: {tmp_path / 'log'} created" in dialog.summary.text()
    assert not dialog.fix_button.isEnabled()  # nothing left that Fix can repair


def test_an_install_is_asked_about_first_and_a_no_installs_nothing(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("PIP_NO_INDEX", "1")  # had the answer been ignored: still nothing to get
    erp = tmp_path / "erp"
    erp.mkdir()
    (erp / "requirements.txt").write_text("erp-guardian-test-nothing-by-this-name>=1\n")
    (erp / "serve.py").write_text("")
    config = _config_missing_only_the_log_folder(tmp_path).model_copy(
        update={"backend_cmd": [sys.executable, "-m", "serve"], "backend_cwd": str(erp)}
    )
    asked: list[str] = []

    def ask(title: str, text: str) -> bool:
        asked.append(f"{title}: {text}")
        return False

    window = DoctorDialog(lambda: config, ask=ask)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not window.busy, timeout=60000)
        check_id = "backend.requirement.erp-guardian-test-nothing-by-this-name"
        assert _cell(window, check_id, 0) == "Problem"
        window.fix_button.click()
        assert len(asked) == 1 and "erp-guardian-test-nothing-by-this-name>=1" in asked[0]
        assert sys.executable in asked[0]
        qtbot.waitUntil(lambda: not window.busy, timeout=60000)
        assert "Not done: not installed: not confirmed" in window.summary.text()
        assert f"Done: {tmp_path / 'log'} created" in window.summary.text()  # the rest ran
        assert window.fix_button.isEnabled()  # the install is still there to be done
    finally:
        assert window.wait_for_jobs(60000)


def test_the_tray_menu_opens_check_and_fix_on_the_running_config(
    qtbot: Any, start_tray: Any
) -> None:
    running = start_tray()
    running.controller.tray.menu.aboutToShow.emit()  # what opening the menu does
    running.controller.tray.action("action_doctor").trigger()
    window = running.controller.doctor_dialog
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.table.rowCount() > 0, timeout=30000)
    running.controller.tray.menu.aboutToShow.emit()
    running.controller.tray.action("action_doctor").trigger()  # a second click: the same window
    assert running.controller.doctor_dialog is window
    window.close()


def test_the_dialog_speaks_german_in_every_cell_and_after_the_fix(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qm_dir: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    config = _config_missing_only_the_log_folder(tmp_path)
    with speaking("de", qm_dir):
        window = DoctorDialog(lambda: config, ask=lambda _title, _text: False)
        qtbot.addWidget(window)
        try:
            qtbot.waitUntil(lambda: not window.busy, timeout=60000)
            assert _cell(window, "guardian.log_dir", 0) == "Hinweis"
            assert _cell(window, "guardian.log_dir", 1) == "Protokollordner"
            assert _cell(window, "guardian.log_dir", 2).endswith("log gibt es noch nicht")
            assert (
                _cell(window, "guardian.log_dir", 3) == "Führen Sie erp-guardian doctor --fix aus"
            )
            assert _cell(window, "backend.database", 1) == "ERP-Datenbank"
            cells = []
            for check in window.checks:
                shown = [_cell(window, check.id, column) for column in (1, 2, 3)]
                assert shown[:2] == [check.title_in("de"), check.detail_in("de")], check.id
                cells.extend(shown)
            leaks = [c for c in cells for english in ENGLISH_WORDS if english in c]
            assert leaks == [], leaks
            window.fix_button.click()
            qtbot.waitUntil(lambda: not window.busy, timeout=60000)
            assert _cell(window, "guardian.log_dir", 0) == "Behoben"
            assert f"Erledigt: {tmp_path / 'log'} angelegt" in window.summary.text()
            assert "created" not in window.summary.text()
        finally:
            assert window.wait_for_jobs(60000)
