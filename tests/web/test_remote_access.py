"""Reading from other machines: the bearer token, control actions kept on loopback, Host names.

The app is asked as a client on another machine would ask it (Starlette's TestClient with a
LAN client address); one test connects through a real LAN address of this machine."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.metrics.scrape import value
from tests.waiting import free_port
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.config import ConfigError, validate_values
from tray_app.watchdog import EventName
from tray_app.web.app import create_web_app
from tray_app.web.remote_access import RemoteAccess
from tray_app.web.server import start_web_server

METRICS_TOKEN = "scrape-me-0123456789abcdef"
LAN_CLIENT = ("192.0.2.10", 40000)  # TEST-NET-1: never this machine
ALLOWED = "ws-07.branch.example"


@pytest.fixture
def clients(guard: StartGuard, tmp_path: Path) -> Iterator[tuple[TestClient, TestClient]]:
    """(a client on another machine, one on this machine), against one app."""
    g = guard(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    access = RemoteAccess(METRICS_TOKEN, ("localhost", "127.0.0.1", ALLOWED))
    app = create_web_app(g.supervisor, "per-run", "http://127.0.0.1:9", tmp_path, access=access)
    with (
        TestClient(app, base_url=f"http://{ALLOWED}", client=LAN_CLIENT) as lan,
        TestClient(app, base_url="http://127.0.0.1", client=("127.0.0.1", 40001)) as local,
    ):
        yield lan, local


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("path", ["/metrics", "/api/watchdog/status", "/api/watchdog/events"])
def test_another_machine_reads_with_the_token_only(
    clients: tuple[TestClient, TestClient], path: str
) -> None:
    lan, _local = clients
    no_token = lan.get(path)
    assert no_token.status_code == 401 and no_token.headers["WWW-Authenticate"] == "Bearer"
    assert lan.get(path, headers=bearer("wrong-token-0123456789")).status_code == 401
    assert lan.get(path, headers={"Authorization": f"Basic {METRICS_TOKEN}"}).status_code == 401
    assert lan.get(path, headers=bearer(METRICS_TOKEN)).status_code == 200


def test_metrics_answer_in_the_text_format(clients: tuple[TestClient, TestClient]) -> None:
    lan, _local = clients
    answer = lan.get("/metrics", headers=bearer(METRICS_TOKEN))
    assert answer.headers["content-type"].startswith("text/plain")
    assert value(answer.content, "erp_guardian_up") == 1


@pytest.mark.parametrize("action", ["restart", "stop", "pause"])
def test_control_actions_are_refused_to_another_machine_whatever_it_brings(
    clients: tuple[TestClient, TestClient], action: str
) -> None:
    lan, _local = clients
    both = {**bearer(METRICS_TOKEN), "X-Guardian-Token": "per-run"}
    refused = lan.post(f"/api/watchdog/{action}", headers=both)
    assert refused.status_code == 403 and "this computer" in refused.json()["detail"]
    assert lan.post("/api/backend/reset-cache", headers=both).status_code == 403


def test_this_machine_needs_no_bearer_token(clients: tuple[TestClient, TestClient]) -> None:
    _lan, local = clients
    assert local.get("/metrics").status_code == 200
    assert local.get("/api/watchdog/status").status_code == 200
    assert local.post("/api/watchdog/pause").status_code == 403  # still the per-run token
    assert local.post("/api/watchdog/pause", headers={"X-Guardian-Token": "per-run"}).is_success


def test_a_foreign_host_name_is_refused_even_with_the_token(
    clients: tuple[TestClient, TestClient],
) -> None:
    lan, local = clients
    headers = {**bearer(METRICS_TOKEN), "Host": "attacker.example"}
    assert lan.get("/metrics", headers=headers).status_code == 400
    assert (
        local.get("/api/watchdog/status", headers={"Host": "attacker.example"}).status_code == 400
    )


def test_without_a_token_no_other_machine_gets_in(guard: StartGuard, tmp_path: Path) -> None:
    g = guard(backend_cmd=service_cmd())
    app = create_web_app(g.supervisor, "per-run", "http://127.0.0.1:9", tmp_path)
    with TestClient(app, base_url="http://localhost", client=LAN_CLIENT) as lan:
        assert lan.get("/metrics", headers=bearer("")).status_code == 403


def test_allowed_hosts_come_from_the_config() -> None:
    config = validate_values(
        {"web_host": "10.1.2.3", "metrics_token": METRICS_TOKEN, "web_allowed_hosts": "a.ex b.ex"}
    )
    hosts = RemoteAccess.of(config).allowed_hosts
    assert {"localhost", "127.0.0.1", "10.1.2.3", "a.ex", "b.ex"} <= set(hosts)
    wildcard = validate_values({"web_host": "0.0.0.0", "metrics_token": METRICS_TOKEN})
    assert "0.0.0.0" not in RemoteAccess.of(wildcard).allowed_hosts


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "ws-07.branch.example"])
def test_a_lan_bind_without_a_token_is_a_config_error_naming_both_keys(host: str) -> None:
    with pytest.raises(ConfigError) as raised:
        validate_values({"web_host": host})
    assert "web_host" in str(raised.value) and "metrics_token" in str(raised.value)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_binds_need_no_token(host: str) -> None:
    assert validate_values({"web_host": host}).metrics_token == ""


def test_a_short_token_is_refused() -> None:
    with pytest.raises(ConfigError, match="metrics_token"):
        validate_values({"metrics_token": "secret"})


def _lan_address() -> str | None:
    """An address of this machine that is not loopback (none in some sandboxes)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_a_real_server_on_all_addresses_asks_lan_clients_for_the_token(
    guard: StartGuard, tmp_path: Path
) -> None:
    address = _lan_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    g = guard(
        backend_cmd=service_cmd(),
        web_host="0.0.0.0",
        web_port=free_port(),
        metrics_token=METRICS_TOKEN,
        web_allowed_hosts=[address],
    )
    g.wait_event(EventName.HEALTHY)
    server = start_web_server(g.supervisor, g.config, dist_dir=tmp_path / "no-dist")
    try:
        url = f"http://{address}:{server.port}"
        assert httpx.get(f"{url}/metrics", timeout=5).status_code == 401
        wrong = httpx.get(f"{url}/metrics", headers=bearer("wrong-token-0123456789"), timeout=5)
        assert wrong.status_code == 401
        scraped = httpx.get(f"{url}/metrics", headers=bearer(METRICS_TOKEN), timeout=5)
        assert scraped.status_code == 200 and value(scraped.content, "erp_guardian_up") == 1
        restart = httpx.post(
            f"{url}/api/watchdog/restart",
            headers={**bearer(METRICS_TOKEN), "X-Guardian-Token": server.token},
            timeout=5,
        )
        assert restart.status_code == 403
        local = httpx.get(f"http://127.0.0.1:{server.port}/metrics", timeout=5)
        assert local.status_code == 200
    finally:
        server.stop()
