"""GET /api/watchdog/backups on the real server: the backups of a real folder, read-only."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from tests.watchdog.harness import service_cmd
from tests.web.conftest import StartWeb
from tray_app.backup.creating import create_backup
from tray_app.backup.model import BackupKind
from tray_app.backup.store import BackupStore
from tray_app.config import GuardianConfig


def _erp_files(tmp_path: Path) -> dict[str, str]:
    database = tmp_path / "erp.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
        db.execute("INSERT INTO orders (total) VALUES (12.5)")
    db.close()
    return {"database_path": str(database), "backup_dir": str(tmp_path / "backups")}


def test_lists_the_backups_and_the_age_of_the_newest_good_one(
    web: StartWeb, tmp_path: Path
) -> None:
    files = _erp_files(tmp_path)
    config = GuardianConfig(**files)
    # Yesterday's: retention keeps the newest copy of each day only.
    yesterday = datetime.now(UTC) - timedelta(hours=27)
    good = create_backup(config, BackupKind.DAILY, lambda: yesterday).info
    damaged = create_backup(config, BackupKind.MANUAL).info
    assert good is not None and damaged is not None
    store = BackupStore(tmp_path / "backups")
    store.save(replace(damaged, verified=False, problem="page 3: btree damaged"))
    _g, server = web(backend_cmd=service_cmd(), warn_backup_age_h=26, **files)

    answer = requests.get(f"{server.base_url}/api/watchdog/backups", timeout=5)

    assert answer.status_code == 200
    body = answer.json()
    assert [(b["id"], b["kind"], b["verified"]) for b in body["backups"]] == [
        (good.id, "daily", True),
        (damaged.id, "manual", False),
    ]
    assert body["backups"][0]["size_bytes"] == good.size_bytes > 0
    assert datetime.fromisoformat(body["backups"][0]["time"]) == good.time
    # The unverified newer copy does not count: the good one is 27 hours old.
    assert 27 * 3600 <= body["last_good_age_s"] < 27 * 3600 + 60
    assert body["warn_age_s"] == 26 * 3600
    assert "problem" not in body["backups"][1] and "source" not in body["backups"][1]


def test_no_backup_yet_is_an_empty_list_without_an_age(web: StartWeb, tmp_path: Path) -> None:
    _g, server = web(backend_cmd=service_cmd(), warn_backup_age_h=0, **_erp_files(tmp_path))
    body = requests.get(f"{server.base_url}/api/watchdog/backups", timeout=5).json()
    assert body == {"backups": [], "last_good_age_s": None, "warn_age_s": None}


def test_no_restore_or_create_is_reachable_even_with_the_token(
    web: StartWeb, tmp_path: Path
) -> None:
    files = _erp_files(tmp_path)
    config = GuardianConfig(**files)
    info = create_backup(config, BackupKind.MANUAL).info
    assert info is not None
    _g, server = web(backend_cmd=service_cmd(), **files)
    database = Path(files["database_path"])
    with sqlite3.connect(database) as db:
        db.execute("INSERT INTO orders (total) VALUES (99.0)")  # newer than the backup
    db.close()
    before = database.read_bytes()
    token = {"X-Guardian-Token": server.token}
    base = f"{server.base_url}/api/watchdog/backups"
    attempts = [
        requests.post(base, headers=token, json={"op": "restore", "id": info.id}, timeout=5),
        requests.put(base, headers=token, timeout=5),
        requests.delete(base, headers=token, timeout=5),
        requests.post(f"{base}/{info.id}/restore", headers=token, timeout=5),
        requests.post(f"{base}/{info.id}", headers=token, timeout=5),
        requests.post(f"{server.base_url}/api/watchdog/restore", headers=token, timeout=5),
    ]
    assert [a.status_code for a in attempts] == [405, 405, 405, 404, 404, 404]
    assert database.read_bytes() == before
    assert [b.id for b in BackupStore(tmp_path / "backups").list()] == [info.id]
    document = requests.get(f"{server.base_url}/api/openapi.json", timeout=5).json()
    backup_paths = {p: set(ops) for p, ops in document["paths"].items() if "backup" in p}
    assert backup_paths == {"/api/watchdog/backups": {"get"}}
