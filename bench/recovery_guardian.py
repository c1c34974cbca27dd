"""ERP Guardian for bench/recovery.py: the headless starter's command line and its event log.

The guardian runs as `erp-guardian run --backend-only` with an empty config file, so only the
options given here differ from the defaults. Its state is read from events.jsonl, as a user
or the analysis tools would read it.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from recovery_procs import wait_for

from tray_app.config import GuardianConfig
from tray_app.logs.writer import EVENTS_LOG
from tray_app.watchdog.launch import launch_spec


@dataclass(frozen=True)
class GuardianSetup:
    """Where one guardian keeps its files, and the options that differ from the defaults."""

    folder: Path
    port: int
    extra_options: tuple[str, ...] = ()

    @property
    def log_dir(self) -> Path:
        return self.folder / "logs"

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def config_file(self) -> Path:
        return self.folder / "config.toml"

    @property
    def config(self) -> GuardianConfig:
        return GuardianConfig(
            port=self.port, log_dir=str(self.log_dir), data_dir=str(self.data_dir)
        )


def backend_argv(setup: GuardianSetup) -> list[str]:
    """The guardian's command for the bundled backend, for the other runners. They stop it by
    signal, give it no stdin pipe and no socket: the pipe-close stop flag and --fd are left out."""
    plain = setup.config.model_copy(update={"socket_handoff": False, "standby": False})
    return [arg for arg in launch_spec(plain).argv if arg != "--stop-on-stdin-eof"]


def starter_argv(setup: GuardianSetup) -> list[str]:
    """`erp-guardian run --backend-only ...`; `python -m tray_app` when no script is found."""
    setup.folder.mkdir(parents=True, exist_ok=True)
    setup.config_file.write_text("", encoding="utf-8")  # ignore the user's own config.toml
    script = Path(sys.executable).parent / "erp-guardian"
    found = str(script) if script.exists() else shutil.which("erp-guardian")
    command = [found] if found else [sys.executable, "-m", "tray_app"]
    return [
        *command,
        "run",
        "--backend-only",
        "--config",
        str(setup.config_file),
        "--port",
        str(setup.port),
        "--log-dir",
        str(setup.log_dir),
        "--data-dir",
        str(setup.data_dir),
        *setup.extra_options,
    ]


def read_events(setup: GuardianSetup) -> list[dict[str, object]]:
    path = setup.log_dir / EVENTS_LOG
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    events = []
    for line in lines:
        try:
            events.append(json.loads(line))
        except ValueError:
            continue  # a line being written right now
    return events


def healthy_pid(setup: GuardianSetup) -> int | None:
    """The backend's PID when the guardian's latest event leaves it HEALTHY, else None."""
    events = read_events(setup)
    if not events or events[-1].get("state") != "healthy":
        return None
    pid = events[-1].get("pid")
    return pid if isinstance(pid, int) else None


def wait_healthy(setup: GuardianSetup, pid: int | None = None, timeout_s: float = 60.0) -> int:
    """The PID the guardian counts healthy (that PID, if given)."""

    def probe() -> int | None:
        found = healthy_pid(setup)
        return found if pid is None or found == pid else None

    return wait_for(probe, timeout_s, "ERP Guardian: backend healthy", 0.02)


@dataclass(frozen=True)
class Mark:
    """A moment in the guardian's event log: how many events it had, and the wall time."""

    events: int
    at: datetime


def mark(setup: GuardianSetup) -> Mark:
    return Mark(len(read_events(setup)), datetime.now(UTC))


def seconds_to_event(setup: GuardianSetup, since: Mark, name: str) -> float | None:
    """Seconds from `since` to the first event called `name` written after it."""
    for event in read_events(setup)[since.events :]:
        if event.get("event") == name:
            return (datetime.fromisoformat(str(event["time"])) - since.at).total_seconds()
    return None


def explain(setup: GuardianSetup, since: Mark, names: tuple[str, ...]) -> str:
    """'exited +3 ms, starting +9 ms': when the guardian logged each step after `since`."""
    parts = []
    for name in names:
        seconds = seconds_to_event(setup, since, name)
        parts.append(
            f"{name} " + ("not logged" if seconds is None else f"+{seconds * 1000:.0f} ms")
        )
    return ", ".join(parts)
