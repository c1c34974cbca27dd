"""Load on the backend's status API under the watchdog: no failed answer, no false restart.

Runs `erp-guardian run --backend-only` (its own process, default check timing: every 1 s,
0.5 s timeout, 3 failures make a hang) on the bundled backend, waits for it to be healthy,
then GETs /api/v1/system/status from `--connections` threads, each with a kept-alive session,
for `--duration` seconds. Meanwhile one more thread asks /health every 0.2 s, as a watchdog
would, and times the answers. Prints the request figures, the /health latencies under load,
and every check_failed, hung or exited event the guardian logged.

    .venv/bin/python bench/load.py [--connections 64] [--duration 60]

Targets (issue 8): zero non-2xx answers, zero restarts (no hung or exited event).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from recovery_guardian import GuardianSetup, read_events, starter_argv, wait_healthy  # noqa: E402
from recovery_procs import Processes, end_leftovers, free_port  # noqa: E402

from tests.reliability.loadgen import run_load  # noqa: E402

HEALTH_EVERY_S = 0.2


def probe_health(url: str, stop: threading.Event, latencies_ms: list[float]) -> None:
    """Time /health answers until `stop`; a failed request counts as its timeout (2 s)."""
    with requests.Session() as session:
        session.trust_env = False
        while not stop.wait(HEALTH_EVERY_S):
            sent = time.perf_counter()
            try:
                session.get(url, timeout=2).raise_for_status()
                latencies_ms.append((time.perf_counter() - sent) * 1000)
            except requests.RequestException:
                latencies_ms.append(2000.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=float, default=60.0, metavar="S")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="erp-load-") as folder, Processes() as processes:
        setup = GuardianSetup(Path(folder), free_port())
        processes.start(starter_argv(setup), cwd=ROOT, log=Path(folder) / "guardian.out")
        pid = wait_healthy(setup)
        base = f"http://127.0.0.1:{setup.port}"
        stop, health_ms = threading.Event(), list[float]()
        prober = threading.Thread(target=probe_health, args=(base + "/health", stop, health_ms))
        prober.start()
        print(f"load: {args.connections} connections for {args.duration:g} s on {base} ...")
        result = run_load(base + "/api/v1/system/status", args.connections, args.duration)
        stop.set()
        prober.join()
        events = read_events(setup)
        processes.end_all()
        trouble = [e for e in events if e.get("event") in ("check_failed", "hung", "exited")]
        restarts = [e for e in trouble if e.get("event") in ("hung", "exited")]
        print(result.describe())
        ordered = sorted(health_ms)
        p99 = ordered[int(0.99 * (len(ordered) - 1))]
        print(
            f"/health under load: {len(ordered)} answers, median "
            f"{statistics.median(ordered):.1f} ms, p99 {p99:.1f} ms, max {ordered[-1]:.1f} ms"
        )
        print(
            f"guardian events: check_failed {len(trouble) - len(restarts)}, restarts "
            f"{len(restarts)}; backend PID {pid} kept: {events[-1].get('pid') == pid}"
        )
        for event in trouble:
            print(f"  {event.get('time')} {event.get('event')}: {event.get('detail')}")
        met = result.non_2xx == 0 and not restarts
        print(f"targets (zero non-2xx, zero restarts): {'met' if met else 'NOT met'}")
        print(end_leftovers(folder))
        return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
