"""The README's "Guard your own ERP" example, run as written: an ERP of its own outside this
repository, with its own database path, mounting the status kit, guarded by a real guardian."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import tomli_w

from tests.reliability.faults import REPO_ROOT
from tests.waiting import free_port, wait_for


def readme_example() -> str:
    """The python block of the README's section, unindented."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Guard your own ERP", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert block, "the README's example is missing"
    return "\n".join(line.removeprefix("   ") for line in block.group(1).splitlines()) + "\n"


def _events(log_dir: Path) -> list[dict[str, Any]]:
    path = log_dir / "events.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@contextmanager
def guarded_erp(folder: Path) -> Iterator[tuple[str, Path, Path]]:
    erp = folder / "erp"  # a folder of its own, as C:\ERP would be
    (erp / "erp").mkdir(parents=True)
    (erp / "erp" / "__init__.py").write_text("")
    (erp / "erp" / "main.py").write_text(readme_example(), encoding="utf-8")
    (erp / "requirements.txt").write_text("fastapi\nuvicorn\nerp-guardian-status\n")
    port = free_port()
    config = folder / "config.toml"
    database = erp / "data" / "firma.db"
    values = {
        "backend_cmd": [sys.executable, "-m", "uvicorn", "erp.main:app", "--port", "{port}"],
        "backend_cwd": str(erp),
        "database_path": str(database),
        "port": port,
        "web_port": 0,
        "log_dir": str(folder / "log"),
        "data_dir": str(folder / "guardian-data"),
    }
    config.write_text(tomli_w.dumps(values), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    with (folder / "console.txt").open("wb") as out:
        guardian = subprocess.Popen(
            [sys.executable, "-m", "tray_app", "run", "--backend-only", "--config", str(config)],
            cwd=REPO_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        yield f"http://127.0.0.1:{port}", config, database
    finally:
        guardian.send_signal(signal.SIGTERM)
        try:
            guardian.wait(timeout=30)
        except subprocess.TimeoutExpired:
            guardian.kill()
            guardian.wait(timeout=10)


def _healthy_pids(log_dir: Path) -> list[int]:
    return [e["pid"] for e in _events(log_dir) if e["event"] in ("healthy", "recovered")]


def test_the_readme_example_is_guarded_with_its_own_database(tmp_path: Path) -> None:
    log_dir = tmp_path / "log"
    with guarded_erp(tmp_path) as (url, config, database):
        first = wait_for(
            lambda: _healthy_pids(log_dir),
            timeout_s=30,
            describe=lambda: (tmp_path / "console.txt").read_text(),
            message="the ERP to be healthy",
        )[0]
        client = httpx.Client(base_url=url, timeout=10)
        assert client.post(
            "/invoices", params={"customer": "Meier", "amount_cents": 1999}
        ).is_success
        status = client.get("/api/v1/system/status").json()
        assert Path(status["database"]["path"]) == database
        assert {"name": "invoices", "rows": 1} in [
            {"name": t["name"], "rows": t["rows"]} for t in status["database"]["tables"]
        ]
        assert client.get("/health").json()["status"] == "ok"
        client.close()

        os.kill(first, signal.SIGKILL)  # the ERP crashes: the guardian starts it again
        wait_for(
            lambda: [pid for pid in _healthy_pids(log_dir) if pid != first],
            timeout_s=30,
            describe=lambda: _events(log_dir)[-5:],
            message="the ERP healthy again in a new process",
        )
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT customer, amount_cents FROM invoices").fetchall()
        assert rows == [("Meier", 1999)]  # its own data, untouched by the guardian

        doctor = subprocess.run(
            [sys.executable, "-m", "tray_app", "doctor", "--config", str(config)],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "requirements" in doctor.stdout.lower(), doctor.stdout
        assert doctor.returncode == 0, doctor.stdout
