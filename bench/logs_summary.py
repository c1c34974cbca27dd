"""`erp-guardian logs summary` on a big events.jsonl, next to a plain `json.loads` loop.

Generates (in a temp dir, deleted after) an events.jsonl of --events events (default one
million) in the writer's own format (`Event.to_dict()` through `writer.event_line`), with the
mix a long, flaky run leaves: mostly failed checks and passes, some crashes and hangs with
their restarts, recoveries and incidents, early warnings, pauses and stops. Then it times, each
in a fresh subprocess so that peak RSS is its own:

1. a plain loop: read every line, `json.loads` it (the floor a JSON reader cannot beat);
2. the streaming summary (`tray_app.logs.analysis.summarise_log`), what `logs summary` runs:
   on a big log, worker processes on the usable cores (at most 4);
3. the same summary in one process (what a one-core machine, or a log under 128 MB, gets);
4. with --before, the list-based summary it replaced (kept as the tests' oracle).

    .venv/bin/python bench/logs_summary.py [--events 1000000] [--runs 3] [--before]
                                           [--log-dir DIR]   # keep the log there, reuse it

Target (issue 11): the summary takes at most a third of the plain loop's time, and its memory
does not grow with the file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tray_app.logs.writer import event_line  # noqa: E402
from tray_app.watchdog.model import Event, EventName, Level, Reason, State  # noqa: E402

MEAN_GAP_S = 45.25  # the mean of the uniform gap between events below


class _Run:
    """A made-up but plausible history: one event at a time, the clock moving forward."""

    def __init__(self, seed: int, start: datetime) -> None:
        self.random = random.Random(seed)
        self.time = start
        self.state = State.STOPPED
        self.pid = 4000
        self.attempt = 0
        self.incidents = 0

    def event(
        self,
        name: EventName,
        state: State,
        reason: Reason,
        detail: str,
        level: Level = Level.INFO,
        **extra: object,
    ) -> Event:
        self.time += timedelta(seconds=self.random.uniform(0.5, 90.0))
        previous, self.state = self.state, state
        return Event(
            name=name,
            level=level,
            state=state,
            previous=previous,
            reason=reason,
            detail=detail,
            time=self.time,
            pid=self.pid,
            attempt=self.attempt,
            **extra,  # type: ignore[arg-type]
        )

    def start(self, reason: Reason, detail: str) -> Iterator[Event]:
        self.pid += self.random.randint(1, 40)
        yield self.event(EventName.STARTING, State.STARTING, reason, f"{detail} (PID {self.pid})")
        yield self.event(
            EventName.HEALTHY, State.HEALTHY, Reason.CHECK_PASSED, "ok", latency_ms=2.41
        )

    def flaky_check(self) -> Iterator[Event]:
        latency = round(self.random.uniform(500, 520), 2)
        reason = self.random.choice([Reason.TIMEOUT, Reason.CONNECTION_REFUSED])
        for number in range(1, self.random.choice([1, 1, 1, 2]) + 1):
            detail = f"check {number} of 3 failed: no answer within 0.5 s"
            yield self.event(
                EventName.CHECK_FAILED,
                State.UNHEALTHY,
                reason,
                detail,
                Level.WARNING,
                latency_ms=latency,
            )
        yield self.event(
            EventName.HEALTHY,
            State.HEALTHY,
            Reason.CHECK_PASSED,
            "ok",
            latency_ms=round(self.random.uniform(1, 9), 2),
        )

    def outage(self, hang: bool) -> Iterator[Event]:
        self.attempt += 1
        delay = {"delay_s": 0.0 if self.attempt == 1 else 1.0}
        if hang:
            for number in (1, 2):
                yield self.event(
                    EventName.CHECK_FAILED,
                    State.UNHEALTHY,
                    Reason.TIMEOUT,
                    f"check {number} of 3 failed: no answer within 0.5 s",
                    Level.WARNING,
                    latency_ms=501.2,
                )
            detail = "backend hung (check 3 of 3 failed: no answer within 0.5 s)"
            yield self.event(EventName.HUNG, State.STOPPING, Reason.HANG, detail, Level.ERROR)
            yield self.event(
                EventName.STOPPED,
                State.BACKOFF,
                Reason.HANG,
                "hung backend stopped: killed by SIGKILL; restarting now (attempt 1 of 5)",
                Level.ERROR,
                data=delay,
            )
        else:
            yield self.event(
                EventName.EXITED,
                State.BACKOFF,
                Reason.SIGNAL,
                "backend ended: killed by SIGKILL; restarting now (attempt 1 of 5)",
                Level.ERROR,
                exit_code=-9,
                data=delay,
            )
        reason = Reason.HANG if hang else Reason.SIGNAL
        self.pid += self.random.randint(1, 40)
        yield self.event(EventName.STARTING, State.STARTING, reason, f"restarting (PID {self.pid})")
        outage_s = round(self.random.uniform(0.3, 12.0), 3)
        yield self.event(
            EventName.RECOVERED,
            State.HEALTHY,
            Reason.CHECK_PASSED,
            f"back after an outage of {outage_s:.1f} s",
            outage_s=outage_s,
            latency_ms=3.1,
        )
        self.incidents += 1
        incident_id = f"{self.time:%Y%m%d-%H%M%S}-{self.incidents}"
        yield self.event(
            EventName.INCIDENT,
            State.HEALTHY,
            reason,
            f"incident {incident_id}: backend ended; recovered after {outage_s:.1f} s",
            outage_s=outage_s,
            data={"id": incident_id, "file": f"incident-{incident_id}.json"},
        )

    def early_warning(self) -> Iterator[Event]:
        figures = {"rule": "backend_rss", "value": 812.5, "threshold": 800.0, "unit": "MB"}
        yield self.event(
            EventName.WARNING,
            self.state,
            Reason.EARLY_WARNING,
            "Der Arbeitsspeicher des Backends wächst: über 800 MB.",
            Level.WARNING,
            data=figures,
        )
        yield self.event(
            EventName.WARNING_CLEARED,
            self.state,
            Reason.EARLY_WARNING,
            "backend memory: back to normal (640 MB)",
            data={**figures, "value": 640.0},
        )

    def degraded_spell(self) -> Iterator[Event]:
        yield self.event(
            EventName.DEGRADED,
            State.DEGRADED,
            Reason.DEPENDENCY,
            'health says "degraded": database is locked',
            Level.WARNING,
            latency_ms=4.0,
        )
        yield self.event(EventName.HEALTHY, State.HEALTHY, Reason.CHECK_PASSED, "ok")

    def pause_and_stop(self) -> Iterator[Event]:
        yield self.event(EventName.PAUSED, State.PAUSED, Reason.USER, "watchdog paused")
        yield self.event(EventName.RESUMED, State.STARTING, Reason.USER, "watchdog resumed")
        yield self.event(EventName.HEALTHY, State.HEALTHY, Reason.CHECK_PASSED, "ok")
        yield self.event(EventName.STOPPING, State.STOPPING, Reason.USER, "stop requested")
        yield self.event(EventName.STOPPED, State.STOPPED, Reason.USER, "backend stopped")
        self.attempt = 0
        yield from self.start(Reason.USER, "started by the user")

    def events(self) -> Iterator[Event]:
        yield from self.start(Reason.STARTUP, "starting the backend")
        while True:
            roll = self.random.random()
            if roll < 0.80:
                yield from self.flaky_check()
            elif roll < 0.88:
                yield from self.degraded_spell()
            elif roll < 0.94:
                yield from self.outage(hang=roll < 0.91)
            elif roll < 0.98:
                yield from self.early_warning()
            else:
                yield from self.pause_and_stop()


def generate(path: Path, count: int, seed: int = 11) -> int:
    """Writes `count` events to path, the last about a day ago; returns the file's size."""
    start = datetime.now(UTC) - timedelta(days=1, seconds=count * MEAN_GAP_S * 1.01)
    with path.open("w", encoding="utf-8") as handle:
        for _, event in zip(range(count), _Run(seed, start).events(), strict=False):
            handle.write(event_line(event.to_dict()) + "\n")
    return path.stat().st_size


