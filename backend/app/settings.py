"""Typed, validated settings of the backend, built once by the CLI (never at import)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, field_validator

APP_NAME = "erp-guardian"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DATABASE_FILE_NAME = "erp.sqlite3"
LOG_FILE_NAME = "erp-backend.log"
FAULTS_ENV_VAR = "ERP_GUARDIAN_FAULTS"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DATABASE_FILE_NAME


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class BackendSettings(BaseModel):
    """Everything the backend process is configured with. Durations are seconds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(DEFAULT_HOST, min_length=1)
    port: int = Field(DEFAULT_PORT, ge=1, le=65535)
    db_path: Path = Field(default_factory=default_db_path)
    # None: no log file (tests that build the app in-process); the CLI always sets one.
    log_dir: Path | None = None
    log_max_bytes: int = Field(5 * 1024 * 1024, ge=1024, le=1024**3)
    log_backups: int = Field(5, ge=1, le=1000)
    cache_ttl_s: float = Field(2.0, ge=0, le=3600)
    # PRAGMA quick_check reads every page: it is worth caching far longer than the rest.
    integrity_ttl_s: float = Field(60.0, ge=0, le=86400)
    # /health must answer fast even when the database is locked.
    health_db_timeout_s: float = Field(0.1, gt=0, le=10)
    stats_db_timeout_s: float = Field(0.5, gt=0, le=60)
    # Successful /health requests are summed up in one log line per this interval.
    health_log_interval_s: float = Field(60.0, gt=0, le=86400)
    cors_origins: tuple[str, ...] = ()
    faults_enabled: bool = False

    @field_validator("cors_origins")
    @classmethod
    def _origins_are_http(cls, origins: tuple[str, ...]) -> tuple[str, ...]:
        for origin in origins:
            if not origin.startswith(("http://", "https://")) or origin.endswith("/"):
                raise ValueError(f"{origin!r} is not an origin like http://127.0.0.1:8766")
        return origins
