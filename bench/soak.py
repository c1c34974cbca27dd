"""Soak: the bundled backend SIGKILLed every few seconds for minutes under the watchdog.

Runs `erp-guardian run --backend-only` (its own process; default check timing, the restart
budget raised so that a kill every few seconds stays within it), then kills the backend the
guardian reports healthy every `--kill-every` seconds for `--minutes` minutes. After each
kill it waits (up to 30 s) until the guardian logs a healthy backend with a new PID. Prints
restarts, failed recoveries, recovery times, and the guardian process's RSS, open file
descriptors and threads at the start, after a warm-up, and at the end.

    .venv/bin/python bench/soak.py [--minutes 10] [--kill-every 3]

Targets (issue 8): every kill recovered; RSS growth under 5 %; no descriptor growth.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

# POSIX only (SIGKILL, descriptor counts); mypy --platform win32 skips the rest of the file.
assert sys.platform != "win32", "bench/soak.py runs on Linux"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from recovery_guardian import (  # noqa: E402
    GuardianSetup,
    healthy_pid,
    read_events,
    starter_argv,
    wait_healthy,
)
from recovery_procs import Processes, end_leftovers, free_port  # noqa: E402

RECOVERY_TIMEOUT_S = 30.0
POLL_S = 0.05
MB = 1024 * 1024


@dataclass(frozen=True)
class Footprint:
    rss_bytes: int
    fds: int
    threads: int

    @staticmethod
    def of(pid: int) -> Footprint:
        proc = psutil.Process(pid)
        return Footprint(proc.memory_info().rss, proc.num_fds(), proc.num_threads())

    def describe(self) -> str:
        return f"RSS {self.rss_bytes / MB:.1f} MB, {self.fds} fds, {self.threads} threads"


def wait_new_healthy(setup: GuardianSetup, old_pid: int) -> int | None:
    deadline = time.monotonic() + RECOVERY_TIMEOUT_S
    while time.monotonic() < deadline:
        pid = healthy_pid(setup)
        if pid is not None and pid != old_pid:
            return pid
        time.sleep(POLL_S)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--kill-every", type=float, default=3.0, metavar="S")
    parser.add_argument(
        "--warm-up-kills",
        type=int,
        default=10,
        metavar="N",
        help="footprint after N kills too (the engine keeps its last 500 events in memory, "
        "incident reports included: about 125 kills fill that history)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="erp-soak-") as folder, Processes() as processes:
        budget = ("--max-restarts", "10000")
        setup = GuardianSetup(Path(folder), free_port(), budget)
        guardian = processes.start(starter_argv(setup), cwd=ROOT, log=Path(folder) / "out.txt")
        pid = wait_healthy(setup)
        start = Footprint.of(guardian.pid)
        warm: Footprint | None = None
        print(
            f"soak: kill every {args.kill_every:g} s for {args.minutes:g} min; start: "
            f"{start.describe()}",
            flush=True,
        )
        kills, failed, recoveries = 0, 0, list[float]()
        ends = time.monotonic() + args.minutes * 60
        next_kill = time.monotonic() + args.kill_every
        while next_kill < ends:
            time.sleep(max(0.0, next_kill - time.monotonic()))
            next_kill += args.kill_every
            killed_at = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            kills += 1
            new_pid = wait_new_healthy(setup, pid)
            if new_pid is None:
                failed += 1
                print(f"kill {kills}: NOT recovered within {RECOVERY_TIMEOUT_S:g} s", flush=True)
                new_pid = wait_healthy(setup, timeout_s=600)
            else:
                recoveries.append(time.monotonic() - killed_at)
            pid = new_pid
            if kills == args.warm_up_kills:
                warm = Footprint.of(guardian.pid)
            if kills % 50 == 0:
                print(f"kill {kills}: {Footprint.of(guardian.pid).describe()}", flush=True)
        end = Footprint.of(guardian.pid)
        events = read_events(setup)
        processes.end_all()
        report(kills, failed, recoveries, events, (start, warm or end, end), args.warm_up_kills)
        print(end_leftovers(folder))
        rss_ok = end.rss_bytes <= start.rss_bytes * 1.05
        met = failed == 0 and rss_ok and end.fds <= start.fds
        print(
            f"targets (every kill recovered, RSS +<5 %, no fd growth): "
            f"{'met' if met else 'NOT met'}"
        )
        return 0 if met else 1


def report(
    kills: int,
    failed: int,
    recoveries: list[float],
    events: list[dict[str, object]],
    footprints: tuple[Footprint, Footprint, Footprint],
    warm_up_kills: int,
) -> None:
    start, warm, end = footprints
    names = [str(event.get("event")) for event in events]
    ordered = sorted(recoveries)
    print(f"kills {kills}, recovered {len(recoveries)}, failed recoveries {failed}")
    print(
        f"guardian logged: exited {names.count('exited')}, starting {names.count('starting')}, "
        f"recovered {names.count('recovered')}, hung {names.count('hung')}, "
        f"gave_up {names.count('gave_up')}, incident {names.count('incident')}"
    )
    if ordered:
        print(
            f"kill to healthy (seen in events.jsonl): median {statistics.median(ordered):.2f} s, "
            f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.2f} s, max {ordered[-1]:.2f} s"
        )
    growth = 100 * (end.rss_bytes - start.rss_bytes) / start.rss_bytes
    since_warm = 100 * (end.rss_bytes - warm.rss_bytes) / warm.rss_bytes
    for label, figures in (
        ("guardian at start", start),
        (f"after {warm_up_kills} kills (warm-up)", warm),
        ("at the end", end),
    ):
        print(f"{label + ':':<30} {figures.describe()}")
    print(
        f"RSS growth: {growth:+.1f} % since start, {since_warm:+.1f} % since the warm-up; "
        f"fds {end.fds - start.fds:+d}, threads {end.threads - start.threads:+d}"
    )


if __name__ == "__main__":
    sys.exit(main())
