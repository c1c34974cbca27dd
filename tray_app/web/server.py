"""Runs the web app with uvicorn in a thread of the supervisor's process."""

from __future__ import annotations

import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from tray_app.config import GuardianConfig
from tray_app.doctor import frontend_dist
from tray_app.metrics.registry import metrics_of
from tray_app.watchdog import Supervisor
from tray_app.watchdog.address import backend_base_url, bind_target, url_host
from tray_app.web.app import create_web_app
from tray_app.web.remote_access import RemoteAccess

STARTUP_TIMEOUT_S = 10.0


@dataclass
class WebServer:
    """A running page server. `url` carries the per-run token that control actions need."""

    host: str
    port: int
    token: str
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.base_url}/?token={self.token}"

    def stop(self, timeout_s: float = 5.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout_s)


def _bind(host: str, port: int) -> socket.socket:
    """Bind here, so a taken port is an OSError for the caller, not an exit inside uvicorn."""
    target = bind_target(host)
    sock = socket.socket(target.family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((target.host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(False)  # the backend child must not inherit our listening socket
    return sock


def start_web_server(
    supervisor: Supervisor, config: GuardianConfig, dist_dir: Path | None = None
) -> WebServer:
    """Serve the page and the API on config.web_host:web_port; raises OSError if taken."""
    sock = _bind(config.web_host, config.web_port)
    token = secrets.token_urlsafe(24)
    backend_url = backend_base_url(config.host, config.port)
    app = create_web_app(
        supervisor,
        token,
        backend_url,
        dist_dir or frontend_dist(),
        log_dir=config.log_path,
        access=RemoteAccess.of(config),
        metrics=metrics_of(supervisor),
    )
    server = uvicorn.Server(
        uvicorn.Config(app, log_config=None, access_log=False, lifespan="off", workers=1)
    )
    # uvicorn captures signals only in the main thread; in this thread the owner keeps them.
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="web-server"
    )
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    port = sock.getsockname()[1]
    return WebServer(config.web_host, port, token, server, thread)
