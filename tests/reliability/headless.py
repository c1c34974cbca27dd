"""`erp-guardian run --headless` as a real process with its default addresses, for the
security tests: its backend, its web server, and the token URL it prints."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests
import tomli_w

from tests.reliability.faults import REPO_ROOT
from tests.waiting import free_port, wait_for

TOKEN_URL = re.compile(r"status page: (http://\S+/\?token=(\S+))")


@dataclass(frozen=True)
class Headless:
    process: subprocess.Popen[bytes]
    backend_url: str
    web_url: str
    token: str
    database: Path

    def tree(self) -> list[psutil.Process]:
        root = psutil.Process(self.process.pid)
        return [root, *root.children(recursive=True)]


@contextmanager
def headless_guardian(folder: Path) -> Iterator[Headless]:
    """Started with a config that sets only ports and folders; SIGTERMed and checked after."""
    config = folder / "config.toml"
    port, web_port = free_port(), free_port()
    values = {
        "port": port,
        "web_port": web_port,
        "log_dir": str(folder / "log"),
        "data_dir": str(folder / "data"),
    }
    config.write_text(tomli_w.dumps(values))
    console = folder / "console.txt"
    with console.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tray_app", "run", "--headless", "--config", str(config)],
            cwd=REPO_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    tree: list[psutil.Process] = []
    try:
        found = wait_for(
            lambda: TOKEN_URL.search(console.read_text()),
            timeout_s=30,
            describe=console.read_text,
            message="the status page's URL on the console",
        )
        backend_url = f"http://127.0.0.1:{port}"
        wait_for(
            lambda: _answers(backend_url + "/health"),
            timeout_s=30,
            describe=console.read_text,
            message="the backend to answer",
        )
        guardian = Headless(
            process,
            backend_url,
            f"http://127.0.0.1:{web_port}",
            found.group(2),
            folder / "data" / "erp.sqlite3",
        )
        tree = guardian.tree()
        yield guardian
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()  # its backend dies with it (PR_SET_PDEATHSIG)
            process.wait(timeout=10)
        _, alive = psutil.wait_procs(tree[1:], timeout=10)
        assert not alive, f"left running: {alive}"


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).status_code == 200
    except requests.RequestException:
        return False
