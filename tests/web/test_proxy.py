"""The page's proxy to the backend: http.client, answers for every outage, IPv6 end to end."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.waiting import free_port, wait_for
from tests.watchdog.harness import HTTP_SERVICE
from tests.web.conftest import StartWeb
from tray_app.watchdog import EventName
from tray_app.web.backend_proxy import BackendProxy

StartService = Callable[..., str]


@pytest.fixture
def service() -> Iterator[StartService]:
    """start(*flags) -> base URL of the tiny HTTP test service, ended afterwards."""
    processes: list[subprocess.Popen[bytes]] = []

    def start(*flags: str) -> str:
        port = free_port()
        process = subprocess.Popen([sys.executable, HTTP_SERVICE, "--port", str(port), *flags])
        processes.append(process)
        wait_for(lambda: _accepts(port), message=f"test service on {port}")
        return f"http://127.0.0.1:{port}"

    try:
        yield start
    finally:
        for process in processes:
            process.kill()
            process.wait(10)


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_json_answer_is_passed_through_from_several_threads(service: StartService) -> None:
    proxy = BackendProxy(service())
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: proxy.get_status(), range(12)))
    assert {(a.status_code, json.dumps(a.body)) for a in answers} == {(200, '{"status": "ok"}')}


def test_answer_that_is_not_json_is_a_502(service: StartService) -> None:
    answer = BackendProxy(service("--body-not-json")).get_status()
    assert (answer.status_code, answer.body) == (502, {"detail": "backend answered HTTP 200"})


def test_refused_connection_is_a_503_with_the_reason() -> None:
    answer = BackendProxy(f"http://127.0.0.1:{free_port()}").reset_cache()
    assert (answer.status_code, answer.body) == (
        503,
        {"detail": "backend unreachable: connection refused"},
    )


def test_hung_backend_is_a_503_after_the_timeout(service: StartService) -> None:
    url = service()
    port = int(url.rsplit(":", 1)[1])
    hang = http.client.HTTPConnection("127.0.0.1", port, timeout=0.2)
    hang.request("GET", "/hang")  # from now on the service answers nothing
    with pytest.raises(TimeoutError):
        hang.getresponse()
    hang.close()
    answer = BackendProxy(url, timeout_s=0.3).get_status()
    assert (answer.status_code, answer.body) == (
        503,
        {"detail": "backend unreachable: no answer in 0.3 s"},
    )


def test_environment_proxy_is_not_used(
    service: StartService, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{free_port()}")  # nothing listens there
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert BackendProxy(service()).get_status().status_code == 200


def test_guardian_on_ipv6_loopback_gets_the_bundled_backend_healthy(web: StartWeb) -> None:
    """--host ::1 used to end in "port used by another program", and the page proxy asked
    http://::1:PORT."""
    g, server = web(host="::1", check_interval=30)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    assert g.config.effective_health_url.startswith("http://[::1]:")
    web_port = int(server.base_url.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", web_port, timeout=10)
    try:
        conn.request("GET", "/api/backend/status")
        response = conn.getresponse()
        body = json.loads(response.read())
    finally:
        conn.close()
    assert response.status == 200, body
    assert body["process"]["pid"] == g.backend_pid()
