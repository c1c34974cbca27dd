"""The tray reaches the backups: "Backups…" next to "Check and fix…" opens one Backups window
on the running guardian's BackupService, the guidance's restore button opens the same one, and
the status window says how old the last good backup is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import Answers, gui_config, wait_state
from tray_app.autostart.linux import XdgAutostart
from tray_app.backup.model import BackupKind
from tray_app.backup.service import BackupService
from tray_app.config import GuardianConfig, LoadedConfig
from tray_app.gui.controller import TrayController
from tray_app.logs.writer import GuardianLogs
from tray_app.watchdog import State, Supervisor
from tray_app.watchdog.model import GuidanceAction


class _Running:
    def __init__(self, controller: TrayController) -> None:
        self.controller = controller

    def snapshot(self) -> Any:
        return self.controller.bridge.refresh()


@pytest.fixture
def tray_with_backups(tmp_path: Path, qapp: Any) -> Iterator[TrayController]:
    assert qapp is not None
    config = gui_config(tmp_path, backup_dir=str(tmp_path / "backups"), backup_time="")
    logs = GuardianLogs(config)
    services: list[BackupService] = []

    def engine_factory(cfg: GuardianConfig) -> Supervisor:
        engine = Supervisor(cfg, output_sink=logs.on_backend_output)
        services.append(BackupService(cfg, engine, report=lambda _result: None))
        return engine

    controller = TrayController(
        LoadedConfig(config, tmp_path / "config.toml", False, {}),
        engine_factory,
        autostart=XdgAutostart("erp-guardian-test", ["true"], tmp_path / "xdg"),
        questions=Answers().questions(),
        backups_of=lambda: services[-1] if services else None,
    )
    controller.start()
    try:
        yield controller
    finally:
        assert controller.shutdown(), "the engine thread did not stop in time"
        logs.close()


def test_backups_entry_opens_one_window_on_the_guardians_service(
    qtbot: Any, tray_with_backups: TrayController
) -> None:
    controller = tray_with_backups
    wait_state(qtbot, _Running(controller), State.HEALTHY)  # type: ignore[arg-type]
    label = controller.status_window.backup_age
    qtbot.waitUntil(lambda: label.text() == "Last good backup: none yet")
    controller.tray.menu.aboutToShow.emit()
    names = [action.objectName() for action in controller.tray.menu.actions()]
    assert names.index("action_backups") == names.index("action_doctor") + 1

    next(a for a in controller.tray.menu.actions() if a.objectName() == "action_backups").trigger()

    window = controller.backups.window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.summary.text() == "No good backup yet.")
    assert controller.backups.service is not None
    assert controller.backups.service.create(BackupKind.MANUAL).ok
    controller.status_window.guidance_panel.buttons[GuidanceAction.RESTORE_BACKUP].click()
    assert controller.backups.window is window  # the same window, not a second one
    controller.backups.show_age()
    qtbot.waitUntil(lambda: label.text().startswith("Last good backup: ") and "ago" in label.text())
