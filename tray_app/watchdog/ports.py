"""Who holds the backend's port, and the lock file that recognises a backend we left behind."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import psutil

from tray_app.watchdog.model import PortHolder
from tray_app.watchdog.platform import ProcessPlatform


def port_is_free(platform: ProcessPlatform, host: str, port: int) -> bool:
    """True when a listener could bind host:port now."""
    with platform.make_probe_socket() as sock:
        try:
            sock.bind((host, port))
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


@dataclass(frozen=True)
class BackendLock:
    """Identifies the backend process a supervisor started: PID, its create time, its port."""

    pid: int
    create_time: float
    port: int

    def matches(self, pid: int, port: int) -> bool:
        if pid != self.pid or port != self.port:
            return False
        try:
            return abs(psutil.Process(pid).create_time() - self.create_time) < 0.01
        except psutil.Error:
            return False


class LockFile:
    """A small JSON file next to the data; written on spawn, removed on a clean stop."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> BackendLock | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return BackendLock(int(data["pid"]), float(data["create_time"]), int(data["port"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, pid: int, port: int) -> None:
        try:
            create_time = psutil.Process(pid).create_time()
        except psutil.Error:
            return
        data = {"pid": pid, "create_time": create_time, "port": port}
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
    ours = pid is not None and lock is not None and lock.matches(pid, port)
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
