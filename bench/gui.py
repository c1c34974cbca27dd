"""Tray app figures: start to a green icon, idle cost, and the log viewer on big files.

1. start to green: spawns this script in --child mode (the tray controller on the real engine
   and the bundled backend, Qt offscreen) and times exec until the tray icon turns green;
2. idle: the tray process's CPU seconds and RSS over --idle-seconds (default 60) once green;
3. log viewer tail: a generated 1 GB guardian.log in a temp dir (deleted after); time from
   open_file() until its last lines are in the view; then one page back (scrolling up);
4. level filter: a generated 1-million-line log; time until "errors only" is shown (first
   page of matches) and until "critical only" is done (a scan of the whole file).
Targets (issue 4): tail within 300 ms, filter within 2 s.

    .venv/bin/python bench/gui.py [--idle-seconds 60] [--log-gb 1.0] [--lines 1000000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tray_app.watchdog.model import Level  # noqa: E402

LEVELS = ["INFO"] * 800 + ["DEBUG"] * 100 + ["WARNING"] * 70 + ["ERROR"] * 29 + ["CRITICAL"]


def child(config_file: Path) -> int:
    """The tray app as a user runs it (minus the tray host): prints when the icon is green."""
    import signal

    from PySide6.QtCore import QTimer

    from tray_app.autostart import NullAutostart
    from tray_app.config import GuardianConfig, load_config
    from tray_app.gui.controller import TrayController
    from tray_app.headless import build_supervisor
    from tray_app.logs.writer import GuardianLogs
    from tray_app.watchdog.model import State
    from tray_app.watchdog.snapshot import Snapshot

    app = QApplication(sys.argv[:1])
    loaded = load_config(config_file)
    logs = GuardianLogs(loaded.config)

    def engine(config: GuardianConfig) -> object:
        return build_supervisor(config, logs)

    controller = TrayController(loaded, engine, autostart=NullAutostart("x", []))  # type: ignore[arg-type]
    told = False

    def on_snapshot(snapshot: Snapshot) -> None:
        nonlocal told
        if not told and controller.tray.shown_state is State.HEALTHY:
            told = True
            print(f"green {time.monotonic():.6f} {snapshot.pid}", flush=True)

    controller.start()
    controller.bridge.snapshot_changed.connect(on_snapshot)
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    awake = QTimer()
    awake.timeout.connect(lambda: None)
    awake.start(500)
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
        logs.close()


def bench_start_and_idle(idle_s: float, work: Path) -> None:
    from tests.waiting import free_port
    from tray_app.config import GuardianConfig, save_config

    config = GuardianConfig(
        port=free_port(), web_port=0, log_dir=str(work / "log"), data_dir=str(work / "data")
    )
    save_config(config, work / "config.toml")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", str(work / "config.toml")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().split()
        if not line or line[0] != "green":
            raise SystemExit(f"the tray app did not turn green: {line}")
        print(f"start to green icon: {float(line[1]) - started:.2f} s (exec to icon, cold backend)")
        tray, backend = psutil.Process(process.pid), psutil.Process(int(line[2]))
        cpu_tray, cpu_backend = sum(tray.cpu_times()[:2]), sum(backend.cpu_times()[:2])
        rss: list[int] = []
        end = time.monotonic() + idle_s
        while time.monotonic() < end:
            rss.append(tray.memory_info().rss)
            time.sleep(1.0)
        used_tray = sum(tray.cpu_times()[:2]) - cpu_tray
        used_backend = sum(backend.cpu_times()[:2]) - cpu_backend
        print(
            f"idle over {idle_s:.0f} s: tray app CPU {used_tray:.2f} s "
            f"({100 * used_tray / idle_s:.2f} %), RSS mean {statistics.mean(rss) / 2**20:.1f} MB "
            f"max {max(rss) / 2**20:.1f} MB; backend CPU {used_backend:.2f} s "
            f"(1 s health checks, status window closed)"
        )
    finally:
        process.terminate()
        process.wait(30)


def wait(app: QApplication, condition: Callable[[], bool], timeout_s: float = 60) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")
        app.processEvents()


def write_log(path: Path, lines: int | None = None, size: int | None = None) -> int:
    """guardian.log lines with mixed levels; returns the number of lines written."""
    block = "".join(
        f"2026-11-28 11:00:00,{i % 1000:03d} {LEVELS[i * 7919 % 1000]} erp_guardian.watchdog: "
        f"request {i} handled in {i % 97} ms by worker {i % 8}\n"
        for i in range(10_000)
    ).encode()
    written = 0
    with path.open("wb") as handle:
        while (lines is not None and written < lines) or (
            size is not None and handle.tell() < size
        ):
            handle.write(block)
            written += 10_000
        handle.write(b"2026-11-28 11:00:01,000 INFO erp_guardian.watchdog: the very last line\n")
    return written + 1


def bench_tail(app: QApplication, work: Path, gigabytes: float) -> None:
    from tray_app.gui.log_viewer import LogViewer

    path = work / "guardian.log"
    started = time.perf_counter()
    write_log(path, size=int(gigabytes * 2**30))
    print(
        f"generated {path.stat().st_size / 2**30:.2f} GB in {time.perf_counter() - started:.1f} s"
    )
    viewer = LogViewer(work)
    viewer.show()
    rss_before = psutil.Process().memory_info().rss
    times = []
    for _ in range(5):
        started = time.perf_counter()
        viewer.open_file(path)
        wait(app, lambda: viewer.model.rowCount() > 0)
        times.append(time.perf_counter() - started)
        viewer.view.viewport().repaint()
        assert viewer.model.line(viewer.model.rowCount() - 1).endswith("the very last line")
        viewer.open_file(work / "backend.log")  # away and back: a fresh open each round
        wait(app, viewer.is_idle)
    viewer.open_file(path)
    wait(app, lambda: viewer.is_idle() and viewer.model.rowCount() > 0)
    rows = viewer.model.rowCount()
    started = time.perf_counter()
    viewer.view.verticalScrollBar().setValue(0)
    wait(app, lambda: viewer.model.rowCount() > rows)
    back = time.perf_counter() - started
    rss_after = psutil.Process().memory_info().rss
    print(
        f"log viewer, tail of the 1 GB file shown: "
        f"median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms (5 opens; target < 300 ms); one page back on scrolling "
        f"up: {back * 1000:.0f} ms; RSS grew {(rss_after - rss_before) / 2**20:.1f} MB"
    )
    viewer.shutdown()
    viewer.close()


def bench_filter(app: QApplication, work: Path, lines: int) -> None:
    from tray_app.gui.log_viewer import LogViewer

    path = work / "guardian.log"
    count = write_log(path, lines=lines)
    print(f"generated {count} lines, {path.stat().st_size / 2**20:.0f} MB")
    viewer = LogViewer(work)
    viewer.show()
    viewer.open_file(path)
    wait(app, lambda: viewer.is_idle() and viewer.model.rowCount() > 0)
    results = []
    for level, label in (
        (Level.ERROR, "errors only (first page)"),
        (Level.CRITICAL, "critical only (whole file)"),
    ):
        started = time.perf_counter()
        viewer.set_minimum_level(level)
        wait(app, viewer.is_idle)
        elapsed = time.perf_counter() - started
        results.append(f"{label}: {elapsed:.2f} s, {viewer.model.rowCount()} lines")
        viewer.set_minimum_level(None)
        wait(app, viewer.is_idle)
    print(f"level filter on {count} lines: " + "; ".join(results) + " (target < 2 s)")
    viewer.shutdown()
    viewer.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--log-gb", type=float, default=1.0)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--skip-start", action="store_true", help="only the log viewer figures")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    print(f"{psutil.cpu_count()} cores, Python {sys.version.split()[0]}, Qt offscreen")
    with tempfile.TemporaryDirectory(prefix="erp-guardian-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_start:
            bench_start_and_idle(args.idle_seconds, work)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        big, small = work / "big", work / "small"
        big.mkdir()
        small.mkdir()
        bench_tail(app, big, args.log_gb)
        (big / "guardian.log").unlink()  # free the gigabyte before the next file
        bench_filter(app, small, args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
