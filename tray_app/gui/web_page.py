"""The web status page's server as the tray app runs it: started with the engine, renewed when
the settings it is built from change, stopped at quit.

The tray and the watchdog work without the page, so a server that does not start is logged
and left out, and one that does not stop cleanly is logged; neither raises.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from tray_app.config import GuardianConfig
from tray_app.gui.engine_bridge import Engine

log = logging.getLogger(__name__)


class WebServer(Protocol):
    url: str

    def stop(self) -> None: ...


WebFactory = Callable[[Any, GuardianConfig], WebServer | None]


def _server_settings(config: GuardianConfig) -> tuple[object, ...]:
    """What the page server is built from (address, and access from other computers)."""
    return (config.web_host, config.web_port, config.metrics_token, config.web_allowed_hosts)


class WebPage:
    """The page's server, or none (no factory, web_port 0, or it failed to start)."""

    def __init__(self, factory: WebFactory | None) -> None:
        self._factory = factory
        self.server: WebServer | None = None

    @property
    def available(self) -> bool:
        return self.server is not None

    @property
    def url(self) -> str | None:
        return self.server.url if self.server is not None else None

    def start(self, engine: Engine, config: GuardianConfig) -> None:
        if self._factory is None or not config.web_port:
            return
        try:
            self.server = self._factory(engine, config)
        except Exception:  # the tray and the watchdog work without the page
            log.exception("the web status page could not start")

    def reconfigure(self, engine: Engine, old: GuardianConfig, new: GuardianConfig) -> bool:
        """Renew the server if the settings it holds changed; True if it was renewed."""
        if _server_settings(new) == _server_settings(old):
            return False
        self.stop()
        self.start(engine, new)
        return True

    def stop(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            try:
                server.stop()
            except Exception:
                log.exception("the web status page did not stop cleanly")
