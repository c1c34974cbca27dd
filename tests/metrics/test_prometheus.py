"""Against the real thing: a real Prometheus scrapes a real guardian; promtool checks and
unit-tests the alert rules of monitoring/. Skipped where Debian's `prometheus` package is not
installed (`scripts/setup.sh --test` installs it; CI runs these)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.waiting import free_port, wait_for
from tests.watchdog.harness import service_cmd
from tests.web.conftest import StartWeb
from tests.web.test_remote_access import METRICS_TOKEN, _lan_address
from tray_app.watchdog import EventName

MONITORING = Path(__file__).resolve().parents[2] / "monitoring"
needs_prometheus = pytest.mark.skipif(
    shutil.which("prometheus") is None, reason="Debian's prometheus package is not installed"
)
needs_promtool = pytest.mark.skipif(
    shutil.which("promtool") is None, reason="promtool (Debian's prometheus package) is missing"
)

SCRAPE_CONFIG = """\
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - {rules}
scrape_configs:
  - job_name: erp_guardian
    authorization:
      credentials: {token}
    static_configs:
      - targets: ["{target}"]
"""


class Prometheus:
    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.url, self.process, self.log = url, process, log

    def query(self, promql: str) -> list[dict[str, Any]]:
        answer = httpx.get(f"{self.url}/api/v1/query", params={"query": promql}, timeout=5)
        answer.raise_for_status()
        result: list[dict[str, Any]] = answer.json()["data"]["result"]
        return result

    def scalar(self, promql: str) -> float | None:
        result = self.query(promql)
        return float(result[0]["value"][1]) if result else None

    def targets(self) -> object:
        return httpx.get(f"{self.url}/api/v1/targets", timeout=5).json()["data"]


def _start_prometheus(tmp_path: Path, target: str) -> Prometheus:
    config = tmp_path / "prometheus.yml"
    rules = MONITORING / "alerts.yml"
    config.write_text(SCRAPE_CONFIG.format(rules=rules, token=METRICS_TOKEN, target=target))
    port = free_port()
    log = tmp_path / "prometheus.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                "prometheus",
                f"--config.file={config}",
                f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{port}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    prometheus = Prometheus(f"http://127.0.0.1:{port}", process, log)

    def ready() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"prometheus ended: {log.read_text()[-2000:]}")
        try:
            return httpx.get(f"{prometheus.url}/-/ready", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    wait_for(ready, 30, interval_s=0.1, describe=lambda: log.read_text()[-1000:])
    return prometheus


@pytest.fixture
def start_prometheus(tmp_path: Path) -> Iterator[Any]:
    started: list[Prometheus] = []

    def start(target: str) -> Prometheus:
        started.append(_start_prometheus(tmp_path, target))
        return started[-1]

    try:
        yield start
    finally:
        for prometheus in started:
            prometheus.process.terminate()
            try:
                prometheus.process.wait(15)
            except subprocess.TimeoutExpired:
                prometheus.process.kill()
                prometheus.process.wait(5)


@needs_prometheus
def test_prometheus_sees_the_restart_of_a_killed_backend(
    web: StartWeb, start_prometheus: Any
) -> None:
    lan = _lan_address()  # through the LAN, so the bearer token is really asked for
    g, server = web(
        backend_cmd=service_cmd(),
        web_host="0.0.0.0" if lan else "127.0.0.1",
        metrics_token=METRICS_TOKEN,
        web_allowed_hosts=[lan] if lan else [],
    )
    g.wait_event(EventName.HEALTHY)
    prometheus = start_prometheus(f"{lan or '127.0.0.1'}:{server.port}")
    wait_for(
        lambda: prometheus.scalar('erp_guardian_up{job="erp_guardian"}') == 1,
        30,
        interval_s=0.2,
        describe=prometheus.targets,
    )
    assert prometheus.scalar("sum(erp_guardian_restarts_total)") == 0
    os.kill(g.backend_pid(), signal.SIGKILL)
    g.wait_event(EventName.RECOVERED)
    reason = [e for e in g.events if e.name is EventName.STARTING][-1].reason.value
    restarted = f'erp_guardian_restarts_total{{job="erp_guardian", reason="{reason}"}}'
    wait_for(
        lambda: prometheus.scalar(restarted) == 1, 30, interval_s=0.2, describe=prometheus.targets
    )
    assert prometheus.scalar("sum(erp_guardian_restarts_total)") == 1
    wait_for(lambda: prometheus.scalar('erp_guardian_state{state="healthy"}') == 1, 30)
    # The rules load and are evaluated against the real series.
    rules = httpx.get(f"{prometheus.url}/api/v1/rules", timeout=5).json()["data"]["groups"]
    assert {rule["name"] for group in rules for rule in group["rules"]} >= {"ERPBackendDown"}


@needs_promtool
def test_promtool_accepts_the_alert_rules() -> None:
    done = subprocess.run(
        ["promtool", "check", "rules", str(MONITORING / "alerts.yml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SUCCESS: 8 rules found" in done.stdout


@needs_promtool
def test_promtool_unit_tests_of_every_alert_pass() -> None:
    tests = MONITORING / "alerts_test.yml"
    done = subprocess.run(
        ["promtool", "test", "rules", str(tests)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=MONITORING,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rules = (MONITORING / "alerts.yml").read_text()
    alerts = {line.split(":")[1].strip() for line in rules.splitlines() if "- alert:" in line}
    tested = tests.read_text()
    untested = {alert for alert in alerts if f"alertname: {alert}" not in tested}
    assert not untested, f"alerts without a promtool test: {untested}"
