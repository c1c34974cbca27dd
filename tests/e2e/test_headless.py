"""`erp-guardian run --headless` serves the page, found where the product looks for it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import OpenPage
from tests.e2e.status_page import StatusPage
from tests.waiting import free_port, wait_for
from tray_app.doctor import frontend_dist

STATUS_PAGE_LINE = re.compile(r"status page: (http://\S+\?token=\S+)")


@pytest.mark.e2e
@pytest.mark.skipif(sys.platform == "win32", reason="stopped with SIGTERM")
def test_headless_command_serves_the_page_with_its_token(
    page_dist: Path, open_page: OpenPage, tmp_path: Path
) -> None:
    assert frontend_dist() == page_dist  # the command serves the page the fixture built
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")  # not the user's own config file
    command = [
        *[sys.executable, "-m", "tray_app", "run", "--headless", "--config", str(config)],
        *["--port", str(free_port()), "--web-port", str(free_port())],
        *["--log-dir", str(tmp_path / "log"), "--data-dir", str(tmp_path / "data")],
    ]
    guardian = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(guardian.stdout or []), daemon=True)
    reader.start()
    backend_pid: int | None = None
    try:
        url = wait_for(
            lambda: next((m[1] for line in lines if (m := STATUS_PAGE_LINE.search(line))), None),
            timeout_s=30,
            describe=lambda: lines,
            message="the status page's address",
        )
        page = StatusPage(open_page(f"{url}&interval=1"))
        expect(page.state_chip()).to_have_text("Healthy", timeout=30_000)
        expect(page.button("Restart backend")).to_be_visible()  # the printed URL has the token
        pid_text = page.fact("Backend process", "Process ID").inner_text()
        backend_pid = int(pid_text)
        assert backend_pid in {child.pid for child in psutil.Process(guardian.pid).children()}

        guardian.send_signal(signal.SIGTERM)
        assert guardian.wait(timeout=30) == 0, lines
        assert not psutil.pid_exists(backend_pid), "the backend outlived the headless command"
    finally:
        if guardian.poll() is None:
            guardian.kill()
            guardian.wait(10)
        if backend_pid is not None and psutil.pid_exists(backend_pid):
            psutil.Process(backend_pid).kill()
        reader.join(5)
