"""GUI test fixtures: Qt offscreen, a tray controller on the real engine and real backend.

The `tray` fixture starts the bundled backend through the real Supervisor on a free port with
logs and data in tmp_path, answers the controller's questions from the test, and afterwards
checks that no backend process is left.
"""

from __future__ import annotations

import gc
import os

# Before any QApplication exists (pytest-qt creates it lazily in the first qtbot test).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.gui.i18n_fixtures import compile_catalogues, speaking
from tests.waiting import free_port, process_alive
from tray_app.autostart.linux import XdgAutostart
from tray_app.config import GuardianConfig, LoadedConfig
from tray_app.gui.controller import TrayController
from tray_app.gui.dialogs import UserQuestions
from tray_app.gui.single_instance import SingleInstance
from tray_app.gui.web_page import WebFactory
from tray_app.logs.writer import GuardianLogs
from tray_app.watchdog import Supervisor
from tray_app.watchdog.commands import allowed_commands
from tray_app.watchdog.model import HEALTH_OF_STATE, State
from tray_app.watchdog.snapshot import Snapshot


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """Garbage of earlier tests holds Qt objects; collect it here, not on a worker thread
    (see tray_app/gui/gc_guard.py for the crash this avoids)."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts catalogues compiled once for every test that switches language."""
    return compile_catalogues(tmp_path_factory.mktemp("qm"))


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: Any, qm_dir: Path) -> Iterator[str]:
    """The test runs once in English and once in German (Qt translators installed)."""
    del qapp
    with speaking(request.param, qm_dir):
        yield request.param


def make_snapshot(state: State, **changes: Any) -> Snapshot:
    """A snapshot as the engine would give it, for widget tests without an engine."""
    values: dict[str, Any] = {
        "state": state,
        "health": HEALTH_OF_STATE[state],
        "detail": f"state {state.value}",
        "pid": 4242,
        "health_url": "http://127.0.0.1:1/health",
        "started_at": datetime.now(UTC),
        "uptime_s": 65.0,
        "restart_count": 2,
        "attempt": 1,
        "max_restarts": 5,
        "consecutive_failures": 0,
        "failure_threshold": 3,
        "last_failure_at": None,
        "last_failure_reason": None,
        "last_failure_detail": None,
        "last_check_at": datetime.now(UTC),
        "last_check_latency_ms": 3.2,
        "next_check_at": None,
        "next_start_at": None,
        "port_holder": None,
        "backend_status": "ok",
        "time": datetime.now(UTC),
    }
    values.update(changes)
    values.setdefault("allowed_commands", allowed_commands(state, values["pid"] is not None))
    return Snapshot(**values)


def gui_config(tmp_path: Path, **overrides: Any) -> GuardianConfig:
    values: dict[str, Any] = {
        "port": free_port(),
        "log_dir": str(tmp_path / "log"),
        "data_dir": str(tmp_path / "data"),
        "check_interval": 0.5,
        "check_timeout": 0.5,
        "backoff_initial": 0.2,
        "backoff_max": 1.0,
        "stop_timeout": 3.0,
        "stats_interval": 0,
        "startup_grace": 20,
        "web_port": 0,
    }
    values.update(overrides)
    return GuardianConfig(**values)


@dataclass
class Answers:
    """What the fake user answers, and what they were asked or shown."""

    confirm: bool = True
    port: int | None = None
    asked: list[str] = field(default_factory=list)
    messages: list[tuple[str, str]] = field(default_factory=list)

    def questions(self) -> UserQuestions:
        def confirm(title: str, text: str) -> bool:
            self.asked.append(f"{title}: {text}")
            return self.confirm

        def ask_port(current: int) -> int | None:
            self.asked.append(f"port instead of {current}")
            return self.port

        def show_message(title: str, text: str) -> None:
            self.messages.append((title, text))

        return UserQuestions(confirm=confirm, ask_port=ask_port, show_message=show_message)


@dataclass
class RunningTray:
    controller: TrayController
    config: GuardianConfig
    answers: Answers
    pids: set[int]  # every backend PID seen, to check none is left

    @property
    def engine(self) -> Supervisor:
        engine = self.controller.engine
        assert isinstance(engine, Supervisor)
        return engine

    def snapshot(self) -> Snapshot:
        return self.engine.snapshot()


StartTray = Callable[..., RunningTray]


@pytest.fixture
def start_tray(tmp_path: Path, qapp: Any) -> Iterator[StartTray]:
    """start_tray([instance], [web_factory], **config overrides) -> RunningTray; shut down
    and checked for leftovers afterwards."""
    assert qapp is not None  # widgets and timers need the QApplication first
    started: list[tuple[RunningTray, GuardianLogs]] = []

    def start(
        instance: SingleInstance | None = None,
        web_factory: WebFactory | None = None,
        **overrides: Any,
    ) -> RunningTray:
        config = gui_config(tmp_path, **overrides)
        loaded = LoadedConfig(config, tmp_path / "config.toml", False, {})
        logs = GuardianLogs(config)
        pids: set[int] = set()

        def engine_factory(cfg: GuardianConfig) -> Supervisor:
            engine = Supervisor(cfg, output_sink=logs.on_backend_output)
            engine.subscribe(logs.on_event)
            engine.subscribe(lambda event: pids.add(event.pid) if event.pid else None)
            return engine

        answers = Answers()
        controller = TrayController(
            loaded,
            engine_factory,
            web_factory,
            instance=instance,
            autostart=XdgAutostart("erp-guardian-test", ["true"], tmp_path / "xdg"),
            questions=answers.questions(),
        )
        running = RunningTray(controller, config, answers, pids)
        started.append((running, logs))
        controller.start()
        return running

    try:
        yield start
    finally:
        for running, logs in started:
            stopped = running.controller.shutdown()
            logs.close()
            assert stopped, "the engine thread did not stop in time"
            left = [pid for pid in running.pids if process_alive(pid)]
            assert not left, f"backend processes left behind: {left}"


def wait_state(qtbot: Any, running: RunningTray, *states: State, timeout_ms: int = 30000) -> None:
    """Wait until the engine is in one of these states; the failure says where it was."""

    def check() -> None:
        assert running.snapshot().state in states, running.snapshot().detail

    qtbot.waitUntil(check, timeout=timeout_ms)
