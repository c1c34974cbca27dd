"""How fast ERP Guardian brings the backend back, next to supervisord, and what it costs idle.

In one run, on loopback and free ports, with the same backend command for everyone:
1. installs supervisor into this venv with pip if it is missing;
2. times the backend's own cold start (exec to the first 200 on /health, polled every 5 ms),
   up front and again just before every SIGKILL (same minutes, same load on a shared machine);
3. SIGKILLs the backend N times under ERP Guardian (`erp-guardian run --backend-only`) and
   under supervisord (autorestart), timing each until /health answers 200 from a new PID;
4. SIGSTOPs the backend under ERP Guardian (default checks: 1 s, 0.5 s timeout, 3 failures)
   and times it back to healthy; shows that supervisord, having no HTTP check, never notices;
5. measures both guardians' own CPU seconds and RSS over an idle period (1 s checks);
6. prints a side-by-side table with the issue's targets, each marked met or not.
Every process started is ended in `finally`; leftovers are looked for with psutil.

    .venv/bin/python bench/recovery.py [--kills 10] [--hangs 5] [--idle-seconds 60]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import recovery_supervisord as supervisord
from recovery_cold import ColdStarter
from recovery_guardian import (
    GuardianSetup,
    backend_argv,
    explain,
    mark,
    seconds_to_event,
    starter_argv,
    wait_healthy,
)
from recovery_idle import idle_side_by_side
from recovery_procs import (
    Processes,
    end_leftovers,
    free_port,
    health_answers,
    port_is_free,
    time_until_new_backend,
    wait_for,
)
from recovery_report import Runner, table

REPO_ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60.0
RECOVERY_TIMEOUT_S = 60.0
SETTLE_S = 0.5  # after the guardian counts the backend healthy, before the next fault


@dataclass
class Bench:
    args: argparse.Namespace
    tmp: Path
    procs: Processes
    rng: random.Random
    setup: GuardianSetup  # the guardian under test; its backend command is everyone's
    cold: ColdStarter

    @property
    def port(self) -> int:
        return self.setup.port


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--kills", type=int, default=10, help="SIGKILLs per guardian (10)")
    parser.add_argument("--hangs", type=int, default=5, help="SIGSTOPs under ERP Guardian (5)")
    parser.add_argument("--cold-starts", type=int, default=10, help="direct starts up front (10)")
    parser.add_argument("--idle-seconds", type=float, default=60.0, help="idle window (60)")
    parser.add_argument(
        "--hang-observe", type=float, default=10.0, help="seconds to watch supervisord (10)"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the random fault phases")
    args = parser.parse_args(argv)
    if min(args.kills, args.hangs, args.cold_starts) < 1 or args.idle_seconds < 1:
        parser.error("counts must be >= 1 and --idle-seconds >= 1")
    return args


def say(text: str) -> None:
    print(text, flush=True)


def wait_port_free(port: int) -> None:
    wait_for(lambda: True if port_is_free(port) else None, 15, f"port {port} free", 0.01)


def cold_starts(bench: Bench) -> list[float]:
    warm_up = bench.cold.measure()  # creates the database and fills the page cache
    say(f"  warm-up start (creates the database): {warm_up:.3f} s, not counted")
    times = []
    for index in range(bench.args.cold_starts):
        times.append(bench.cold.measure())
        say(f"  cold start {index + 1}: {times[-1]:.3f} s")
    return times


def kill_loop(
    bench: Bench,
    runner: Runner,
    pid: int,
    ready: Callable[[int], int],
    arm: Callable[[], Callable[[int], float | None]],
) -> int:
    """SIGKILL the backend N times, each after one direct cold start for comparison.
    `ready(pid)` waits until the guardian counts the new backend up; `arm()`, called just
    before a kill, returns what tells afterwards how long the guardian took to spawn anew."""
    for index in range(bench.args.kills):
        runner.cold_beside_s.append(bench.cold.measure())
        time.sleep(SETTLE_S)
        respawn_after = arm()
        started = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        elapsed, new_pid = time_until_new_backend(bench.port, started, pid, RECOVERY_TIMEOUT_S)
        runner.kills_s.append(elapsed)
        old_pid, pid = pid, ready(new_pid)
        respawn = respawn_after(pid)
        if respawn is not None:
            runner.respawns_s.append(respawn)
        say(
            f"  kill {index + 1}: healthy again in {elapsed:.3f} s, cold start just before "
            f"{runner.cold_beside_s[-1]:.3f} s (PID {old_pid} -> {pid}, spawned after "
            + ("?" if respawn is None else f"{respawn * 1000:.0f} ms")
            + ")"
        )
    return pid


def guardian_recovery(bench: Bench) -> Runner:
    runner = Runner("ERP Guardian")
    setup = bench.setup
    wait_port_free(bench.port)
    popen = bench.procs.start(starter_argv(setup), cwd=REPO_ROOT, log=bench.tmp / "guardian.out")
    try:
        pid = wait_healthy(setup)

        def arm() -> Callable[[int], float | None]:
            since = mark(setup)
            return lambda _pid: seconds_to_event(setup, since, "starting")

        pid = kill_loop(bench, runner, pid, lambda new: wait_healthy(setup, new), arm)
        for index in range(bench.args.hangs):
            # A random phase of the 1 s check cycle, as a real hang would have.
            time.sleep(SETTLE_S + bench.rng.uniform(0.0, 1.0))
            since = mark(setup)
            started = time.monotonic()
            os.kill(pid, signal.SIGSTOP)
            elapsed, new_pid = time_until_new_backend(bench.port, started, pid, RECOVERY_TIMEOUT_S)
            runner.hangs_s.append(elapsed)
            pid = wait_healthy(setup, new_pid)
            why = explain(setup, since, ("hung", "starting", "recovered"))
            say(f"  hang {index + 1}: healthy again in {elapsed:.3f} s (PID -> {pid}; {why})")
    finally:
        bench.procs.end(popen)
    return runner


def supervisord_recovery(bench: Bench) -> Runner:
    runner = Runner("supervisord")
    folder = bench.tmp / "supervisord"
    conf = supervisord.write_config(folder, backend_argv(bench.setup), REPO_ROOT)
    wait_port_free(bench.port)
    popen = bench.procs.start(supervisord.supervisord_argv(conf), cwd=folder, log=folder / "out")
    client = supervisord.SupervisordClient(folder)

    def running(pid: int | None = None) -> int:
        def probe() -> int | None:
            found = client.running_pid()
            return found if pid is None or found == pid else None

        return wait_for(probe, START_TIMEOUT_S, "supervisord: backend RUNNING", 0.02)

    try:
        pid = running()
        wait_for(lambda: True if health_answers(bench.port) else None, 30, "backend up", 0.01)

        def arm() -> Callable[[int], float | None]:
            killed_at = datetime.now()  # local time, as supervisord logs

            def respawn_after(new_pid: int) -> float | None:
                spawned = supervisord.spawn_time(folder, new_pid)
                return None if spawned is None else (spawned - killed_at).total_seconds()

            return respawn_after

        pid = kill_loop(bench, runner, pid, running, arm)
        time.sleep(SETTLE_S)
        runner.hang_note = observe_hang(bench, client, pid)
    finally:
        bench.procs.end(popen)
    return runner


def observe_hang(bench: Bench, client: supervisord.SupervisordClient, pid: int) -> str:
    """SIGSTOP the backend and watch supervisord for a while: it sees no hang (no HTTP check)."""
    observe_s = bench.args.hang_observe
    os.kill(pid, signal.SIGSTOP)
    started = time.monotonic()
    answered = False
    try:
        while time.monotonic() - started < observe_s:
            answered = answered or health_answers(bench.port, timeout_s=0.5)
            info = client.process_info() or {}
            if info.get("pid") != pid:
                return f"restarted after {time.monotonic() - started:.1f} s"
            time.sleep(0.25)
    finally:
        os.kill(pid, signal.SIGCONT)  # clean up: let it run again
    state = (client.process_info() or {}).get("statename")
    say(
        f"  hang: after {observe_s:g} s supervisord still says {state} with the same PID {pid}; "
        f"/health answered meanwhile: {'yes' if answered else 'no'}; SIGCONT sent"
    )
    wait_for(lambda: True if health_answers(bench.port) else None, 30, "backend resumed", 0.01)
    return "no HTTP check: never detected"


def idle_cost(bench: Bench, guardian: Runner, other: Runner) -> None:
    say(f"  measuring {bench.args.idle_seconds:g} s of idle ...")
    costs = idle_side_by_side(bench.procs, bench.tmp, bench.args.idle_seconds, REPO_ROOT)
    for runner, cost in ((guardian, costs.guardian), (other, costs.supervisord)):
        runner.idle_cpu_s, runner.idle_seconds = cost.cpu_s, cost.seconds
        runner.idle_rss_bytes = cost.rss_max_bytes


def run(bench: Bench) -> tuple[list[float], Runner, Runner]:
    args = bench.args
    say(f"\n== backend cold start ({args.cold_starts} direct starts of `python -m backend`)")
    cold = cold_starts(bench)
    say(f"\n== ERP Guardian: {args.kills} SIGKILLs, {args.hangs} SIGSTOP hangs")
    guardian = guardian_recovery(bench)
    say(
        f"\n== supervisord: {args.kills} SIGKILLs, one SIGSTOP hang watched {args.hang_observe:g} s"
    )
    other = supervisord_recovery(bench)
    say(f"\n== idle cost, both at once, {args.idle_seconds:g} s")
    idle_cost(bench, guardian, other)
    return cold, guardian, other


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if supervisord.ensure_installed():
        say("installed supervisor with pip")
    restarts = args.kills + args.hangs + 5
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    say(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load {load}; "
        f"supervisor {supervisord.version()} (startsecs={supervisord.START_SECS})\n"
        f"ERP Guardian: default settings except ports, folders and --max-restarts {restarts} "
        f"(so {args.kills + args.hangs} faults in a row stay within the restart budget)"
    )
    with tempfile.TemporaryDirectory(prefix="erp-recovery-") as tmp_name:
        tmp = Path(tmp_name)
        procs = Processes()
        setup = GuardianSetup(tmp / "guardian", free_port(), ("--max-restarts", str(restarts)))
        cold = ColdStarter(procs, tmp / "cold", free_port(), REPO_ROOT)
        bench = Bench(args, tmp, procs, random.Random(args.seed), setup, cold)
        try:
            results = run(bench)
        except (TimeoutError, OSError) as error:
            say(f"benchmark failed: {error}")
            return 1
        finally:
            procs.end_all()
            say(end_leftovers(tmp_name))
    say(f"\nload at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    say("\n" + table(*results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
