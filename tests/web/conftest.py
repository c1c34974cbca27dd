"""Fixtures for the web server: a supervisor on a real backend plus its page server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.waiting import free_port
from tests.watchdog.conftest import guard  # noqa: F401  (re-exported fixture)
from tests.watchdog.harness import Guard, StartGuard
from tray_app.web.server import WebServer, start_web_server

StartWeb = Callable[..., tuple[Guard, WebServer]]


@pytest.fixture
def web(guard: StartGuard, tmp_path: Path) -> Iterator[StartWeb]:  # noqa: F811
    servers: list[WebServer] = []

    def start(dist: Path | None = None, **config: Any) -> tuple[Guard, WebServer]:
        g = guard(web_port=free_port(), **config)
        server = start_web_server(g.supervisor, g.config, dist_dir=dist or tmp_path / "no-dist")
        servers.append(server)
        return g, server

    try:
        yield start
    finally:
        for server in servers:
            server.stop()
