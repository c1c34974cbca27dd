"""RSS cost of the metrics (issue 16), before/after in the same run on the same machine.

Each variant is a fresh guardian process guarding the tiny test service (tests/programs/
http_service.py) with default timings; its RSS (the guardian process only) is sampled every
0.5 s for --seconds once healthy, and the maximum is printed:

- headless, before: `erp-guardian run --backend-only` (nothing reads metrics: not loaded);
- headless, after:  the same with `metrics_textfile` set (metrics, textfile every 1 s) and
  /metrics scraped as Prometheus would (here through a page server in the same process:
  `erp-guardian run`, scraped every 0.2 s), and `run` without scrapes for reference;
- tray, before/after: the tray controller (Qt offscreen, no page) on an engine without and
  with metrics (`tray_app.gui.app._engine_with_logs` starts them).

    .venv/bin/python bench/metrics_rss.py [--seconds 20]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SERVICE = ROOT / "tests" / "programs" / "http_service.py"
GUARDIAN = [sys.executable, "-m", "tray_app"]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def config_file(folder: Path, **extra: object) -> Path:
    port = free_port()
    lines = [
        f"backend_cmd = {[sys.executable, str(SERVICE), '--port', '{port}']!r}",
        f"port = {port}",
        f"web_port = {extra.pop('web_port', 0)}",
        f"log_dir = {str(folder / 'log')!r}",
        f"data_dir = {str(folder / 'data')!r}",
        "stats_interval = 0",
    ] + [f"{key} = {value!r}" for key, value in extra.items()]
    path = folder / "config.toml"
    path.write_text("\n".join(lines).replace("'", '"') + "\n")
    return path


def sample(process: subprocess.Popen[bytes], seconds: float, scrape: str | None) -> float:
    guardian = psutil.Process(process.pid)
    peak, deadline, scrapes = 0, time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        if scrape:
            httpx.get(scrape, timeout=5)
            scrapes += 1
        peak = max(peak, guardian.memory_info().rss)
        time.sleep(0.2 if scrape else 0.5)
    return peak / 1e6


def run_variant(args: list[str], seconds: float, scrape_port: int | None = None) -> float:
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        time.sleep(3)  # started and healthy (the service starts in ~50 ms)
        url = f"http://127.0.0.1:{scrape_port}/metrics" if scrape_port else None
        return sample(process, seconds, url)
    finally:
        process.terminate()
        process.wait(20)


def tray_child(config: Path, with_metrics: bool) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from tray_app.autostart import NullAutostart
    from tray_app.config import GuardianConfig, load_config
    from tray_app.gui.app import _engine_with_logs
    from tray_app.gui.controller import TrayController
    from tray_app.headless import build_supervisor
    from tray_app.logs.writer import GuardianLogs

    app = QApplication(sys.argv[:1])
    loaded = load_config(config)

    def engine(config: GuardianConfig) -> object:
        if with_metrics:
            return _engine_with_logs(config)[0]
        return build_supervisor(config, GuardianLogs(config))

    controller = TrayController(loaded, engine, autostart=NullAutostart("x", []))  # type: ignore[arg-type]
    controller.start()
    app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--tray-child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.tray_child:
        tray_child(Path(options.tray_child[0]), options.tray_child[1] == "on")
        return 0
    rows: list[tuple[str, list[str], int | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)

        def folder(name: str) -> Path:
            (base / name).mkdir()
            return base / name

        before = config_file(folder("a"))
        rows.append(
            (
                "headless --backend-only, no metrics (before)",
                [*GUARDIAN, "run", "--backend-only", "--config", str(before)],
                None,
            )
        )
        textfile = config_file(folder("b"), metrics_textfile=str(base / "b" / "g.prom"))
        rows.append(
            (
                "headless --backend-only + textfile (after)",
                [*GUARDIAN, "run", "--backend-only", "--config", str(textfile)],
                None,
            )
        )
        web_port = free_port()
        page = config_file(folder("c"), web_port=web_port)
        rows.append(
            ("headless with page, no scrapes", [*GUARDIAN, "run", "--config", str(page)], None)
        )
        web_port2 = free_port()
        scraped = config_file(folder("d"), web_port=web_port2)
        rows.append(
            (
                "headless with page, /metrics every 0.2 s",
                [*GUARDIAN, "run", "--config", str(scraped)],
                web_port2,
            )
        )
        tray = config_file(folder("e"))
        tray_cmd = [sys.executable, str(Path(__file__).resolve()), "--tray-child", str(tray)]
        rows.append(("tray, engine without metrics (before)", [*tray_cmd, "off"], None))
        tray2 = config_file(folder("f"), metrics_textfile=str(base / "f" / "g.prom"))
        tray2_cmd = [sys.executable, str(Path(__file__).resolve()), "--tray-child", str(tray2)]
        rows.append(("tray, engine with metrics + textfile (after)", [*tray2_cmd, "on"], None))
        print(f"{'variant':48} peak RSS over {options.seconds:g} s")
        for name, command, port in rows:
            print(f"{name:48} {run_variant(command, options.seconds, port):6.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
