"""One backend address for every caller: URLs with IPv6 in brackets, wildcards on loopback,
and a port check that binds the family the backend will bind."""

from __future__ import annotations

import socket

import pytest

from tray_app.config import GuardianConfig
from tray_app.watchdog.address import backend_base_url, bind_target, connect_host
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import port_is_free


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
