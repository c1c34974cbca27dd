"""One backend address for every caller: URLs with IPv6 in brackets, wildcards on loopback,
and a port check that binds the family the backend will bind."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tray_app.config import GuardianConfig
from tray_app.doctor.model import Status
from tray_app.doctor.ports_check import backend_port_check
from tray_app.watchdog.address import backend_base_url, bind_target, connect_host
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import port_is_free
from tray_app.watchdog.probe import HealthProbe


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8765"),
        ("192.168.1.20", "http://192.168.1.20:8765"),
        ("::1", "http://[::1]:8765"),
        ("[::1]", "http://[::1]:8765"),
        ("fe80::1", "http://[fe80::1]:8765"),
        ("0.0.0.0", "http://127.0.0.1:8765"),
        ("", "http://127.0.0.1:8765"),
        ("::", "http://[::1]:8765"),
        ("localhost", "http://localhost:8765"),
        ("erp.example.lan", "http://erp.example.lan:8765"),
    ],
)
def test_backend_base_url(host: str, url: str) -> None:
    assert backend_base_url(host, 8765) == url


def test_wildcards_are_reached_on_the_loopback_of_their_family() -> None:
    assert connect_host("0.0.0.0") == "127.0.0.1"
    assert connect_host("::") == "::1"
    assert connect_host("10.0.0.5") == "10.0.0.5"


@pytest.mark.parametrize(
    ("host", "family", "bound"),
    [
        ("127.0.0.1", socket.AF_INET, "127.0.0.1"),
        ("0.0.0.0", socket.AF_INET, "0.0.0.0"),
        ("", socket.AF_INET, ""),
        ("::1", socket.AF_INET6, "::1"),
        ("[::1]", socket.AF_INET6, "::1"),
        ("::", socket.AF_INET6, "::"),
    ],
)
def test_bind_target_uses_the_family_of_the_address(
    host: str, family: socket.AddressFamily, bound: str
) -> None:
    target = bind_target(host)
    assert (target.family, target.host) == (family, bound)


def test_a_name_is_bound_where_it_resolves() -> None:
    expected = socket.getaddrinfo(
        "localhost", None, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    target = bind_target("localhost")
    assert (target.family, target.host) == (expected[0], expected[4][0])


def test_health_url_of_config_uses_the_shared_address() -> None:
    assert GuardianConfig(host="::1", port=8123).effective_health_url == "http://[::1]:8123/health"
    assert GuardianConfig(host="::", port=8123).effective_health_url == "http://[::1]:8123/health"


def test_port_check_on_ipv6_loopback_sees_free_and_taken() -> None:
    """An IPv4 probe socket cannot bind ::1 at all: every IPv6 port looked taken."""
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as holder:
        holder.bind(("::1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert not port_is_free(current(), "::1", port)
        assert not port_is_free(current(), "[::1]", port)
    assert port_is_free(current(), "::1", port)


def test_port_check_on_the_ipv6_wildcard_sees_an_ipv4_listener() -> None:
    """Linux binds :: for both families: a 127.0.0.1 listener blocks it, as it blocks the
    backend's own bind."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert not port_is_free(current(), "127.0.0.1", port)
        assert not port_is_free(current(), "::", port)


def _serve_health(host: str) -> tuple[ThreadingHTTPServer, threading.Thread]:
    class Health(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"status": "ok"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: ARG002
            return

    server = ThreadingHTTPServer((host, 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def test_the_probe_reaches_a_backend_bound_to_the_ipv4_wildcard_on_loopback() -> None:
    server, thread = _serve_health("0.0.0.0")
    try:
        config = GuardianConfig(host="0.0.0.0", port=server.server_address[1])
        assert config.effective_health_url.startswith("http://127.0.0.1:")
        probe = HealthProbe(config.effective_health_url)
        try:
            result = probe.check(timeout_s=5)
        finally:
            probe.close()
        assert result.alive, result.detail
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_the_doctor_checks_a_wildcard_port_as_the_backend_would_bind_it(tmp_path: Path) -> None:
    """0.0.0.0 is checked by binding it, as the backend will: a listener on any local address
    (127.0.0.2 here, which a check of 127.0.0.1 alone would miss) makes the backend fail."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.2", 0))
        holder.listen()
        port = holder.getsockname()[1]
        config = GuardianConfig(host="0.0.0.0", port=port, data_dir=str(tmp_path))
        assert backend_port_check(config).status is Status.FAIL
    assert backend_port_check(config).status is Status.OK
