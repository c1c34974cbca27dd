"""The textfile for the exporters and the Uptime Kuma push, with a real supervisor, a real
file and a small HTTP receiver standing in for Kuma."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.metrics.scrape import value
from tests.waiting import wait_for
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.metrics.kuma import Heartbeat, heartbeat_url
from tray_app.metrics.registry import metrics_of
from tray_app.metrics.runner import MetricsRunner
from tray_app.watchdog import EventName, State


class KumaReceiver:
    """Records every push; answers as Kuma does (or refuses, as Kuma does for a wrong token)."""

    def __init__(self) -> None:
        self.pushes: list[dict[str, str]] = []
        self.refuse = False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(parts.query).items()}
                receiver.pushes.append({"path": parts.path, **query})
                ok = not receiver.refuse
                body = {"ok": True} if ok else {"ok": False, "msg": "Monitor not found"}
                self.send_response(200 if ok else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps(body).encode())

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/push/T0k3n?status=up&msg=OK&ping="
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def kuma() -> Iterator[KumaReceiver]:
    receiver = KumaReceiver()
    try:
        yield receiver
    finally:
        receiver.close()


def test_the_textfile_is_written_every_interval_and_replaced_whole(
    guard: StartGuard, tmp_path: Path
) -> None:
    target = tmp_path / "textfile_inputs" / "erp_guardian.prom"
    g = guard(backend_cmd=service_cmd(), metrics_textfile=str(target), check_interval=0.2)
    g.wait_event(EventName.HEALTHY)
    runner = MetricsRunner(metrics_of(g.supervisor)).start()
    try:
        wait_for(lambda: target.exists() and value(target.read_text(), "erp_guardian_up") == 1)
        first = value(target.read_text(), "erp_guardian_collected_timestamp_seconds") or 0
        wait_for(
            lambda: (
                (value(target.read_text(), "erp_guardian_collected_timestamp_seconds") or 0) > first
            ),
            describe=target.read_text,
        )
        assert [p.name for p in target.parent.iterdir()] == ["erp_guardian.prom"]
    finally:
        runner.stop()


def test_the_last_textfile_shows_the_stopped_guardian(guard: StartGuard, tmp_path: Path) -> None:
    target = tmp_path / "erp_guardian.prom"
    g = guard(backend_cmd=service_cmd(), metrics_textfile=str(target))
    g.wait_event(EventName.HEALTHY)
    runner = MetricsRunner(metrics_of(g.supervisor)).start()
    g.supervisor.request_shutdown()
    g.thread.join(30)
    runner.stop()
    text = target.read_text()
    assert value(text, "erp_guardian_up") == 0
    assert value(text, "erp_guardian_state", state="stopped") == 1


def test_a_textfile_that_cannot_be_written_is_logged_once(
    guard: StartGuard, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    g = guard(backend_cmd=service_cmd(), metrics_textfile=str(blocker / "erp_guardian.prom"))
    runner = MetricsRunner(metrics_of(g.supervisor))
    with caplog.at_level(logging.WARNING, logger="erp_guardian.metrics"):
        for _ in range(3):
            runner.tick_textfile()
    ours = [r.getMessage() for r in caplog.records if r.name == "erp_guardian.metrics"]
    assert len(ours) == 1 and "cannot write the metrics textfile" in ours[0]


def test_kuma_hears_up_with_latency_then_down_when_not_healthy(
    guard: StartGuard, kuma: KumaReceiver
) -> None:
    g = guard(backend_cmd=service_cmd(), push_url=kuma.url, push_interval=1)
    g.wait_event(EventName.HEALTHY)
    runner = MetricsRunner(metrics_of(g.supervisor)).start()
    try:
        up = wait_for(
            lambda: [p for p in kuma.pushes if p["status"] == "up"], describe=lambda: kuma.pushes
        )[0]
        assert up["path"] == "/api/push/T0k3n"
        assert up["msg"].startswith("healthy") and float(up["ping"]) > 0
        g.supervisor.stop()
        g.wait_state(State.STOPPED)
        down = wait_for(
            lambda: [p for p in kuma.pushes if p["status"] == "down"], describe=lambda: kuma.pushes
        )[0]
        assert down["msg"].startswith("stopped")
    finally:
        runner.stop()


def test_a_refused_push_is_logged_once_and_its_recovery_once(
    guard: StartGuard, kuma: KumaReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    g = guard(backend_cmd=service_cmd(), push_url=kuma.url)
    runner = MetricsRunner(metrics_of(g.supervisor))
    kuma.refuse = True
    with caplog.at_level(logging.INFO, logger="erp_guardian.metrics"):
        for _ in range(3):
            runner.tick_push()
        kuma.refuse = False
        runner.tick_push()
        runner.tick_push()
    messages = [r.getMessage() for r in caplog.records if r.name == "erp_guardian.metrics"]
    assert len(kuma.pushes) == 5
    assert len(messages) == 2, messages
    assert "failed: HTTP 404 Monitor not found" in messages[0]
    assert "T0k3n" not in messages[0]  # the monitor's token stays out of the log
    assert "works again" in messages[1]


def test_an_unreachable_kuma_is_logged_once(
    guard: StartGuard, caplog: pytest.LogCaptureFixture
) -> None:
    g = guard(backend_cmd=service_cmd(), push_url="http://127.0.0.1:9/api/push/x")
    runner = MetricsRunner(metrics_of(g.supervisor))
    with caplog.at_level(logging.WARNING, logger="erp_guardian.metrics"):
        runner.tick_push()
        runner.tick_push()
    ours = [r.getMessage() for r in caplog.records if r.name == "erp_guardian.metrics"]
    assert len(ours) == 1 and "failed" in ours[0]


def test_the_heartbeat_url_keeps_the_monitor_and_sets_the_three_parameters() -> None:
    beat = Heartbeat(up=False, message="gave_up: too many restarts", ping_ms=None)
    url = heartbeat_url("https://kuma.example/api/push/abc?status=up&msg=OK&ping=&x=1", beat)
    parts = urlsplit(url)
    assert parts.netloc == "kuma.example" and parts.path == "/api/push/abc"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query == {"x": ["1"], "status": ["down"], "msg": [beat.message], "ping": [""]}
