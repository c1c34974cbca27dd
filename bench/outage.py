"""What a client sees while the backend crashes and hangs: failed requests and the longest wait.

Four clients poll /api/v1/system/status (a fresh connection per request, 10 s timeout). The
serving backend is SIGKILLed; once it serves again and a while has passed it is SIGSTOPped
(a hang). Side by side in one run, each with its own backend and port:
- ERP Guardian with socket handoff and a warm standby (the defaults),
- ERP Guardian with socket handoff only,
- ERP Guardian with both off (the backend binds its own port, as before),
- supervisord (autorestart; it has no HTTP check, so a hang is never noticed: the stopped
  backend gets SIGCONT after --hang-observe seconds).
For each fault it prints the failed requests that started before it (in flight) and after it,
and the longest wait of a request that started after it.

    .venv/bin/python bench/outage.py [--settle 3] [--hang-observe 8]
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import recovery_supervisord as supervisord
from recovery_procs import free_port

from tray_app.config import GuardianConfig
from tray_app.watchdog.launch import launch_spec
from tray_app.watchdog.supervisor import Supervisor

CLIENTS = 4
PATH = "/api/v1/system/status"
REQUEST_TIMEOUT_S = 10.0


@dataclass
class Request:
    started: float
    ended: float
    ok: bool


@dataclass
class Clients:
    port: int
    done: threading.Event = field(default_factory=threading.Event)
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._poll, daemon=True) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        return threads

    def _poll(self) -> None:
        while not self.done.is_set():
            started = time.monotonic()
            ok = False
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)
                conn.request("GET", PATH)
                ok = conn.getresponse().status == 200
                conn.close()
            except (OSError, http.client.HTTPException):
                ok = False
            with self.lock:
                self.requests.append(Request(started, time.monotonic(), ok))
            if not ok:
                time.sleep(0.01)  # a refused connection returns at once: no busy loop

    def figures(self, fault_at: float, until: float) -> tuple[int, int, float]:
        """(failed in flight, failed started after, longest wait after) for one fault."""
        with self.lock:
            requests = list(self.requests)
        in_flight = [r for r in requests if r.started < fault_at <= r.ended]
        after = [r for r in requests if fault_at <= r.started < until]
        longest = max((r.ended - r.started for r in after), default=0.0)
        longest = max([longest, *(r.ended - fault_at for r in in_flight if r.ok)])
        return (
            sum(not r.ok for r in in_flight),
            sum(not r.ok for r in after),
            longest,
        )


@dataclass
class Contender:
    name: str
    port: int
    serving_pid: Callable[[], int | None]
    close: Callable[[], None]
    recovers_from_hang: bool = True


def wait_for(probe: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if probe():
            return True
        time.sleep(0.01)
    return False


def guardian(name: str, folder: Path, handoff: bool, standby: bool) -> Contender:
    port = free_port()
    config = GuardianConfig(
        port=port,
        log_dir=str(folder / "logs"),
        data_dir=str(folder / "data"),
        web_port=0,
        stats_interval=0,
        socket_handoff=handoff,
        standby=standby,
    )
    sup = Supervisor(config)
    thread = sup.run_in_thread()

    def ready() -> bool:
        snap = sup.snapshot()
        return snap.state.value == "healthy" and (
            not standby or (snap.standby is not None and snap.standby.state.value == "ready")
        )

    if not wait_for(ready, 60):
        raise RuntimeError(f"{name}: not healthy (and ready) in 60 s: {sup.snapshot().detail}")

    def close() -> None:
        sup.request_shutdown()
        thread.join(30)

    contender = Contender(name, port, lambda: sup.snapshot().pid, close)
    contender.ready = ready  # type: ignore[attr-defined]
    contender.standby_rss = lambda: _rss(sup.snapshot().standby)  # type: ignore[attr-defined]
    return contender


def _rss(info: object) -> int | None:
    pid = getattr(info, "pid", None)
    try:
        return int(psutil.Process(pid).memory_info().rss) if pid else None
    except psutil.Error:
        return None


def supervisord_contender(folder: Path) -> Contender:
    port = free_port()
    config = GuardianConfig(port=port, log_dir=str(folder), data_dir=str(folder))
    config = config.model_copy(update={"socket_handoff": False})
    argv = [a for a in launch_spec(config).argv if a != "--stop-on-stdin-eof"]
    conf = supervisord.write_config(folder, argv, Path(__file__).resolve().parent.parent)
    popen = psutil.Popen(supervisord.supervisord_argv(conf), cwd=folder, start_new_session=True)
    client = supervisord.SupervisordClient(folder)
    if not wait_for(lambda: client.running_pid() is not None, 60):
        raise RuntimeError("supervisord: backend not RUNNING in 60 s")

    def close() -> None:
        os.killpg(popen.pid, signal.SIGTERM)
        popen.wait(30)

    contender = Contender("supervisord", port, client.running_pid, close, recovers_from_hang=False)
    contender.ready = lambda: client.running_pid() is not None  # type: ignore[attr-defined]
    return contender


def measure(contender: Contender, settle_s: float, hang_observe_s: float) -> list[str]:
    clients = Clients(contender.port)
    threads = clients.run()
    time.sleep(settle_s)  # bench pacing, not a test
    rows = []
    for fault in ("SIGKILL", "SIGSTOP"):
        pid = contender.serving_pid()
        assert pid is not None
        fault_at = time.monotonic()
        os.kill(pid, signal.SIGKILL if fault == "SIGKILL" else signal.SIGSTOP)
        if fault == "SIGSTOP" and not contender.recovers_from_hang:
            time.sleep(hang_observe_s)
            os.kill(pid, signal.SIGCONT)
        ready = contender.ready  # type: ignore[attr-defined]

        def recovered(p: int = pid, f: str = fault) -> bool:
            return contender.serving_pid() not in (None, p) or (
                not contender.recovers_from_hang and f == "SIGSTOP"
            )

        wait_for(recovered, 60)
        wait_for(ready, 60)
        time.sleep(settle_s)
        until = time.monotonic()
        before, after, longest = clients.figures(fault_at, until)
        rows.append(f"{contender.name:<28} {fault:<8} {before:>9} {after:>9} {longest:>12.3f}")
    clients.done.set()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S + 1)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=3.0, help="seconds between faults (3)")
    parser.add_argument("--hang-observe", type=float, default=8.0, help="supervisord hang (8)")
    args = parser.parse_args(argv)
    if supervisord.ensure_installed():
        print("installed supervisor into this venv")
    root = Path(tempfile.mkdtemp(prefix="outage-"))
    variants = [("handoff+standby", "a", True, True), ("handoff only", "b", True, False)]
    variants.append(("both off", "c", False, False))
    plans: list[tuple[str, Callable[[], Contender]]] = [
        (f"guardian {label}", partial(guardian, f"guardian {label}", root / sub, handoff, standby))
        for label, sub, handoff, standby in variants
    ]
    plans.append(("supervisord", lambda: supervisord_contender(root / "d")))
    print(f"{CLIENTS} clients polling {PATH}; failed requests per fault, longest wait in s")
    print(f"{'runner':<28} {'fault':<8} {'in flight':>9} {'after':>9} {'longest wait':>12}")
    for name, make in plans:
        contender = make()
        try:
            if name.endswith("standby"):
                rss = contender.standby_rss()  # type: ignore[attr-defined]
                print(f"  (standby RSS {rss / 2**20:.1f} MiB)" if rss else "  (no standby RSS)")
            for row in measure(contender, args.settle, args.hang_observe):
                print(row, flush=True)
        finally:
            contender.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
