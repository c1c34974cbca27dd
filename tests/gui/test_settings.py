"""The settings dialog: every parameter, config-file validation and messages, applied live."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit

from tests.gui.conftest import StartTray, wait_state
from tray_app.config import GuardianConfig, load_config
from tray_app.gui.settings_dialog import SettingsDialog
from tray_app.watchdog.model import State


def open_dialog(qtbot: Any, tmp_path: Path, config: GuardianConfig | None = None) -> SettingsDialog:
    dialog = SettingsDialog(config or GuardianConfig(), tmp_path / "config.toml")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def line_edit(dialog: SettingsDialog, name: str) -> QLineEdit:
    widget = dialog.editors[name].qwidget
    assert isinstance(widget, QLineEdit)
    return widget


def test_every_config_field_has_an_editor(qtbot: Any, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    assert set(dialog.editors) == set(GuardianConfig.model_fields)
    assert isinstance(dialog.editors["notify_restarts"].qwidget, QCheckBox)
    assert "failure_threshold" in dialog.editors["failure_threshold"].qwidget.toolTip()


def test_a_bad_value_is_refused_with_its_message(qtbot: Any, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    saved: list[GuardianConfig] = []
    dialog.saved.connect(saved.append)
    line_edit(dialog, "health_path").setText("health")
    line_edit(dialog, "port").setText("99999")
    dialog.save()
    message = dialog.error_label.text()
    assert "health_path = 'health': must start with '/'" in message
    assert "port = '99999'" in message
    assert dialog.isVisible() and not saved
    assert not (tmp_path / "config.toml").exists()
    assert "cf222e" in line_edit(dialog, "health_path").styleSheet()
    assert line_edit(dialog, "check_interval").styleSheet() == ""


def test_a_value_that_does_not_parse_is_refused_with_its_key(qtbot: Any, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    line_edit(dialog, "backend_cmd").setText('python "unclosed')
    dialog.save()
    assert dialog.error_label.text().startswith("backend_cmd = ")
    line_edit(dialog, "backend_cmd").setText("")
    line_edit(dialog, "backoff_initial").setText("10")
    line_edit(dialog, "backoff_max").setText("5")
    dialog.save()
    assert "backoff_max (5.0) must be >= backoff_initial (10.0)" in dialog.error_label.text()


def test_good_values_are_saved_to_the_config_file(qtbot: Any, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    with qtbot.waitSignal(dialog.saved, timeout=1000) as blocker:
        line_edit(dialog, "check_interval").setText("2.5")
        line_edit(dialog, "backend_cmd").setText("python -m my_backend --port {port}")
        dialog.editors["notify_recovered"].set_value(False)
        dialog.save()
    config = blocker.args[0]
    assert config.check_interval == 2.5
    assert config.backend_cmd == "python -m my_backend --port {port}"  # kept as typed
    assert config.backend_argv == ["python", "-m", "my_backend", "--port", "{port}"]
    written = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))
    assert written["check_interval"] == 2.5
    assert written["notify_recovered"] is False
    assert load_config(tmp_path / "config.toml").config == config
    assert not dialog.isVisible()


def test_saved_settings_reach_the_running_engine(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray()
    wait_state(qtbot, running, State.HEALTHY)
    controller = running.controller
    controller.show_settings()
    dialog = controller.settings_dialog
    assert dialog is not None
    line_edit(dialog, "failure_threshold").setText("7")
    dialog.save()

    def applied() -> None:
        assert running.engine.config.failure_threshold == 7
        assert running.snapshot().failure_threshold == 7

    qtbot.waitUntil(applied, timeout=10000)
    assert controller.config.failure_threshold == 7
    assert load_config(controller.config_file).config.failure_threshold == 7
