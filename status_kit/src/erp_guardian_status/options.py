"""What a status router is configured with, checked once when the router is built."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from erp_guardian_status.checks import HealthCheck

DATABASE_CHECK_NAME = "database"


@dataclass(frozen=True)
class StatusOptions:
    """Durations are seconds. Invalid values raise ValueError when the host app is built."""

    database: Path
    ttl_s: float = 2.0
    prefix: str = "/api/v1"
    health_path: str | None = "/health"
    checks: Mapping[str, HealthCheck] = field(default_factory=dict)
    version: str | None = None  # None: the version of the FastAPI app that serves the request
    # PRAGMA quick_check reads every page: it is worth caching far longer than the rest.
    integrity_ttl_s: float = 60.0
    # /health must answer fast even when the database is locked.
    health_db_timeout_s: float = 0.1
    stats_db_timeout_s: float = 0.5

    def __post_init__(self) -> None:
        _check_range("ttl_s", self.ttl_s, 0, 3600)
        _check_range("integrity_ttl_s", self.integrity_ttl_s, 0, 86400)
        _check_timeout("health_db_timeout_s", self.health_db_timeout_s, 10)
        _check_timeout("stats_db_timeout_s", self.stats_db_timeout_s, 60)
        if self.prefix and (not self.prefix.startswith("/") or self.prefix.endswith("/")):
            raise ValueError(f"prefix {self.prefix!r} must be empty or like '/api/v1'")
        if self.health_path is not None and not self.health_path.startswith("/"):
            raise ValueError(f"health_path {self.health_path!r} must start with '/'")
        for name, check in self.checks.items():
            if not name or name == DATABASE_CHECK_NAME:
                raise ValueError(f"health check name {name!r} is empty or taken")
            if not callable(check):
                raise ValueError(f"health check {name!r} is not callable")
        # A copy the caller cannot change behind our back.
        object.__setattr__(self, "checks", MappingProxyType(dict(self.checks)))


def _check_range(name: str, value: float, low: float, high: float) -> None:
    if not (low <= value <= high):  # also refuses NaN
        raise ValueError(f"{name} must be between {low} and {high}, not {value!r}")


def _check_timeout(name: str, value: float, high: float) -> None:
    if not (0 < value <= high):  # also refuses NaN
        raise ValueError(f"{name} must be above 0 and at most {high}, not {value!r}")
