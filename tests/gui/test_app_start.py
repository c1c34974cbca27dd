"""Starting the tray app: one instance per user, and a clean refusal where there is no tray."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import psutil
import pytest

from tests.gui.conftest import StartTray, gui_config
from tray_app.config import GuardianConfig, LoadedConfig, save_config
from tray_app.gui.app import TrayUnavailable, run_tray
from tray_app.gui.single_instance import INSTANCE_ENV, SingleInstance, instance_name

SECOND_LAUNCH = """
import sys
from pathlib import Path
from tray_app.config import load_config
from tray_app.gui.app import run_tray
sys.exit(run_tray(load_config(Path(sys.argv[1]))))
"""


@pytest.fixture
def own_instance_name(monkeypatch: pytest.MonkeyPatch) -> str:
    """A name of our own, so the test neither meets nor disturbs a real running app."""
    monkeypatch.setenv(INSTANCE_ENV, f"test-{uuid.uuid4().hex}")
    return instance_name()


def test_second_instance_exits_0_and_the_first_shows_its_window(
    qtbot: Any, start_tray: StartTray, own_instance_name: str, tmp_path: Path
) -> None:
    instance = SingleInstance(own_instance_name)
    assert instance.listen()
    running = start_tray(instance=instance)
    window = running.controller.status_window
    assert not window.isVisible()
    config_file = tmp_path / "second.toml"
    save_config(running.config, config_file)
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND_LAUNCH, str(config_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        output = second.stdout.read().decode() if second.stdout else ""
        assert second.returncode == 0, output
        qtbot.waitUntil(window.isVisible, timeout=5000)
    finally:
        if second.poll() is None:
            second.kill()
        second.wait(10)
    pids = {event.pid for event in running.engine.recent_events() if event.pid}
    assert len(pids) == 1, "the second launch must not start a backend"


def test_without_a_tray_run_tray_raises_before_starting_anything(
    qtbot: Any, tmp_path: Path, own_instance_name: str
) -> None:
    """Offscreen Qt has no system tray: TrayUnavailable, no backend, no log files."""
    assert qtbot is not None and own_instance_name
    config = gui_config(tmp_path)
    loaded = LoadedConfig(config, tmp_path / "config.toml", False, {})
    with pytest.raises(TrayUnavailable, match="no system tray"):
        run_tray(loaded)
    assert psutil.Process().children() == []
    assert not Path(config.log_dir or "").exists()


def test_without_a_display_run_tray_raises_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("Windows and macOS always have a display")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    loaded = LoadedConfig(GuardianConfig(), tmp_path / "config.toml", False, {})
    with pytest.raises(TrayUnavailable, match="no display"):
        run_tray(loaded)
