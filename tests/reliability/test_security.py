"""Security on one machine, checked on the real processes: loopback only, no foreign origin,
no stack trace or path of the machine in an answer, files readable by the user only.

Also tested elsewhere: foreign Host headers (tests/backend/test_safety.py,
tests/web/test_web_server.py), control actions without the token
(tests/web/test_web_server.py::test_control_actions_need_the_token).
"""

from __future__ import annotations

import http.client
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import requests

from tests.reliability.headless import Headless, headless_guardian

EVIL_ORIGIN = "http://evil.example"


@pytest.fixture(scope="module")
def guardian(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Headless]:
    with headless_guardian(tmp_path_factory.mktemp("headless")) as running:
        yield running


def test_nothing_listens_beyond_loopback_by_default(guardian: Headless) -> None:
    listening = {
        (conn.laddr.ip, conn.laddr.port, proc.name())
        for proc in guardian.tree()
        for conn in proc.net_connections(kind="inet")
        if conn.status == psutil.CONN_LISTEN
    }
    ports = {port for _, port, _ in listening}
    assert {
        int(guardian.backend_url.rsplit(":", 1)[1]),
        int(guardian.web_url.rsplit(":", 1)[1]),
    } <= ports
    assert {ip for ip, _, _ in listening} == {"127.0.0.1"}, listening


@pytest.mark.parametrize("server", ["backend", "web"])
def test_other_origins_get_no_cors_permission(guardian: Headless, server: str) -> None:
    base = guardian.backend_url if server == "backend" else guardian.web_url
    paths = (
        ["/health", "/api/v1/system/status"]
        if server == "backend"
        else ["/api/watchdog/status", "/api/watchdog/restart"]
    )
    for path in paths:
        origin = {"Origin": EVIL_ORIGIN}
        simple = requests.get(base + path, headers=origin, timeout=5)
        preflight = requests.options(
            base + path,
            headers={
                **origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "X-Guardian-Token",
            },
            timeout=5,
        )
        for answer in (simple, preflight):
            assert "access-control-allow-origin" not in answer.headers, (path, answer.headers)
            assert "access-control-allow-credentials" not in answer.headers


def _machine_markers(guardian: Headless) -> list[str]:
    """Text that would give away where things are on this machine."""
    folder = str(guardian.database.parent.parent)
    return [
        "Traceback",
        'File "',
        "/home",
        "/root",
        "/tmp",
        folder,
        str(Path(__file__).resolve().parents[2]),
        sys.prefix,
        os.path.expanduser("~"),
    ]


def _raw(base: str, method: str, path: str, headers: dict[str, str] | None = None) -> str:
    """Send the path as it is (no normalising by a client library); status, headers, body."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest(method, path, skip_host=bool(headers and "Host" in headers))
        for key, value in (headers or {}).items():
            conn.putheader(key, value)
        conn.endheaders()
        answer = conn.getresponse()
        return f"{answer.status}\n{answer.getheaders()}\n{answer.read().decode('latin-1')}"
    finally:
        conn.close()


BACKEND_ERRORS = [
    ("GET", "/api/v1/system/status?max_age=-1", None),
    ("GET", "/api/v1/system/status?max_age=abc", None),
    ("GET", "/api/v1/system/status?max_age=1e999", None),
    ("GET", "/api/v1/system/status?max_age=nan", None),
    ("GET", "/api/v1/system/status?max_age=%ff%fe", None),
    ("GET", "/nothing-here", None),
    ("GET", "/%ff%00/..%2f..%2fetc%2fpasswd", None),
    ("GET", "/" + "a" * 8000, None),
    ("POST", "/api/v1/faults/exit?code=1", None),  # fault routes are off: 404
    ("DELETE", "/health", None),
    ("PUT", "/api/v1/system/status", None),
    ("GET", "/health", {"Host": "evil.example"}),
    ("GET", "/health", {"Host": ""}),
]
WEB_ERRORS = [
    ("GET", "/api/watchdog/events?limit=0", None),
    ("GET", "/api/watchdog/events?limit=abc", None),
    ("GET", "/api/watchdog/incidents?limit=99999", None),
    ("GET", "/api/watchdog/incidents/nope", None),
    ("GET", "/api/watchdog/incidents/..%2f..%2fetc%2fpasswd", None),
    ("GET", "/../../etc/passwd", None),
    ("GET", "/assets/..%2f..%2f..%2fpyproject.toml", None),
    ("GET", "/api/nothing-here", None),
    ("POST", "/api/watchdog/restart", None),
    ("POST", "/api/watchdog/stop", {"X-Guardian-Token": "guess"}),
    ("DELETE", "/api/watchdog/status", None),
    ("GET", "/api/watchdog/status", {"Host": "evil.example"}),
]


@pytest.mark.parametrize("server", ["backend", "web"])
def test_error_answers_carry_no_stack_trace_and_no_path(guardian: Headless, server: str) -> None:
    base = guardian.backend_url if server == "backend" else guardian.web_url
    requests_ = BACKEND_ERRORS if server == "backend" else WEB_ERRORS
    markers = _machine_markers(guardian)
    for method, path, headers in requests_:
        answer = _raw(base, method, path, headers)
        status = int(answer.split("\n", 1)[0])
        assert 400 <= status < 500, (method, path[:80], answer[:300])
        leaks = [marker for marker in markers if marker in answer]
        assert not leaks, (method, path[:80], leaks, answer[:500])


def test_a_broken_database_is_reported_without_trace_or_path(guardian: Headless) -> None:
    markers = _machine_markers(guardian)
    original = guardian.database.read_bytes()
    try:
        guardian.database.write_bytes(b"\0garbage" * 512)
        health = requests.get(guardian.backend_url + "/health", timeout=5).json()
        status = requests.get(
            guardian.backend_url + "/api/v1/system/status", params={"max_age": 0}, timeout=10
        ).json()
        proxied = requests.get(guardian.web_url + "/api/backend/status", timeout=10).json()
    finally:
        guardian.database.write_bytes(original)
    assert health["status"] == "degraded"
    assert status["database"]["error"] == "file is not a database"
    # The status answer names the database's own path on purpose (docs/API.md); its error
    # texts and the health answer must not add any.
    for text in (
        json.dumps(health),
        json.dumps([status["database"]["error"], status["errors"]]),
        json.dumps([proxied["database"]["error"], proxied["errors"]]),
    ):
        assert not [marker for marker in markers if marker in text], text
