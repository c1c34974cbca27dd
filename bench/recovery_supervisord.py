"""supervisord for bench/recovery.py: install it, write a config, ask it for the backend's PID.

supervisord is the reference the issue compares with. It is installed into the running venv
with pip when missing, configured in a temporary folder (its control socket there too), run in
the foreground, and asked over its XML-RPC interface which PID its program has and in which
state. It has no HTTP health check: it restarts a process only when the process exits.
"""

from __future__ import annotations

import contextlib
import http.client
import importlib
import importlib.util
import shlex
import subprocess
import sys
import xmlrpc.client
from datetime import datetime
from pathlib import Path
from typing import Any

PROGRAM = "backend"
START_SECS = 1  # supervisord's default: a start counts once the process has stayed up 1 s

CONFIG_TEMPLATE = """\
[unix_http_server]
file = {socket}

[supervisord]
nodaemon = true
logfile = {folder}/supervisord.log
pidfile = {folder}/supervisord.pid
childlogdir = {folder}

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl = unix://{socket}

[program:{program}]
command = {command}
directory = {cwd}
autostart = true
autorestart = true
startsecs = {startsecs}
stopasgroup = true
killasgroup = true
environment = PYTHONUNBUFFERED="1"
redirect_stderr = true
stdout_logfile = {folder}/backend-output.log
"""


def ensure_installed() -> bool:
    """pip install supervisor into this interpreter's environment if missing; True if it did."""
    if importlib.util.find_spec("supervisor") is not None:
        return False
    print("supervisor is not installed: installing it with pip into this venv ...", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "supervisor"], check=True, timeout=300
    )
    importlib.invalidate_caches()
    return True


def version() -> str:
    from importlib.metadata import version as package_version

    return package_version("supervisor")


def write_config(folder: Path, backend_argv: list[str], cwd: Path) -> Path:
    """A supervisord.conf in `folder` that runs the backend with autorestart."""
    folder.mkdir(parents=True, exist_ok=True)
    escape = str.maketrans({"%": "%%"})  # supervisord expands %(name)s in its values
    text = CONFIG_TEMPLATE.format(
        socket=str(socket_path(folder)).translate(escape),
        folder=str(folder).translate(escape),
        program=PROGRAM,
        command=shlex.join(backend_argv).translate(escape),
        cwd=str(cwd).translate(escape),
        startsecs=START_SECS,
    )
    conf = folder / "supervisord.conf"
    conf.write_text(text, encoding="utf-8")
    return conf


def socket_path(folder: Path) -> Path:
    return folder / "supervisor.sock"


def spawn_time(folder: Path, pid: int) -> datetime | None:
    """When supervisord's log says it spawned `pid` (local time, millisecond resolution)."""
    needle = f"spawned: '{PROGRAM}' with pid {pid}"
    try:
        lines = (folder / "supervisord.log").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        if line.rstrip().endswith(needle):
            with contextlib.suppress(ValueError):
                return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
    return None


def supervisord_argv(conf: Path) -> list[str]:
    return [sys.executable, "-m", "supervisor.supervisord", "--nodaemon", "-c", str(conf)]


class SupervisordClient:
    """Reads the program's state and PID through supervisord's XML-RPC on its unix socket."""

    def __init__(self, folder: Path) -> None:
        # Imported late: supervisor may have been installed by this very run.
        self._xmlrpc: Any = importlib.import_module("supervisor.xmlrpc")
        self._url = f"unix://{socket_path(folder)}"

    def process_info(self) -> dict[str, Any] | None:
        # A fresh connection per call: the transport's kept-alive one stays broken after a
        # failed request (for instance while supervisord has not yet made its socket).
        transport = self._xmlrpc.SupervisorTransport(None, None, self._url)
        proxy = xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport)
        try:
            info: dict[str, Any] = proxy.supervisor.getProcessInfo(PROGRAM)  # type: ignore[assignment]
            return info
        except (OSError, xmlrpc.client.Error, http.client.HTTPException):
            return None
        finally:
            transport.close()

    def running_pid(self) -> int | None:
        """The program's PID once supervisord counts it RUNNING (after startsecs)."""
        info = self.process_info()
        if info is None or info.get("statename") != "RUNNING" or not info.get("pid"):
            return None
        return int(info["pid"])
