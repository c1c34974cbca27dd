"""Is the backend's port free, or held by our own backend? And the status page's port.

The supervisor's lock file names the backend it started and the supervisor itself: a holder
that matches it is ours, either running under a live guardian (fine) or left behind by one
that is gone (the guardian stops it at its next start).
"""

from __future__ import annotations

import contextlib

import psutil

from tray_app.config import GuardianConfig
from tray_app.doctor.model import Check, Status
from tray_app.watchdog.model import PortHolder
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import BackendLock, LockFile, identify_holder, port_is_free

# Where the Supervisor keeps its lock file (tray_app/watchdog/supervisor.py).
BACKEND_LOCK_NAME = "backend.lock"
_SAME_START_S = 0.01  # create times of one process, read twice, agree within this


def backend_port_check(config: GuardianConfig) -> Check:
    where = f"{config.host}:{config.port}"
    if port_is_free(current(), config.host, config.port):
        return Check("backend.port", "backend port", Status.OK, f"{where} is free")
    lock = LockFile(config.data_path / BACKEND_LOCK_NAME).read()
    holder = identify_holder(config.port, lock)
    if lock is not None and _runs_under_live_guardian(holder, lock):
        detail = f"{where} is used by the ERP backend that ERP Guardian runs now (PID {holder.pid})"
        return Check("backend.port", "backend port", Status.OK, detail)
    if holder.ours:
        return Check(
            "backend.port",
            "backend port",
            Status.WARN,
            f"{where} is used by a backend an earlier ERP Guardian left behind (PID {holder.pid})",
            "Nothing to do: ERP Guardian stops it when it starts.",
        )
    return Check(
        "backend.port",
        "backend port",
        Status.FAIL,
        f"{where} is used by {describe_holder(holder)}",
        "Stop that program, or give the ERP another port (Settings, or port in config.toml).",
    )


def web_port_check(config: GuardianConfig) -> Check:
    if config.web_port == 0:
        return Check("guardian.web_port", "web page port", Status.OK, "no status page (port 0)")
    where = f"{config.web_host}:{config.web_port}"
    if port_is_free(current(), config.web_host, config.web_port):
        return Check("guardian.web_port", "web page port", Status.OK, f"{where} is free")
    lock = LockFile(config.data_path / BACKEND_LOCK_NAME).read()
    holder = identify_holder(config.web_port, None)
    if lock is not None and holder.pid == lock.supervisor_pid:
        detail = f"{where} is used by ERP Guardian's own status page (PID {holder.pid})"
        return Check("guardian.web_port", "web page port", Status.OK, detail)
    return Check(
        "guardian.web_port",
        "web page port",
        Status.WARN,
        f"{where} is used by {describe_holder(holder)}",
        "Stop that program, or choose another port for the page (--web-port, or web_port).",
    )


def describe_holder(holder: PortHolder) -> str:
    if holder.pid is None:
        return "another program (its name is visible to an administrator only)"
    return f"{holder.name or 'another program'} (PID {holder.pid})"


def _runs_under_live_guardian(holder: PortHolder, lock: BackendLock) -> bool:
    """The holder is the backend in the lock (or a worker it started), and the supervisor
    that started it is alive."""
    if holder.pid is None or holder.ours:
        return False
    if not _started_at(lock.pid, lock.create_time):
        return False
    if not _started_at(lock.supervisor_pid, lock.supervisor_create_time):
        return False
    if holder.pid == lock.pid:
        return True
    with contextlib.suppress(psutil.Error):
        return any(parent.pid == lock.pid for parent in psutil.Process(holder.pid).parents())
    return False


def _started_at(pid: int, create_time: float) -> bool:
    try:
        return abs(psutil.Process(pid).create_time() - create_time) < _SAME_START_S
    except psutil.Error:
        return False
