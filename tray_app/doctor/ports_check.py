"""Is the backend's port free, or held by our own backend? And the status page's port.

The supervisor's lock file names the backend it started and the supervisor itself: a holder
that matches it is ours, either running under a live guardian (fine) or left behind by one
that is gone (the guardian stops it at its next start).
"""

from __future__ import annotations

import contextlib

import psutil

from tray_app.config import GuardianConfig
from tray_app.doctor.model import Check, Status, words
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import Message
from tray_app.watchdog.model import PortHolder
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import BackendLock, LockFile, identify_holder, port_is_free

# Where the Supervisor keeps its lock file (tray_app/watchdog/supervisor.py).
BACKEND_LOCK_NAME = "backend.lock"
_SAME_START_S = 0.01  # create times of one process, read twice, agree within this


def backend_port_check(config: GuardianConfig) -> Check:
    where = f"{config.host}:{config.port}"
    title = words(C.DOCTOR_T_BACKEND_PORT)
    if port_is_free(current(), config.host, config.port):
        return Check("backend.port", title, Status.OK, words(C.DOCTOR_PORT_FREE, address=where))
    lock = LockFile(config.data_path / BACKEND_LOCK_NAME).read()
    holder = identify_holder(config.port, lock)
    if lock is not None and _runs_under_live_guardian(holder, lock):
        detail = words(C.DOCTOR_PORT_OURS, address=where, pid=str(holder.pid))
        return Check("backend.port", title, Status.OK, detail)
    if holder.ours:
        return Check(
            "backend.port",
            title,
            Status.WARN,
            words(C.DOCTOR_PORT_LEFTOVER, address=where, pid=str(holder.pid)),
            words(C.DOCTOR_PORT_LEFTOVER_HINT),
        )
    return Check(
        "backend.port",
        title,
        Status.FAIL,
        words(C.DOCTOR_PORT_TAKEN, address=where, holder=describe_holder(holder)),
        words(C.DOCTOR_PORT_TAKEN_HINT),
    )


def web_port_check(config: GuardianConfig) -> Check:
    title = words(C.DOCTOR_T_WEB_PORT)
    if config.web_port == 0:
        return Check("guardian.web_port", title, Status.OK, words(C.DOCTOR_NO_PAGE))
    where = f"{config.web_host}:{config.web_port}"
    if port_is_free(current(), config.web_host, config.web_port):
        return Check(
            "guardian.web_port", title, Status.OK, words(C.DOCTOR_PORT_FREE, address=where)
        )
    lock = LockFile(config.data_path / BACKEND_LOCK_NAME).read()
    holder = identify_holder(config.web_port, None)
    if lock is not None and holder.pid == lock.supervisor_pid:
        detail = words(C.DOCTOR_PORT_OWN_PAGE, address=where, pid=str(holder.pid))
        return Check("guardian.web_port", title, Status.OK, detail)
    return Check(
        "guardian.web_port",
        title,
        Status.WARN,
        words(C.DOCTOR_PORT_TAKEN, address=where, holder=describe_holder(holder)),
        words(C.DOCTOR_WEB_PORT_HINT),
    )


def describe_holder(holder: PortHolder) -> Message:
    if holder.pid is None:
        return words(C.DOCTOR_HOLDER_HIDDEN)
    name = (
        words(C.DOCTOR_VERBATIM, text=holder.name)
        if holder.name
        else words(C.DOCTOR_ANOTHER_PROGRAM)
    )
    return words(C.DOCTOR_HOLDER, name=name, pid=str(holder.pid))


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
