"""Idle cost of the warm standby: ERP Guardian at its defaults (socket handoff and standby on)
next to one with both off, side by side over the same quiet window.

For each it reads, with psutil, the guardian process's own CPU seconds and peak RSS (the
target of issue 3: < 0.3 % of one core), and the same for the serving backend and the standby
(the standby's PID from the guardian's `standby_ready` event). The guardian pings the standby
over its stdin once per check interval; that, and the standby's own idle loop, is what the
standby costs while nothing goes wrong.

    .venv/bin/python bench/standby_idle.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import psutil
from recovery_guardian import GuardianSetup, read_events, starter_argv, wait_healthy
from recovery_idle import SETTLE_S, IdleCost, measure_idle
from recovery_procs import Processes, free_port, wait_for

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
TARGET_CPU_PERCENT = 0.3


def standby_pid(setup: GuardianSetup) -> int | None:
    """The ready standby's PID from the guardian's event log."""
    for event in reversed(read_events(setup)):
        if event.get("event") == "standby_ready":
            pid = event.get("pid")
            return pid if isinstance(pid, int) else None
    return None


def _row(name: str, cost: IdleCost | None) -> str:
    if cost is None:
        return f"{name:<28}| {'-':>14} | {'-':>10}"
    percent = 100 * cost.cpu_s / cost.seconds
    cpu = f"{percent:.3f} %"
    return f"{name:<28}| {cpu:>14} | {cost.rss_max_bytes / MB:>7.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="idle window (60)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="standby-idle-") as tmp, Processes() as procs:
        on = GuardianSetup(Path(tmp) / "on", free_port())
        off = GuardianSetup(Path(tmp) / "off", free_port(), ("--no-socket-handoff", "--no-standby"))
        guardians = {
            name: procs.start(starter_argv(setup), cwd=REPO, log=Path(tmp) / f"{name}.out")
            for name, setup in (("on", on), ("off", off))
        }
        watched = {
            "guardian, handoff+standby": guardians["on"].pid,
            "  its serving backend": wait_healthy(on),
            "  its standby": wait_for(lambda: standby_pid(on), 60, "standby ready", 0.05),
            "guardian, both off": guardians["off"].pid,
            "  its backend": wait_healthy(off),
        }
        time.sleep(SETTLE_S)
        costs = measure_idle(watched, args.seconds)
        standby_alive = psutil.pid_exists(watched["  its standby"])
    cpu_count = psutil.cpu_count()
    print(f"idle for {args.seconds:g} s, {cpu_count} cores; CPU in % of one core")
    print(f"{'process':<28}| {'CPU':>14} | {'RSS (max)':>10}")
    print("-" * 58)
    for name, cost in costs.items():
        print(_row(name, cost))
    guardian = costs["guardian, handoff+standby"]
    percent = 100 * guardian.cpu_s / guardian.seconds
    met = "met" if percent < TARGET_CPU_PERCENT else "NOT met"
    print(f"\nguardian with the standby: {percent:.3f} % of one core, target < 0.3 %: {met}")
    if not standby_alive:
        print("the standby ended during the window: the figures are not an idle standby's")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
