"""`erp-guardian backup create/restore` while a headless guardian runs: the requests go over
its control channel; it stops the backend, restores, and the backend is healthy again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from tests.backup.conftest import run_cli
from tests.backup.writer import writer_counts
from tests.reliability.faults import REPO_ROOT
from tests.reliability.headless import Headless, headless_guardian
from tests.waiting import wait_for


def _write_rows(db: Path, rows: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "tests.backup.writer", str(db), "--rows", str(rows)],
        cwd=REPO_ROOT,
        check=True,
        timeout=60,
    )


def _status(guardian: Headless) -> dict[str, Any]:
    try:
        body: dict[str, Any] = httpx.get(
            guardian.web_url + "/api/watchdog/status", timeout=2
        ).json()
    except httpx.HTTPError as error:
        return {"error": str(error)}
    return body


def test_restore_while_the_guardian_runs_brings_the_rows_back(tmp_path: Path) -> None:
    config = str(tmp_path / "config.toml")
    with headless_guardian(tmp_path) as guardian:
        _write_rows(guardian.database, 50)
        created = run_cli("backup", "create", "--config", config)
        assert created.returncode == 0, created.stdout + created.stderr
        assert "done by the running guardian" in created.stdout
        (entry,) = json.loads(run_cli("backup", "list", "--json", "--config", config).stdout)
        _write_rows(guardian.database, 100)
        assert writer_counts(str(guardian.database)) == (150, 150)
        pid_before = _status(guardian)["pid"]

        restored = run_cli("backup", "restore", entry["id"], "--yes", "--config", config)

        assert restored.returncode == 0, restored.stdout + restored.stderr
        assert "done by the running guardian" in restored.stdout
        status = wait_for(
            lambda: body if (body := _status(guardian)).get("state") == "healthy" else None,
            timeout_s=30,
            describe=lambda: _status(guardian),
            message="the backend healthy again",
        )
        assert status["pid"] != pid_before  # it was stopped and started again
        assert writer_counts(str(guardian.database)) == (50, 50)
        assert httpx.get(guardian.backend_url + "/health", timeout=2).json()["status"] == "ok"
        kept = sorted(guardian.database.parent.glob("erp.sqlite3.before-restore-*Z"))
        assert len(kept) == 1 and writer_counts(str(kept[0])) == (150, 150)
        events = (tmp_path / "log" / "events.jsonl").read_text()
        assert '"event": "backup"' in events  # written by the guardian, not the CLI
        assert "restored backup" in (tmp_path / "log" / "guardian.log").read_text()
