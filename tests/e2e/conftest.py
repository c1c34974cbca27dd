"""End-to-end fixtures: the built page, headless Chromium, and a supervisor on the real backend.

Chromium is Debian's own (`chromium` on PATH, or ERP_GUARDIAN_CHROMIUM), driven by Playwright
without downloading a browser. Screenshots go to artifacts/e2e/ (not tracked by git); a failing
test leaves a screenshot of each page it opened there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.waiting import free_port
from tests.watchdog.conftest import guard  # noqa: F401  (re-exported fixture)
from tests.watchdog.harness import Guard, StartGuard
from tray_app.watchdog import EventName
from tray_app.web.server import WebServer, start_web_server

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "e2e"
# The flags of ../shared/RECIPES.md that apply to a Playwright launch (it brings its own
# --headless and profile directory).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_TIMEOUT_MS = 10_000
FAILED_KEY = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Remember a failed test body, so the page fixture can keep a screenshot of it."""
    report = yield
    if call.when == "call" and report.failed:
        item.stash[FAILED_KEY] = True
    return report


@pytest.fixture(scope="session")
def page_dist() -> Path:
    """frontend/dist, built first when missing or older than its sources."""
    dist = REPO / "frontend" / "dist"
    if shutil.which("npm") is None:
        if not (dist / "index.html").exists():
            pytest.skip("the page is not built (frontend/dist) and npm is not installed")
        return dist
    built = subprocess.run(
        ["bash", str(REPO / "scripts" / "build-frontend.sh")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, f"building the page failed:\n{built.stdout}\n{built.stderr}"
    return dist


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = os.environ.get("ERP_GUARDIAN_CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Stack:
    """A supervisor on the real bundled backend, with its page server."""

    guard: Guard
    server: WebServer

    def api(self, path: str) -> Any:
        answer = requests.get(self.server.base_url + path, timeout=10)
        assert answer.status_code == 200, (path, answer.status_code, answer.text)
        return answer.json()


StartStack = Callable[..., Stack]


@pytest.fixture
def start_stack(guard: StartGuard, page_dist: Path) -> Iterator[StartStack]:  # noqa: F811
    """start(**config) -> a healthy Stack; the servers end here, the supervisors in `guard`."""
    servers: list[WebServer] = []

    def start(**config: Any) -> Stack:
        g = guard(web_port=free_port(), **config)
        server = start_web_server(g.supervisor, g.config, dist_dir=page_dist)
        servers.append(server)
        g.wait_event(EventName.HEALTHY, timeout_s=30)
        return Stack(g, server)

    try:
        yield start
    finally:
        for server in servers:
            server.stop()


OpenPage = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[OpenPage]:
    """open(url, width) -> a Page in a fresh English-language context, closed after the test."""
    contexts: list[BrowserContext] = []

    def open_(url: str, width: int = 1280, height: int = 800) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    try:
        yield open_
    finally:
        failed = request.node.stash.get(FAILED_KEY, False)
        for number, context in enumerate(contexts):
            if failed:
                for page in context.pages:
                    save_screenshot(page, f"failed-{request.node.name}-{number}")
            context.close()


def save_screenshot(page: Page, name: str) -> Path:
    """A full-page PNG in artifacts/e2e/, named for what it shows."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path