# ----------------------------------------------------------------- the measured children
def plain_loop(log_dir: Path) -> str:
    count = 0
    with (log_dir / "events.jsonl").open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            json.loads(line)
            count += 1
    return f"{count} lines"


def streaming_summary(log_dir: Path) -> str:
    from tray_app.logs.analysis import summarise_log

    summary, _ = summarise_log(log_dir / "events.jsonl", None, datetime.now(UTC))
    return f"{summary.events} events, {summary.restarts} restarts"


def one_process_summary(log_dir: Path) -> str:
    from tray_app.logs.analysis import summarise_log
    from tray_app.logs.parallel_scan import ScanPlan

    plan = ScanPlan(workers=1)
    summary, _ = summarise_log(log_dir / "events.jsonl", None, datetime.now(UTC), plan)
    return f"{summary.events} events, {summary.restarts} restarts"


def list_summary(log_dir: Path) -> str:
    from tests.logs.list_summary import read_events, summarise

    events, bad = read_events(log_dir / "events.jsonl")
    summary = summarise(events, None, datetime.now(UTC), bad)
    return f"{summary.events} events, {summary.restarts} restarts"


CHILDREN = {
    "plain": plain_loop,
    "summary": streaming_summary,
    "one": one_process_summary,
    "before": list_summary,
}


