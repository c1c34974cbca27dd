"""The backup figures of a Reading: how old the newest good backup is, and where backups live.

Looking lists the backup folder and reads its manifests, so it is done at most once a minute
(backups are daily; a minute-old answer is exact enough); the age in between grows with the
loop's clock. The look itself is a callable from the constructor (side effects at the edges);
it defaults to `tray_app.backup.warning_inputs.backup_warning_inputs`, imported on first use
like the database check in `recovery_check.py`.

No good backup at all counts from the first look that found none: a guardian installed an hour
ago has not missed a day's backup yet, one that has watched 26 hours without one has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from tray_app.config import GuardianConfig
from tray_app.watchdog.sampler import volume_of

log = logging.getLogger("erp_guardian.watchdog.backups")

LOOK_INTERVAL_S = 60.0


class BackupInputs(Protocol):
    """What a look answers (`tray_app.backup.warning_inputs.BackupWarningInputs` is one)."""

    @property
    def last_good_age_s(self) -> float | None: ...

    @property
    def same_volume(self) -> bool: ...

    @property
    def free_bytes(self) -> int | None: ...


BackupLook = Callable[[GuardianConfig], BackupInputs]


def look_at_backups(config: GuardianConfig) -> BackupInputs:
    from tray_app.backup.warning_inputs import backup_warning_inputs

    return backup_warning_inputs(config)


@dataclass(frozen=True)
class BackupFigures:
    age_s: float | None = None
    shared_volume: str | None = None  # the volume that holds both the database and the backups
    free_bytes: int | None = None


NO_FIGURES = BackupFigures()


class BackupWatch:
    """Used by the engine's loop thread only (through `ReadingCollector.read`)."""

    def __init__(self, look: BackupLook | None = None, interval_s: float = LOOK_INTERVAL_S) -> None:
        self._look = look or look_at_backups
        self._interval_s = interval_s
        self._looked_at: float | None = None
        self._inputs: BackupInputs | None = None
        self._shared_volume: str | None = None
        self._none_since: float | None = None

    def figures(self, config: GuardianConfig, now: float) -> BackupFigures:
        """`now` is the loop's monotonic clock."""
        if not config.database_file.is_file():
            self._looked_at, self._none_since = None, None
            return NO_FIGURES  # nothing to back up (yet): no backup is missing
        if self._looked_at is None or now - self._looked_at >= self._interval_s:
            self._refresh(config, now)
        inputs = self._inputs
        if inputs is None or self._looked_at is None:
            return NO_FIGURES
        if inputs.last_good_age_s is not None:
            age = inputs.last_good_age_s + (now - self._looked_at)
        else:
            age = now - (self._none_since if self._none_since is not None else now)
        return BackupFigures(age, self._shared_volume, inputs.free_bytes)

    def _refresh(self, config: GuardianConfig, now: float) -> None:
        self._looked_at = now
        try:
            inputs = self._look(config)
        except OSError as error:  # an unreadable folder must not stop the loop's other rules
            log.warning("cannot look at the backups: %s", error)
            self._inputs = None
            return
        self._inputs = inputs
        shared = inputs.same_volume
        self._shared_volume = volume_of(config.database_file) if shared else None
        if inputs.last_good_age_s is not None:
            self._none_since = None
        elif self._none_since is None:
            self._none_since = now
