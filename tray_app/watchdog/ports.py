"""Who holds the backend's port, and the lock file that recognises a backend we left behind."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import psutil

from tray_app.watchdog.address import bind_target
from tray_app.watchdog.model import PortHolder
from tray_app.watchdog.platform import ProcessPlatform


def port_is_free(platform: ProcessPlatform, host: str, port: int) -> bool:
    """True when a listener could bind host:port now (an IPv6 host on an IPv6 socket)."""
    target = bind_target(host)
    with platform.make_probe_socket(target.family) as sock:
        try:
            sock.bind((target.host, port))
        except OSError:
            return False
    return True


def find_listener(port: int) -> tuple[int | None, str | None]:
    """PID and name of the process listening on the TCP port, where the OS lets us see it."""
    try:
        connections = psutil.net_connections(kind="tcp")
    except (psutil.AccessDenied, OSError):
        return None, None
    for conn in connections:
        if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port:
            if conn.pid is None:
                return None, None
            with contextlib.suppress(psutil.Error):
                return conn.pid, psutil.Process(conn.pid).name()
            return conn.pid, None
    return None, None


def _create_time(pid: int) -> float | None:
    try:
        return float(psutil.Process(pid).create_time())
    except psutil.Error:
        return None


def _same_process(pid: int, create_time: float) -> bool:
    actual = _create_time(pid)
    return actual is not None and abs(actual - create_time) < 0.01


@dataclass(frozen=True)
class BackendLock:
    """Identifies a backend a supervisor started: its PID, create time and port, and the
    supervisor's own PID and create time (PIDs are reused, create times tell them apart)."""

    pid: int
    create_time: float
    port: int
    supervisor_pid: int
    supervisor_create_time: float

    def is_left_behind(self, pid: int, port: int) -> bool:
        """True when pid is this backend and the supervisor that started it is gone."""
        if pid != self.pid or port != self.port or not _same_process(pid, self.create_time):
            return False
        return not _same_process(self.supervisor_pid, self.supervisor_create_time)


class LockFile:
    """A small JSON file next to the data; written on spawn, removed when the backend ends."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> BackendLock | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return BackendLock(
                int(data["pid"]),
                float(data["create_time"]),
                int(data["port"]),
                int(data["supervisor_pid"]),
                float(data["supervisor_create_time"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, pid: int, port: int) -> None:
        create_time, own_time = _create_time(pid), _create_time(os.getpid())
        if create_time is None or own_time is None:
            return
        data = {
            "pid": pid,
            "create_time": create_time,
            "port": port,
            "supervisor_pid": os.getpid(),
            "supervisor_create_time": own_time,
        }
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(tmp, self.path)

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


def identify_holder(port: int, lock: BackendLock | None) -> PortHolder:
    pid, name = find_listener(port)
    ours = pid is not None and lock is not None and lock.is_left_behind(pid, port)
    return PortHolder(port=port, pid=pid, name=name, ours=ours)


def kill_process_tree(pid: int, timeout_s: float) -> bool:
    """Terminate, then kill, a process and its descendants; True when all are gone."""
    try:
        root = psutil.Process(pid)
        procs = [*root.children(recursive=True), root]
    except psutil.Error:
        return True
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            proc.terminate()
    _, alive = psutil.wait_procs(procs, timeout=timeout_s)
    for proc in alive:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    _, alive = psutil.wait_procs(alive, timeout=timeout_s)
    return not alive
