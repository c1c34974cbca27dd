"""The guardian's configuration model: every parameter, its default, its allowed range.

`tray_app/config.py` reads and writes it (config.toml, command-line overrides, error messages);
this module is only the model, its validators and the default folders.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tray_app.command_line import CommandSyntaxError, split_command

APP_NAME = "erp-guardian"
DEFAULT_BACKEND_PORT = 8765
DEFAULT_WEB_PORT = 8766
_TIME_OF_DAY = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
MIN_TOKEN_LENGTH = 16


def _is_loopback_host(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    host = host.strip().removeprefix("[").removesuffix("]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # any other name may resolve to a LAN address


# Error lines in the backend's output, matched in any case; German words for German ERPs.
DEFAULT_ERROR_PATTERNS = (
    r"\bERROR\b",
    r"\bCRITICAL\b",
    r"\bFATAL\b",
    r"\bTraceback\b",
    r"\bException\b",
    r"\bFEHLER\b",
    r"\bKRITISCH\b",
)


class ConfigError(ValueError):
    """Invalid configuration; the message is meant for the user as it is."""


class GuardianConfig(BaseModel):
    """Every watchdog parameter. Durations are seconds and may be fractions."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    # What to guard. An empty backend_cmd means the bundled ERP backend. A list is the argv as
    # it is; a string is kept as typed and split by the platform's shell rules when used.
    backend_cmd: list[str] | str = Field(default_factory=list)
    backend_cwd: str | None = None
    backend_env: dict[str, str] = Field(default_factory=dict)
    host: str = "127.0.0.1"
    port: int = Field(DEFAULT_BACKEND_PORT, ge=1, le=65535)
    health_path: str = "/health"
    health_url: str | None = None  # overrides host, port and health_path for the checks

    # Checks and restarts.
    check_interval: float = Field(1.0, ge=0.05, le=3600)
    check_timeout: float = Field(0.5, ge=0.05, le=600)
    failure_threshold: int = Field(3, ge=1, le=1000)
    startup_grace: float = Field(30.0, ge=0, le=3600)
    stop_timeout: float = Field(5.0, ge=0.1, le=600)
    hung_stop_timeout: float = Field(1.0, ge=0, le=60)
    backoff_initial: float = Field(1.0, ge=0, le=3600)
    backoff_max: float = Field(30.0, ge=0, le=86400)
    max_restarts: int = Field(5, ge=0, le=10000)
    restart_window: float = Field(300.0, ge=1, le=7 * 86400)
    giveup_cooldown: float = Field(600.0, ge=0, le=7 * 86400)  # 0: never retry by itself
    stable_after: float = Field(60.0, ge=0, le=86400)

    # Files.
    log_dir: str | None = None  # None: the platformdirs user log dir
    data_dir: str | None = None  # None: the platformdirs user data dir (database)
    database_path: str | None = None  # the guarded ERP's SQLite file; None: the bundled one
    log_max_bytes: int = Field(5 * 1024 * 1024, ge=1024, le=1024**3)
    log_backups: int = Field(5, ge=1, le=1000)
    stats_interval: float = Field(60.0, ge=0, le=86400)  # 0: no statistics lines

    # The web status page and notifications.
    web_host: str = "127.0.0.1"
    web_port: int = Field(DEFAULT_WEB_PORT, ge=0, le=65535)  # 0: no web page
    notify_restarts: bool = True
    notify_gave_up: bool = True
    notify_recovered: bool = True
    notify_warnings: bool = True

    # Early warning: each threshold 0 switches its rule off. Sizes in MB unless named GB.
    monitor_interval: float = Field(5.0, ge=0.1, le=3600)  # how often the rules look
    warning_hysteresis: float = Field(0.1, ge=0, le=0.9)  # clear 10 % back past the line
    warn_disk_free_gb: float = Field(2.0, ge=0, le=1e6)  # database's and logs' volumes
    warn_memory_available_mb: float = Field(500.0, ge=0, le=1e7)
    warn_backend_rss_mb: float = Field(1024.0, ge=0, le=1e7)
    warn_rss_growth_mb_per_hour: float = Field(100.0, ge=0, le=1e7)
    rss_growth_window: float = Field(1800.0, ge=10, le=7 * 86400)
    warn_latency_p95_ms: float = Field(250.0, ge=0, le=600_000)
    warn_latency_rise_factor: float = Field(4.0, ge=0, le=1000)  # recent p95 / earlier p95
    warn_cpu_percent: float = Field(90.0, ge=0, le=100)
    warn_cpu_sustained: float = Field(300.0, ge=0, le=86400)
    warn_db_size_mb: float = Field(2048.0, ge=0, le=1e7)
    warn_wal_size_mb: float = Field(256.0, ge=0, le=1e7)
    warn_restarts_24h: int = Field(5, ge=0, le=100_000)
    warn_errors_per_minute: float = Field(10.0, ge=0, le=1e6)
    # Optional actions, off by default.
    restart_on_rss_mb: float = Field(0.0, ge=0, le=1e7)  # hard limit: restart above it
    scheduled_restart: str = ""  # "HH:MM" local time of a daily restart; empty: none

    # Watching from other machines: Prometheus, an exporter's textfile, an Uptime Kuma push.
    metrics_token: str = ""  # bearer token for /metrics and the read-only API; empty: none
    web_allowed_hosts: list[str] = Field(default_factory=list)  # Host names besides localhost
    metrics_textfile: str = ""  # a .prom file for windows_exporter/node_exporter; empty: none
    push_url: str = ""  # the Uptime Kuma push URL; empty: no push
    push_interval: float = Field(60.0, ge=1, le=86400)
    # Early warning, issue 12: what counts as an error line (regexes, any case), and how long
    # /health may say "degraded" (a locked database) before it is a warning (0: never).
    error_patterns: list[str] = Field(default_factory=lambda: list(DEFAULT_ERROR_PATTERNS))
    warn_db_degraded_s: float = Field(60.0, ge=0, le=86400)

    # Backups of database_file (tray_app/backup/). Midday, not night: a workstation is on
    # then; a missed one is taken as soon as the guardian runs again that day.
    backup_dir: str | None = None  # None: a "backups" folder in the data dir; may be another drive
    backup_time: str = "12:30"  # "HH:MM" local time of the daily backup; empty: none
    backup_keep_daily: int = Field(7, ge=0, le=3650)  # newest backup of each of the last N days
    backup_keep_weekly: int = Field(4, ge=0, le=520)  # newest backup of each of the last M weeks

    # Nothing lost, nothing leaked (issue 15): the backup age warning, logs by age and size.
    warn_backup_age_h: float = Field(26.0, ge=0, le=24 * 3650)  # no good backup this long; 0: off
    log_max_age_days: float = Field(30.0, ge=0, le=3650)  # rotated log files older go; 0: keep
    log_dir_max_mb: float = Field(500.0, ge=0, le=1e6)  # the whole log folder; 0: no cap

    # No failed request during a crash (tray_app/watchdog/listener.py, standby.py): the guardian
    # owns the listening socket and hands it to the backend (a custom command takes it through
    # a {fd} placeholder), and a warm standby backend takes over when the serving one dies or
    # hangs (the bundled backend only).
    socket_handoff: bool = True
    standby: bool = True

    # Language of the tray app and the console: "auto" follows the system (LANGUAGE, LC_ALL,
    # LC_MESSAGES, LANG; the Windows UI language); see tray_app/i18n/language.py.
    language: Literal["auto", "de", "en"] = "auto"

    @field_validator("health_path")
    @classmethod
    def _path_starts_with_slash(cls, value: str) -> str:
        if not value.startswith("/"):
            raise ValueError("must start with '/'")
        return value

    @field_validator("backend_cmd")
    @classmethod
    def _command_splits(cls, value: list[str] | str) -> list[str] | str:
        if isinstance(value, str):
            try:
                split_command(value)
            except CommandSyntaxError as error:
                raise ValueError(str(error)) from None
        return value

    @field_validator("scheduled_restart", "backup_time")
    @classmethod
    def _time_of_day(cls, value: str) -> str:
        value = value.strip()
        if value and not _TIME_OF_DAY.fullmatch(value):
            raise ValueError("must be a time of day as HH:MM (24 h), or empty for none")
        return value

    @field_validator("error_patterns", mode="before")
    @classmethod
    def _patterns_compile(cls, value: object) -> object:
        patterns = [value] if isinstance(value, str) else value  # one pattern from the CLI
        for pattern in patterns if isinstance(patterns, list) else []:
            try:
                re.compile(str(pattern))
            except re.error as error:
                raise ValueError(f"pattern {pattern!r} is not a valid regex: {error}") from None
        return patterns

    @field_validator("health_url")
    @classmethod
    def _url_is_http(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> GuardianConfig:
        if self.backoff_max < self.backoff_initial:
            raise ValueError(
                f"backoff_max ({self.backoff_max}) must be >= backoff_initial "
                f"({self.backoff_initial})"
            )
        if self.check_timeout > self.check_interval * self.failure_threshold + 60:
            raise ValueError("check_timeout is far longer than the checks it belongs to")
        return self

    @field_validator("web_allowed_hosts", mode="before")
    @classmethod
    def _hosts_from_text(cls, value: Any) -> Any:
        """A command-line option gives one text: "a.example, b.example"."""
        if isinstance(value, str):
            return [host for host in re.split(r"[\s,]+", value) if host]
        return value

    @field_validator("metrics_token")
    @classmethod
    def _token_is_long(cls, value: str) -> str:
        if value and (len(value) < MIN_TOKEN_LENGTH or any(c.isspace() for c in value)):
            raise ValueError(
                f"must be at least {MIN_TOKEN_LENGTH} characters without spaces (for example "
                'from: python -c "import secrets; print(secrets.token_urlsafe(32))")'
            )
        return value

    @field_validator("push_url")
    @classmethod
    def _push_url_is_http(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://, or be empty for no push")
        return value

    @field_validator("metrics_textfile")
    @classmethod
    def _textfile_is_prom(cls, value: str) -> str:
        value = value.strip()
        if value and not value.endswith(".prom"):
            raise ValueError("must end in .prom (the exporters read only such files)")
        return value

    @model_validator(mode="after")
    def _remote_page_needs_token(self) -> GuardianConfig:
        # Binding beyond loopback opens the read-only API to the LAN: never without a token.
        if self.web_port and not _is_loopback_host(self.web_host) and not self.metrics_token:
            raise ValueError(
                f"web_host = {self.web_host!r} lets other machines connect: set metrics_token "
                "(the bearer token they must send), or bind web_host to 127.0.0.1"
            )
        return self

    @property
    def effective_health_url(self) -> str:
        if self.health_url:
            return self.health_url
        # Imported here: the watchdog package imports this module, so a top-level import
        # would be circular.
        from tray_app.watchdog.address import backend_base_url

        return backend_base_url(self.host, self.port) + self.health_path

    @property
    def log_path(self) -> Path:
        return Path(self.log_dir) if self.log_dir else default_log_dir()

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir) if self.data_dir else default_data_dir()

    @property
    def backend_argv(self) -> list[str]:
        """backend_cmd as argv: a list as given, a string split by this platform's rules."""
        if isinstance(self.backend_cmd, str):
            return split_command(self.backend_cmd)
        return list(self.backend_cmd)

    @property
    def database_file(self) -> Path:
        """The guarded ERP's SQLite file: database_path, or the bundled backend's database."""
        if self.database_path:
            return Path(self.database_path).expanduser()
        return self.data_path / "erp.sqlite3"


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
