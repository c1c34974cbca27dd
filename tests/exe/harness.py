"""The built executable in a sandbox: its own home, XDG folders, temp folder and free ports.

`Sandbox` keeps everything the executable writes under one tmp folder, so a test can say
where files went (and that nothing reached the real home). `ExeRun` is one started
executable: it remembers every process of ours it saw, so the fixture can prove that none
is left afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import requests

from tests.waiting import free_port, process_alive, wait_for
from tray_app.watchdog.model import STANDBY_EVENTS

ROOT = Path(__file__).resolve().parents[2]
EXE_ENV = "ERP_GUARDIAN_EXE"  # test another build than build/dist/erp-guardian
HTTP_TIMEOUT_S = 2.0


def default_exe() -> Path:
    name = "erp-guardian.exe" if sys.platform == "win32" else "erp-guardian"
    return Path(os.environ.get(EXE_ENV) or ROOT / "build" / "dist" / name)


@dataclass
class Sandbox:
    """A fake home for one test: HOME, the XDG folders and TMPDIR all point inside `root`."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, root: Path, **extra_env: str) -> Sandbox:
        env = dict(os.environ)
        folders = {
            "HOME": "home",
            "XDG_CONFIG_HOME": "home/.config",
            "XDG_DATA_HOME": "home/.local/share",
            "XDG_STATE_HOME": "home/.local/state",
            "XDG_CACHE_HOME": "home/.cache",
            "XDG_RUNTIME_DIR": "run",
            "TMPDIR": "tmp",  # the one-file build unpacks here; the tests check it is cleaned
        }
        for name, relative in folders.items():
            path = root / relative
            path.mkdir(parents=True, exist_ok=True)
            env[name] = str(path)
        (root / "run").chmod(0o700)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["ERP_GUARDIAN_INSTANCE"] = root.name  # never meets a real running app
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        env.update(extra_env)
        return cls(root, env)

    @property
    def tmp_dir(self) -> Path:
        return Path(self.env["TMPDIR"])

    def processes(self) -> list[int]:
        """Every live process whose HOME is this sandbox's: whatever our runs started."""
        home = self.env["HOME"]
        found = []
        for proc in psutil.process_iter():
            with contextlib.suppress(psutil.Error):
                if proc.environ().get("HOME") == home and process_alive(proc.pid):
                    found.append(proc.pid)
        return sorted(found)

    def kill_processes(self) -> None:
        for pid in self.processes():
            with contextlib.suppress(psutil.NoSuchProcess):
                psutil.Process(pid).kill()

    def unpack_folders(self) -> list[Path]:
        """The one-file build's temporary folders (_MEIxxxxxx) that exist now."""
        return sorted(self.tmp_dir.glob("_MEI*"))


@dataclass
class ExeRun:
    """One started executable, its ports and folders, and every process of ours it saw."""

    process: subprocess.Popen[bytes]
    sandbox: Sandbox
    output_file: Path
    port: int
    web_port: int
    log_dir: Path
    data_dir: Path
    seen: set[int] = field(default_factory=set)

    def output(self) -> str:
        return self.output_file.read_text(errors="replace")

    def note_processes(self) -> None:
        """Remember the executable and every descendant alive now (bootloader, app, backend)."""
        with contextlib.suppress(psutil.NoSuchProcess):
            root = psutil.Process(self.process.pid)
            self.seen.add(root.pid)
            self.seen.update(child.pid for child in root.children(recursive=True))
        backend = self.backend_pid()
        if backend is not None:
            self.seen.add(backend)

    def backend_pid(self) -> int | None:
        """The backend's pid from the lock file the supervisor keeps in the data folder."""
        try:
            return int(json.loads((self.data_dir / "backend.lock").read_text())["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def lifecycle_event_names(self) -> list[str]:
        """Event names without the warm standby's own (a role of a process, not a state)."""
        return [str(e["event"]) for e in self.events() if e["event"] not in STANDBY_EVENTS]

    def events(self) -> list[dict[str, Any]]:
        path = self.log_dir / "events.jsonl"
        if not path.exists():
            return []
        lines = path.read_text(errors="replace").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def health(self) -> dict[str, Any] | None:
        try:
            reply = requests.get(f"http://127.0.0.1:{self.port}/health", timeout=HTTP_TIMEOUT_S)
        except requests.RequestException:
            return None
        return dict(reply.json()) if reply.status_code == 200 else None

    def wait_healthy(self, timeout_s: float = 30.0) -> dict[str, Any]:
        def healthy() -> dict[str, Any] | None:
            if self.process.poll() is not None:
                raise AssertionError(f"exited with {self.process.returncode}:\n{self.output()}")
            self.note_processes()
            reply = self.health()
            return reply if reply and reply.get("status") == "ok" else None

        return wait_for(healthy, timeout_s, describe=self.output, message="healthy backend")

    def terminate(self, timeout_s: float = 20.0) -> int:
        """SIGTERM to the executable (the one-file bootloader passes it on); its exit code."""
        self.note_processes()
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout_s)

    def leftovers(self) -> list[int]:
        """The processes of this run seen so far that are still alive."""
        return sorted(pid for pid in self.seen if process_alive(pid))


def start_exe(
    exe: Path,
    sandbox: Sandbox,
    *args: str,
    name: str,
    port: int | None = None,
    web_port: int | None = None,
    folders_as_options: bool = True,
) -> ExeRun:
    """Start `exe [args] --port P --web-port W [--log-dir L --data-dir D]`; output to a file."""
    port = port or free_port()
    web_port = web_port or free_port()
    log_dir = sandbox.root / name / "log"
    data_dir = sandbox.root / name / "data"
    argv = [str(exe.resolve()), *args, "--port", str(port), "--web-port", str(web_port)]
    if folders_as_options:
        argv += ["--log-dir", str(log_dir), "--data-dir", str(data_dir)]
    else:  # where platformdirs puts them on Linux, given the sandbox's XDG folders
        log_dir = Path(sandbox.env["XDG_STATE_HOME"]) / "erp-guardian" / "log"
        data_dir = Path(sandbox.env["XDG_DATA_HOME"]) / "erp-guardian"
    output_file = sandbox.root / f"{name}.out"
    with output_file.open("wb") as output:
        process = subprocess.Popen(
            argv,
            cwd=sandbox.root,
            env=sandbox.env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    run = ExeRun(process, sandbox, output_file, port, web_port, log_dir, data_dir)
    run.seen.add(process.pid)
    return run


def run_exe(exe: Path, sandbox: Sandbox, *args: str, timeout_s: float = 60.0) -> tuple[int, str]:
    """Run a sub-command to its end; (exit code, stdout and stderr together)."""
    done = subprocess.run(
        [str(exe.resolve()), *args],
        cwd=sandbox.root,
        env=sandbox.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=timeout_s,
        check=False,
    )
    return done.returncode, done.stdout.decode(errors="replace")
