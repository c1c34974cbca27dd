"""Retention, the daily schedule and the warning inputs, with times given as parameters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tray_app.backup.daily import daily_backup_due
from tray_app.backup.model import BackupInfo, BackupKind
from tray_app.backup.retention import expired
from tray_app.backup.warning_inputs import last_good_age_s

NOON = datetime(2025, 3, 12, 12, 0).astimezone()  # a Wednesday, local time


def _backup(
    moment: datetime, kind: BackupKind = BackupKind.DAILY, verified: bool = True
) -> BackupInfo:
    return BackupInfo(
        id=moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"),
        time=moment.astimezone(UTC),
        kind=kind,
        size_bytes=1,
        duration_s=0.1,
        verified=verified,
        source="erp.sqlite3",
    )


def test_retention_keeps_the_newest_of_n_days_and_m_weeks() -> None:
    daily = [_backup(NOON - timedelta(days=n)) for n in range(40)]
    extra_today = _backup(NOON - timedelta(hours=2), BackupKind.PRE_RESTART)
    removed = {info.id for info in expired([*daily, extra_today], keep_daily=7, keep_weekly=4)}
    kept = {info.id for info in [*daily, extra_today]} - removed
    days_kept = {info.time.astimezone().date() for info in daily if info.id in kept}
    assert {NOON.date() - timedelta(days=n) for n in range(7)} <= days_kept
    assert extra_today.id in removed  # the same day has a newer one
    weeks = {info.time.astimezone().isocalendar()[:2] for info in daily if info.id in kept}
    assert len(weeks) == 4  # this week and the three before
    # The last 7 days (Thu 6 to Wed 12 March) hold the newest of this week and of last week
    # (Sunday 9); the weeks add Sundays 2 March and 23 February.
    assert len(kept) == 7 + 2
    oldest_kept = min(info.time for info in daily if info.id in kept)
    assert NOON - oldest_kept < timedelta(days=28)


def test_retention_never_removes_failed_copies_or_the_newest_good_one() -> None:
    bad = _backup(NOON, verified=False)
    good = _backup(NOON - timedelta(days=30))
    assert expired([bad, good], keep_daily=0, keep_weekly=0) == []


def test_daily_backup_is_due_from_its_time_once_a_day() -> None:
    assert not daily_backup_due("12:30", [], NOON)
    assert daily_backup_due("12:30", [], NOON + timedelta(minutes=30))
    assert daily_backup_due("08:00", [_backup(NOON - timedelta(days=1))], NOON)  # caught up
    assert not daily_backup_due("08:00", [_backup(NOON - timedelta(hours=1))], NOON)
    manual = _backup(NOON - timedelta(hours=1), BackupKind.MANUAL)
    assert daily_backup_due("08:00", [manual], NOON)
    assert not daily_backup_due("", [], NOON)


def test_last_good_age_skips_failed_copies() -> None:
    infos = [
        _backup(NOON - timedelta(hours=30)),
        _backup(NOON - timedelta(hours=1), verified=False),
    ]
    assert last_good_age_s(infos, NOON) == 30 * 3600
    assert last_good_age_s([], NOON) is None
