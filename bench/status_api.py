"""Throughput and latency of the backend's /health and status routes against a bare app.

Starts the real backend (`python -m backend`) and a bare FastAPI app answering {} (both under
uvicorn with the same settings, on free loopback ports), drives each with N concurrent
clients for a bounded time and request count, and prints requests/s, p50 and p99 latency,
and the ratio to the bare app. Targets: cached status >= 80 % of /health throughput; one
uncached status computation < 20 ms (the backend's own `compute_ms` figure).

    .venv/bin/python bench/status_api.py [--clients 8] [--duration 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    elapsed_s: float = 0.0
    errors: int = 0
    compute_ms: list[float] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.elapsed_s if self.elapsed_s else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass(frozen=True)
class Plan:
    clients: int
    duration_s: float
    max_requests: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve_bare_app(port: int) -> None:
    """The baseline: FastAPI + uvicorn answering {}, uvicorn set up as backend.app.server does."""
    import uvicorn
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/")
    async def root() -> dict[str, str]:
        return {}

    uvicorn.run(app, host="127.0.0.1", port=port, log_config=None, access_log=False, lifespan="on")


@contextmanager
def running(command: list[str], url: str) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server process, wait until `url` answers, always stop it afterwards."""
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(url, timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"server did not start: {' '.join(command)}") from None
                time.sleep(0.05)
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def drive(
    name: str,
    call: Callable[[requests.Session], requests.Response],
    plan: Plan,
    before: Callable[[requests.Session], object] | None = None,
    keep_compute_ms: bool = False,
) -> Result:
    """`plan.clients` threads call `call` until the time or the request budget is used up."""
    result = Result(name)
    lock = threading.Lock()
    budget = [plan.max_requests]
    stop_at = time.monotonic() + plan.duration_s

    def client() -> None:
        with requests.Session() as session:
            call(session)  # connect and warm up, not measured
            while time.monotonic() < stop_at:
                with lock:
                    if budget[0] <= 0:
                        return
                    budget[0] -= 1
                if before is not None:
                    before(session)
                started = time.perf_counter()
                response = call(session)
                latency_ms = (time.perf_counter() - started) * 1000
                with lock:
                    if response.status_code != 200:
                        result.errors += 1
                        continue
                    result.latencies_ms.append(latency_ms)
                    if keep_compute_ms:
                        result.compute_ms.append(response.json()["cache"]["compute_ms"])

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=plan.clients) as pool:
        for future in [pool.submit(client) for _ in range(plan.clients)]:
            future.result()
    result.elapsed_s = time.monotonic() - started
    return result


def report(results: list[Result], bare: Result) -> None:
    print(f"{'scenario':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'vs bare':>9}{'errors':>8}")
    for result in results:
        ratio = result.throughput / bare.throughput if bare.throughput else float("nan")
        print(
            f"{result.name:<34}{result.throughput:>9.0f}{result.percentile(0.5):>9.2f}"
            f"{result.percentile(0.99):>9.2f}{ratio:>9.2f}{result.errors:>8}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=3.0, help="seconds per scenario")
    parser.add_argument("--max-requests", type=int, default=50_000, help="per scenario")
    parser.add_argument("--serve-bare", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare_app(args.serve_bare)
        return 0

    work = Path(tempfile.mkdtemp(prefix="erp-bench-"))
    backend_port, bare_port = free_port(), free_port()
    backend_cmd = [sys.executable, "-m", "backend", "--port", str(backend_port)]
    backend_cmd += ["--db", str(work / "erp.sqlite3"), "--log-dir", str(work / "logs")]
    bare_cmd = [sys.executable, str(Path(__file__).resolve()), "--serve-bare", str(bare_port)]
    base = f"http://127.0.0.1:{backend_port}"
    status_url = f"{base}/api/v1/system/status"
    reset_url = f"{base}/api/v1/system/status/reset-cache"
    plan = Plan(args.clients, args.duration, args.max_requests)
    print(
        f"{plan.clients} clients, {plan.duration_s:.0f} s or {plan.max_requests} requests per "
        f"scenario, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )

    def get(url: str, **params: float) -> Callable[[requests.Session], requests.Response]:
        return lambda session: session.get(url, params=params, timeout=10)

    def reset(session: requests.Session) -> object:
        return session.post(reset_url, timeout=10)

    with running(bare_cmd, f"http://127.0.0.1:{bare_port}/"):
        bare = drive("bare FastAPI app {}", get(f"http://127.0.0.1:{bare_port}/"), plan)
    with running(backend_cmd, f"{base}/health"):
        health = drive("/health", get(f"{base}/health"), plan)
        cached = drive("status cached", get(status_url), plan)
        uncached = drive(
            "status, reset before each call", get(status_url), plan, reset, keep_compute_ms=True
        )
        # One client, nothing else running: the cost of one uncached request.
        single_plan = Plan(1, min(plan.duration_s, 2.0), 300)
        single = drive(
            "status uncached, 1 client",
            get(status_url, max_age=0),
            single_plan,
            keep_compute_ms=True,
        )
        # What the watchdog sees while the status route is hammered without cache.
        load = threading.Thread(target=drive, args=("load", get(status_url, max_age=0), plan))
        load.start()
        health_under_load = drive(
            "/health, 1 client, under status load",
            get(f"{base}/health"),
            Plan(1, plan.duration_s * 0.8, plan.max_requests),
        )
        load.join()

    report([health, cached, uncached, single, health_under_load, bare], bare)
    compute = uncached.compute_ms + single.compute_ms
    cached_ratio = cached.throughput / health.throughput if health.throughput else 0.0
    compute_p50 = statistics.median(compute) if compute else float("nan")
    print()
    print(
        f"uncached computation (backend's compute_ms): p50 {compute_p50:.2f} ms, "
        f"max {max(compute, default=float('nan')):.2f} ms over {len(compute)} computations"
    )
    print(
        f"target cached status >= 80% of /health: {cached_ratio:.0%} "
        f"-> {'met' if cached_ratio >= 0.8 else 'NOT met'}"
    )
    print(f"target one computation < 20 ms: {'met' if compute_p50 < 20 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
