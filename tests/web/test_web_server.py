"""The supervisor's web server against a real supervisor and a real backend."""

from __future__ import annotations

import os
import signal
import socket
from pathlib import Path

import pytest
import requests

from tests.waiting import wait_for
from tests.watchdog.harness import service_cmd
from tests.web.conftest import StartWeb
from tray_app.config import GuardianConfig
from tray_app.watchdog import EventName, State, Supervisor
from tray_app.watchdog.model import UserCommand
from tray_app.web.server import start_web_server


def test_status_and_events_describe_the_supervisor(web: StartWeb) -> None:
    g, server = web(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    status = requests.get(f"{server.base_url}/api/watchdog/status", timeout=5).json()
    assert status["state"] == "healthy" and status["health"] == "ok"
    assert status["pid"] == g.backend_pid()
    assert status["uptime_s"] > 0
    events = requests.get(f"{server.base_url}/api/watchdog/events?limit=5", timeout=5).json()
    assert [e["event"] for e in events["events"]] == ["starting", "healthy"]


def test_control_actions_need_the_token(web: StartWeb) -> None:
    g, server = web(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    pid = g.backend_pid()
    refused = requests.post(f"{server.base_url}/api/watchdog/restart", timeout=5)
    assert refused.status_code == 403 and "token" in refused.json()["detail"]
    wrong = requests.post(
        f"{server.base_url}/api/watchdog/restart", headers={"X-Guardian-Token": "guess"}, timeout=5
    )
    assert wrong.status_code == 403
    assert g.backend_pid() == pid
    ok = requests.post(
        f"{server.base_url}/api/watchdog/restart",
        headers={"X-Guardian-Token": server.token},
        timeout=5,
    )
    assert ok.status_code == 202 and ok.json() == {"accepted": True, "action": "restart"}
    wait_for(lambda: g.supervisor.snapshot().pid not in (None, pid), message="new pid")
    assert server.url.endswith(f"?token={server.token}")


def test_pause_and_resume_have_routes_and_leave_the_backend_running(web: StartWeb) -> None:
    g, server = web(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    pid = g.backend_pid()
    token = {"X-Guardian-Token": server.token}
    assert requests.post(f"{server.base_url}/api/watchdog/pause", timeout=5).status_code == 403
    paused = requests.post(f"{server.base_url}/api/watchdog/pause", headers=token, timeout=5)
    assert paused.status_code == 202 and paused.json() == {"accepted": True, "action": "pause"}
    g.wait_state(State.PAUSED)
    status = requests.get(f"{server.base_url}/api/watchdog/status", timeout=5).json()
    assert status["state"] == "paused" and status["pid"] == pid
    assert "resume" in status["allowed_commands"]
    resumed = requests.post(f"{server.base_url}/api/watchdog/resume", headers=token, timeout=5)
    assert resumed.status_code == 202 and resumed.json()["action"] == "resume"
    g.wait_event(EventName.RESUMED)
    g.wait_state(State.HEALTHY)


def test_every_user_command_has_a_route(web: StartWeb) -> None:
    _, server = web(backend_cmd=service_cmd())
    schema = requests.get(f"{server.base_url}/api/openapi.json", timeout=5).json()
    for command in UserCommand:
        answers = schema["paths"][f"/api/watchdog/{command.value}"]["post"]["responses"]
        assert answers["202"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ActionAccepted"
        }
        assert "403" in answers


def test_foreign_host_header_is_refused(web: StartWeb) -> None:
    _, server = web(backend_cmd=service_cmd())
    answer = requests.get(
        f"{server.base_url}/api/watchdog/status", headers={"Host": "evil.example"}, timeout=5
    )
    assert answer.status_code == 400
    local = requests.get(
        f"{server.base_url}/api/watchdog/status",
        headers={"Host": f"localhost:{server.port}"},
        timeout=5,
    )
    assert local.status_code == 200


def test_bad_query_gets_422_with_a_reason(web: StartWeb) -> None:
    _, server = web(backend_cmd=service_cmd())
    answer = requests.get(f"{server.base_url}/api/watchdog/events?limit=abc", timeout=5)
    assert answer.status_code == 422
    assert "limit" in answer.text


def test_backend_figures_are_proxied_and_an_outage_is_a_503(web: StartWeb) -> None:
    g, server = web(backend_env={"ERP_GUARDIAN_FAULTS": "1"}, check_interval=30)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    figures = requests.get(f"{server.base_url}/api/backend/status", timeout=10)
    assert figures.status_code == 200
    assert figures.json()["process"]["pid"] == g.backend_pid()
    reset = requests.post(f"{server.base_url}/api/backend/reset-cache", timeout=10)
    assert reset.status_code == 200 and reset.json()["reset"] is True
    g.supervisor.stop()
    g.wait_state(State.STOPPED)
    down = requests.get(f"{server.base_url}/api/backend/status", timeout=10)
    assert down.status_code == 503
    assert down.json() == {"detail": "backend unreachable: connection refused"}
    # The watchdog's own API answers while the backend is down.
    assert requests.get(f"{server.base_url}/api/watchdog/status", timeout=5).json()["state"] == (
        "stopped"
    )


def test_built_page_is_served_and_missing_build_explained(web: StartWeb, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><div id=root>page</div>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    _, server = web(dist=dist, backend_cmd=service_cmd())
    assert "id=root" in requests.get(server.base_url + "/", timeout=5).text
    assert requests.get(server.base_url + "/assets/app.js", timeout=5).status_code == 200
    _, bare = web(backend_cmd=service_cmd())
    assert "has not been built" in requests.get(bare.base_url + "/", timeout=5).text


def test_taken_web_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        config = GuardianConfig(web_port=holder.getsockname()[1], log_dir=str(tmp_path))
        with pytest.raises(OSError):
            start_web_server(Supervisor(config), config)


def test_web_server_binds_loopback_only(web: StartWeb) -> None:
    g, server = web(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    import psutil

    mine = [
        c.laddr
        for c in psutil.Process(os.getpid()).net_connections(kind="tcp")
        if c.status == psutil.CONN_LISTEN and c.laddr.port == server.port
    ]
    assert [addr.ip for addr in mine] == ["127.0.0.1"]
    os.kill(g.backend_pid(), signal.SIGKILL)  # and the page server survives a backend crash
    g.wait_event(EventName.RECOVERED)
    assert requests.get(f"{server.base_url}/api/watchdog/status", timeout=5).ok
