"""The backup rules: no good backup for warn_backup_age_h, backups on the database's nearly
full disk. Pure rules on Readings, the once-a-minute look with a fake one, and the real thing:
a real backup folder read by the real engine."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.early_warning.test_hysteresis import BASE, NOW
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.backup.creating import create_backup
from tray_app.backup.model import BackupKind
from tray_app.config import GuardianConfig
from tray_app.i18n.catalogue import render
from tray_app.watchdog import EventName, Level
from tray_app.watchdog.backup_watch import BackupWatch
from tray_app.watchdog.early_warning import GB, build_rules
from tray_app.watchdog.readings import ReadingCollector
from tray_app.watchdog.warning_monitor import WarningMonitor

HOUR = 3600.0


def _monitor(**config: float) -> WarningMonitor:
    settings = GuardianConfig(**config)
    return WarningMonitor(build_rules(settings), settings.warning_hysteresis)


def _changes(monitor: WarningMonitor, **figures: object) -> list[tuple[bool, str]]:
    reading = replace(BASE, **figures)  # type: ignore[arg-type]
    return [(c.raised, c.warning.rule) for c in monitor.update(reading, NOW)]


def test_no_good_backup_for_longer_than_the_limit_warns_until_a_new_one() -> None:
    monitor = _monitor(warn_backup_age_h=26)
    assert _changes(monitor, backup_age_s=25 * HOUR) == []
    (warning,) = [c.warning for c in monitor.update(replace(BASE, backup_age_s=27 * HOUR), NOW)]
    assert (warning.rule, warning.unit, warning.value, warning.threshold) == (
        "backup_age",
        "h",
        27.0,
        26.0,
    )
    assert warning.hint.startswith("no good backup of the database for 27 h (more than 26 h)")
    assert warning.hint_message is not None
    assert "Seit 27 Stunden gibt es keine gute Sicherung" in render(warning.hint_message, "de")
    assert _changes(monitor, backup_age_s=28 * HOUR) == []  # one warning, not one per look
    assert _changes(monitor, backup_age_s=60.0) == [(False, "backup_age")]


def test_backup_age_rule_is_off_at_zero_and_silent_without_a_database() -> None:
    assert _changes(_monitor(warn_backup_age_h=0), backup_age_s=900 * HOUR) == []
    assert _changes(_monitor(), backup_age_s=None) == []


def test_backups_on_the_databases_nearly_full_disk_warn() -> None:
    monitor = _monitor(warn_disk_free_gb=2)
    shared = {"backup_shared_volume": "D:\\", "backup_volume_free_bytes": int(1.5 * GB)}
    changes = monitor.update(replace(BASE, **shared), NOW)  # type: ignore[arg-type]
    (warning,) = [c.warning for c in changes]
    assert warning.rule == "backup_disk"
    assert warning.hint.startswith("the backups are on D:\\, the database's own disk, with only")
    assert "1.5 GB free (below 2.0 GB)" in warning.hint


def test_backups_on_another_disk_do_not_warn_however_full() -> None:
    monitor = _monitor(warn_disk_free_gb=2)
    assert _changes(monitor, backup_shared_volume=None, backup_volume_free_bytes=1) == []


@dataclass(frozen=True)
class Inputs:
    last_good_age_s: float | None
    same_volume: bool = True
    free_bytes: int | None = 50 * int(GB)


class FakeLook:
    def __init__(self, *answers: Inputs) -> None:
        self.answers = list(answers)
        self.calls = 0

    def __call__(self, _config: GuardianConfig) -> Inputs:
        self.calls += 1
        return self.answers[min(self.calls, len(self.answers)) - 1]


def _config_with_database(tmp_path: Path, **values: object) -> GuardianConfig:
    database = tmp_path / "erp.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    db.close()
    return GuardianConfig(
        database_path=str(database),
        data_dir=str(tmp_path / "data"),
        log_dir=str(tmp_path / "log"),
        **values,
    )


def test_the_folder_is_looked_at_once_a_minute_and_the_age_grows_in_between(
    tmp_path: Path,
) -> None:
    config = _config_with_database(tmp_path)
    look = FakeLook(Inputs(last_good_age_s=100.0), Inputs(last_good_age_s=5.0))
    watch = BackupWatch(look)
    assert watch.figures(config, now=1000.0).age_s == 100.0
    assert watch.figures(config, now=1030.0).age_s == 130.0
    assert look.calls == 1
    assert watch.figures(config, now=1060.0).age_s == 5.0  # a new backup, seen a minute later
    assert look.calls == 2


def test_none_yet_counts_from_the_first_look_not_from_forever(tmp_path: Path) -> None:
    config = _config_with_database(tmp_path)
    watch = BackupWatch(FakeLook(Inputs(last_good_age_s=None)))
    assert watch.figures(config, now=500.0).age_s == 0.0
    assert watch.figures(config, now=500.0 + 27 * HOUR).age_s == 27 * HOUR


def test_without_a_database_file_no_backup_is_missing(tmp_path: Path) -> None:
    config = GuardianConfig(database_path=str(tmp_path / "not-yet.sqlite3"))
    look = FakeLook(Inputs(last_good_age_s=None))
    assert BackupWatch(look).figures(config, now=0.0).age_s is None
    assert look.calls == 0


def test_a_reading_carries_the_real_folders_figures(tmp_path: Path) -> None:
    config = _config_with_database(tmp_path, backup_dir=str(tmp_path / "backups"))
    assert create_backup(config, BackupKind.MANUAL).ok
    reading = ReadingCollector(config).read(now=10.0, backend_rss=None)
    assert reading.backup_age_s is not None and 0 <= reading.backup_age_s < 60
    assert reading.backup_shared_volume is not None  # tmp_path: one volume for both
    assert reading.backup_volume_free_bytes is not None and reading.backup_volume_free_bytes > 0


def test_the_engine_warns_about_a_real_folder_whose_newest_backup_is_old(
    guard: StartGuard, tmp_path: Path
) -> None:
    config = _config_with_database(tmp_path, backup_dir=str(tmp_path / "backups"))
    long_ago = datetime.now(UTC) - timedelta(hours=30)
    assert create_backup(config, BackupKind.DAILY, lambda: long_ago).ok
    g = guard(
        backend_cmd=service_cmd(),
        database_path=config.database_path,
        backup_dir=config.backup_dir,
        monitor_interval=0.1,
        warn_backup_age_h=26,
        warn_disk_free_gb=0,  # this machine's free space is not the question here
    )
    raised = g.wait_event(EventName.WARNING)
    assert raised.level is Level.WARNING and raised.data["rule"] == "backup_age"
    assert raised.detail.startswith("no good backup of the database for 30 h")
    assert [w.rule for w in g.supervisor.snapshot().warnings] == ["backup_age"]
