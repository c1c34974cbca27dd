"""The menu's "Open web dashboard": enabled once the page server runs, opens its token URL."""

from __future__ import annotations

from typing import Any

import httpx
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tests.gui.conftest import StartTray, wait_state
from tests.waiting import free_port
from tray_app.watchdog.model import State


class UrlCatcher(QObject):
    """Stands in for the browser: QDesktopServices hands http URLs to it."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_open_web_dashboard_opens_the_page_with_its_token(
    qtbot: Any, start_tray: StartTray
) -> None:
    from tray_app.web.server import start_web_server

    catcher = UrlCatcher()
    # The PySide6 stubs want the method name as bytes; at run time only str is accepted.
    QDesktopServices.setUrlHandler("http", catcher, "open")  # type: ignore[arg-type]
    try:
        running = start_tray(web_factory=start_web_server, web_port=free_port())
        wait_state(qtbot, running, State.HEALTHY)
        tray = running.controller.tray
        tray.rebuild_menu()
        assert tray.action("action_web").isEnabled()
        tray.action("action_web").trigger()
        assert len(catcher.opened) == 1
        url = catcher.opened[0]
        assert url.startswith(f"http://127.0.0.1:{running.config.web_port}/?token=")
        status = httpx.get(f"http://127.0.0.1:{running.config.web_port}/api/watchdog/status")
        assert status.json()["state"] == "healthy"
        running.controller.shutdown()
        try:
            httpx.get(url, timeout=2)
        except httpx.ConnectError:
            pass
        else:
            raise AssertionError("the page server still answers after Quit")
    finally:
        QDesktopServices.unsetUrlHandler("http")


def test_without_a_page_server_the_item_is_disabled(qtbot: Any, start_tray: StartTray) -> None:
    assert qtbot is not None
    running = start_tray()
    running.controller.tray.rebuild_menu()
    assert not running.controller.tray.action("action_web").isEnabled()
