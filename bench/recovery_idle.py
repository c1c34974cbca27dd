"""Idle cost for bench/recovery.py: a guardian's own CPU seconds and RSS over a quiet period.

ERP Guardian and supervisord run at once, each with its own backend on its own port, so both
are measured over the same window under the same machine load. Only the guardian process is
read (psutil's cpu_times counts no children), never its backend.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import recovery_supervisord as supervisord
from recovery_guardian import GuardianSetup, backend_argv, starter_argv, wait_healthy
from recovery_procs import Processes, free_port, wait_for

SETTLE_S = 2.0  # after both are up: let start-up work (imports, first checks) finish


@dataclass(frozen=True)
class IdleCost:
    cpu_s: float
    seconds: float
    rss_max_bytes: int  # the largest RSS sampled, once a second


def _cpu_s(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return float(times.user + times.system)


def measure_idle(pids: dict[str, int], seconds: float) -> dict[str, IdleCost]:
    """Watch the given processes side by side for `seconds`; CPU and peak RSS of each."""
    procs = {name: psutil.Process(pid) for name, pid in pids.items()}
    cpu_before = {name: _cpu_s(proc) for name, proc in procs.items()}
    rss_max = dict.fromkeys(procs, 0)
    started = time.monotonic()
    while True:
        for name, proc in procs.items():
            rss_max[name] = max(rss_max[name], proc.memory_info().rss)
        left = seconds - (time.monotonic() - started)
        if left <= 0:
            break
        time.sleep(min(1.0, left))
    elapsed = time.monotonic() - started
    return {
        name: IdleCost(_cpu_s(proc) - cpu_before[name], elapsed, rss_max[name])
        for name, proc in procs.items()
    }


@dataclass(frozen=True)
class SideBySide:
    guardian: IdleCost
    supervisord: IdleCost


def idle_side_by_side(procs: Processes, tmp: Path, seconds: float, cwd: Path) -> SideBySide:
    """Start both guardians, wait until each has a healthy backend, and measure them idle."""
    g_setup = GuardianSetup(tmp / "idle-guardian", free_port())
    s_folder = tmp / "idle-supervisord"
    s_setup = GuardianSetup(s_folder, free_port())
    s_setup.data_dir.mkdir(parents=True, exist_ok=True)
    s_setup.log_dir.mkdir(parents=True, exist_ok=True)
    conf = supervisord.write_config(s_folder, backend_argv(s_setup), cwd)
    g_popen = procs.start(starter_argv(g_setup), cwd=cwd, log=tmp / "idle-guardian.out")
    s_popen = procs.start(supervisord.supervisord_argv(conf), cwd=s_folder)
    client = supervisord.SupervisordClient(s_folder)
    try:
        wait_healthy(g_setup)
        wait_for(client.running_pid, 60, "supervisord: backend RUNNING", 0.05)
        time.sleep(SETTLE_S)
        costs = measure_idle({"guardian": g_popen.pid, "supervisord": s_popen.pid}, seconds)
    finally:
        procs.end(g_popen)
        procs.end(s_popen)
    return SideBySide(costs["guardian"], costs["supervisord"])
