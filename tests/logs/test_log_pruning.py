"""Logs by age and by folder size: rotated files older than log_max_age_days go, at start and
after each rotation; the oldest rotated files go while the folder is above log_dir_max_mb;
the live files stay whatever their age or size."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from tray_app.config import GuardianConfig
from tray_app.logs.handlers import prune_rotated
from tray_app.logs.writer import GuardianLogs

DAY_S = 86400


def _file(path: Path, size: int, age_days: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    moment = time.time() - age_days * DAY_S
    os.utime(path, (moment, moment))
    return path


def _names(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_rotated_files_older_than_the_limit_go_at_start_live_files_stay(tmp_path: Path) -> None:
    log_dir = tmp_path / "log"
    _file(log_dir / "guardian.log", 100, age_days=90)  # live: stays, however old
    _file(log_dir / "guardian.log.1", 100, age_days=2)
    _file(log_dir / "guardian.log.2", 100, age_days=40)
    _file(log_dir / "events.jsonl.3", 100, age_days=31)
    _file(log_dir / "incidents" / "20250101T000000Z.txt", 100, age_days=90)
    config = GuardianConfig(log_dir=str(log_dir), data_dir=str(tmp_path / "data"))
    assert config.log_max_age_days == 30

    logs = GuardianLogs(config)
    logs.close()

    assert _names(log_dir) == {"guardian.log", "guardian.log.1", "incidents/20250101T000000Z.txt"}


def test_the_folder_cap_removes_the_oldest_rotated_files_first(tmp_path: Path) -> None:
    mb = 1024**2
    _file(tmp_path / "backend.log", 3 * mb, age_days=0)
    _file(tmp_path / "backend.log.1", mb, age_days=1)
    _file(tmp_path / "backend.log.2", mb, age_days=2)
    _file(tmp_path / "guardian.log.1", mb, age_days=3)

    removed = prune_rotated(tmp_path, max_age_days=0, folder_max_mb=5)

    assert [p.name for p in removed] == ["guardian.log.1"]
    assert _names(tmp_path) == {"backend.log", "backend.log.1", "backend.log.2"}
    removed = prune_rotated(tmp_path, max_age_days=0, folder_max_mb=1)
    assert _names(tmp_path) == {"backend.log"}  # over the cap alone, but live


def test_a_rotation_prunes_by_age(tmp_path: Path) -> None:
    log_dir = tmp_path / "log"
    config = GuardianConfig(
        log_dir=str(log_dir),
        data_dir=str(tmp_path / "data"),
        log_max_bytes=1024,
        log_backups=50,  # the standard rotation alone would keep them all
        log_max_age_days=1,
        log_dir_max_mb=0,
    )
    logs = GuardianLogs(config)
    try:
        _file(log_dir / "backend.log.30", 10, age_days=3)  # appears after the start
        backend = logging.getLogger("erp_guardian_backend_output")
        for n in range(40):  # well past 1 KiB: at least one rotation
            backend.info("line %d %s", n, "y" * 60)
    finally:
        logs.close()
    assert (log_dir / "backend.log.1").exists(), _names(log_dir)
    old = [p.name for p in log_dir.iterdir() if time.time() - p.stat().st_mtime > DAY_S]
    assert not old, _names(log_dir)