def child(name: str, log_dir: Path) -> None:
    began = time.perf_counter()
    what = CHILDREN[name](log_dir)
    elapsed = time.perf_counter() - began
    # The child's own peak: RUSAGE_CHILDREN in the parent would be the largest of all children.
    # Its RUSAGE_CHILDREN is the largest of its own workers (they have ended by now).
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {"seconds": elapsed, "peak_kb": peak_kb, "worker_kb": worker_kb, "what": what}
    print(json.dumps(result))


@dataclass(frozen=True)
class Row:
    seconds: float
    rss_mb: float
    worker_mb: float  # the largest worker process's peak (0: none)
    what: str


def measure(name: str, log_dir: Path) -> Row:
    """One run in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", name, str(log_dir)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out)
    kb = 1024
    return Row(result["seconds"], result["peak_kb"] / kb, result["worker_kb"] / kb, result["what"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (median)")
    parser.add_argument("--before", action="store_true", help="also the list-based summary")
    parser.add_argument("--log-dir", type=Path, help="keep the generated log here and reuse it")
    parser.add_argument("--child", nargs=2, metavar=("NAME", "LOG_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    with tempfile.TemporaryDirectory(prefix="logs-summary-") as folder:
        log_dir = args.log_dir or Path(folder)
        log = log_dir / "events.jsonl"
        if not log.exists():
            log_dir.mkdir(parents=True, exist_ok=True)
            began = time.perf_counter()
            generate(log, args.events)
            print(f"generated in {time.perf_counter() - began:.1f} s")
        lines = sum(1 for _ in log.open("rb"))
        print(f"events.jsonl: {lines} events, {log.stat().st_size / 1e6:.0f} MB")
        names = ["plain", "summary", "one", *(["before"] if args.before else [])]
        rows = {}
        for name in names:
            runs = [measure(name, log_dir) for _ in range(args.runs)]
            seconds = statistics.median(run.seconds for run in runs)
            rows[name] = Row(seconds, runs[-1].rss_mb, runs[-1].worker_mb, runs[-1].what)
    print(f"load average after the runs: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print_table(rows)
    return 0


def print_table(rows: dict[str, Row]) -> None:
    plain_s = rows["plain"].seconds
    titles = {
        "plain": "plain json.loads loop",
        "summary": "logs summary (streaming)",
        "one": "logs summary, one process",
        "before": "logs summary (list-based, before)",
    }
    print(f"{'':<36}{'time':>10}{'x plain':>10}{'peak RSS':>12}{'worker':>10}  result")
    for name, row in rows.items():
        ratio = row.seconds / plain_s
        worker = f"{row.worker_mb:>7.0f} MB" if row.worker_mb else f"{'-':>10}"
        print(
            f"{titles[name]:<36}{row.seconds:>9.2f}s{ratio:>10.2f}{row.rss_mb:>9.0f} MB"
            f"{worker}  {row.what}"
        )
    ratio = rows["summary"].seconds / plain_s
    verdict = "met" if ratio <= 1 / 3 else "not met"
    print(f"target: summary <= 1/3 of the plain loop: {ratio:.2f} ({verdict})")


if __name__ == "__main__":
    sys.exit(main())
