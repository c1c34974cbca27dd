"""The tray's web page server: renewed only when its own settings change, never raising."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from tray_app.config import GuardianConfig
from tray_app.gui.web_page import WebPage


@dataclass
class FakeServer:
    url: str
    fail_to_stop: bool = False
    stopped: bool = False

    def stop(self) -> None:
        self.stopped = True
        if self.fail_to_stop:
            raise OSError("socket already closed")


@dataclass
class Factory:
    fail: bool = False
    made: list[FakeServer] = field(default_factory=list)

    def __call__(self, engine: object, config: GuardianConfig) -> FakeServer:
        del engine
        if self.fail:
            raise OSError("address in use")
        server = FakeServer(f"http://{config.web_host}:{config.web_port}/")
        self.made.append(server)
        return server


ENGINE: Any = object()  # the page server never looks at it here


def test_a_new_access_key_renews_the_server_and_other_settings_do_not() -> None:
    factory = Factory()
    page = WebPage(factory)
    config = GuardianConfig(web_port=8766)
    page.start(ENGINE, config)
    assert page.available and page.url == "http://127.0.0.1:8766/"

    quieter = config.model_copy(update={"check_interval": 5.0})
    assert not page.reconfigure(ENGINE, config, quieter)
    assert len(factory.made) == 1 and not factory.made[0].stopped

    keyed = quieter.model_copy(update={"metrics_token": "a-long-enough-secret"})
    assert page.reconfigure(ENGINE, quieter, keyed)
    assert [server.stopped for server in factory.made] == [True, False]

    no_page = keyed.model_copy(update={"web_port": 0})
    assert page.reconfigure(ENGINE, keyed, no_page)
    assert not page.available and page.url is None
    assert len(factory.made) == 2 and factory.made[1].stopped


def test_a_server_that_fails_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    page = WebPage(Factory(fail=True))
    page.start(ENGINE, GuardianConfig(web_port=8766))
    assert not page.available
    assert "the web status page could not start" in caplog.text

    factory = Factory()
    page = WebPage(factory)
    page.start(ENGINE, GuardianConfig(web_port=8766))
    factory.made[0].fail_to_stop = True
    page.stop()
    assert not page.available
    assert "the web status page did not stop cleanly" in caplog.text


def test_no_factory_or_port_zero_means_no_page() -> None:
    page = WebPage(None)
    page.start(ENGINE, GuardianConfig(web_port=8766))
    assert not page.available
    factory = Factory()
    page = WebPage(factory)
    page.start(ENGINE, GuardianConfig(web_port=0))
    assert not page.available and factory.made == []
