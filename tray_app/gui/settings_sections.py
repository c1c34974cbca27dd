"""Which page of the settings dialog each GuardianConfig key is on, and the words the dialog
shows for its pages, keys and choices.

Keys not named in SECTIONS land on the "Other" page (settings_dialog.py), so a new config key
is editable before anyone files it here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SECTIONS: dict[str, tuple[str, ...]] = {
    "backend": (
        "backend_cmd",
        "backend_cwd",
        "database_path",
        "backend_env",
        "host",
        "port",
        "health_path",
        "health_url",
    ),
    "checks": (
        "check_interval",
        "check_timeout",
        "failure_threshold",
        "startup_grace",
        "stop_timeout",
        "hung_stop_timeout",
        "backoff_initial",
        "backoff_max",
        "max_restarts",
        "restart_window",
        "giveup_cooldown",
        "stable_after",
    ),
    # No failed request during a crash: the guardian holds the socket, a standby takes over.
    "takeover": ("socket_handoff", "standby"),
    "early": (
        "monitor_interval",
        "warning_hysteresis",
        "warn_disk_free_gb",
        "warn_memory_available_mb",
        "warn_backend_rss_mb",
        "warn_rss_growth_mb_per_hour",
        "rss_growth_window",
        "warn_latency_p95_ms",
        "warn_latency_rise_factor",
        "warn_cpu_percent",
        "warn_cpu_sustained",
        "warn_db_size_mb",
        "warn_wal_size_mb",
        "warn_restarts_24h",
        "warn_errors_per_minute",
        "error_patterns",
        "warn_db_degraded_s",
        "restart_on_rss_mb",
        "scheduled_restart",
    ),
    "files": (
        "log_dir",
        "data_dir",
        "log_max_bytes",
        "log_backups",
        "log_max_age_days",
        "log_dir_max_mb",
        "stats_interval",
    ),
    "web": (
        "web_host",
        "web_port",
        "notify_restarts",
        "notify_gave_up",
        "notify_recovered",
        "notify_warnings",
    ),
    # Watching from other machines (Prometheus, exporters' textfiles, Uptime Kuma).
    "remote": (
        "metrics_token",
        "web_allowed_hosts",
        "metrics_textfile",
        "push_url",
        "push_interval",
    ),
    # Backups of the ERP's database (tray_app/backup/).
    "backups": (
        "backup_dir",
        "backup_time",
        "backup_keep_daily",
        "backup_keep_weekly",
        "warn_backup_age_h",
    ),
    # Language: a tab of its own, so the note that it applies after a restart stands out.
    "language": ("language",),
}


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh).
    return QCoreApplication.translate("", text)


def section_titles() -> dict[str, str]:
    return {
        "backend": _tr("Backend"),
        "checks": _tr("Checks and restarts"),
        "early": _tr("Early warning"),
        "takeover": _tr("Seamless restarts"),
        "files": _tr("Files"),
        "web": _tr("Web page and notifications"),
        "remote": _tr("Monitoring from other computers"),
        "backups": _tr("Backups"),
        "language": _tr("Language"),
        "other": _tr("Other"),
    }


def field_labels() -> dict[str, str]:
    return {
        "backend_cmd": _tr("Command (empty: the bundled ERP backend)"),
        "database_path": _tr("ERP database file (empty: the bundled one)"),
        "backend_cwd": _tr("Working folder"),
        "backend_env": _tr("Extra environment (KEY=VALUE per line)"),
        "host": _tr("Address"),
        "port": _tr("Port"),
        "health_path": _tr("Health check path"),
        "health_url": _tr("Health check URL (overrides address, port, path)"),
        "check_interval": _tr("Check every (s)"),
        "check_timeout": _tr("Check timeout (s)"),
        "failure_threshold": _tr("Failed checks before restart"),
        "startup_grace": _tr("Time allowed to start (s)"),
        "stop_timeout": _tr("Time allowed to stop (s)"),
        "hung_stop_timeout": _tr("Time allowed to stop when hung (s)"),
        "backoff_initial": _tr("First restart delay (s)"),
        "backoff_max": _tr("Longest restart delay (s)"),
        "max_restarts": _tr("Restarts allowed per window"),
        "restart_window": _tr("Restart window (s)"),
        "giveup_cooldown": _tr("Retry after giving up (s, 0: never)"),
        "stable_after": _tr("Counts as stable after (s)"),
        "log_dir": _tr("Log folder (empty: default)"),
        "data_dir": _tr("Data folder (empty: default)"),
        "log_max_bytes": _tr("Log file size before rotation (bytes)"),
        "log_backups": _tr("Rotated log files kept"),
        "stats_interval": _tr("Statistics every (s, 0: never)"),
        "web_host": _tr("Web page address"),
        "web_port": _tr("Web page port (0: no web page)"),
        "notify_restarts": _tr("Notify when the backend was restarted"),
        "notify_gave_up": _tr("Notify when restarting was given up"),
        "notify_recovered": _tr("Notify when the backend works again"),
        "notify_warnings": _tr("Notify about early warnings"),
        "monitor_interval": _tr("Look at the figures every (s)"),
        "warning_hysteresis": _tr("Clear a warning this far back (0.1 = 10 %)"),
        "warn_disk_free_gb": _tr("Warn below this free disk (GB, 0: off)"),
        "warn_memory_available_mb": _tr("Warn below this free memory (MB, 0: off)"),
        "warn_backend_rss_mb": _tr("Warn when the backend uses more memory (MB, 0: off)"),
        "warn_rss_growth_mb_per_hour": _tr("Warn when its memory grows faster (MB/h, 0: off)"),
        "rss_growth_window": _tr("Judge memory growth over (s)"),
        "warn_latency_p95_ms": _tr("Warn when answers get slower than (ms, 0: off)"),
        "warn_latency_rise_factor": _tr("Warn when answers get this many times slower (0: off)"),
        "warn_cpu_percent": _tr("Warn above this processor load (%, 0: off)"),
        "warn_cpu_sustained": _tr("Processor load must last (s)"),
        "warn_db_size_mb": _tr("Warn when the database is larger (MB, 0: off)"),
        "warn_wal_size_mb": _tr("Warn when the database journal is larger (MB, 0: off)"),
        "warn_restarts_24h": _tr("Warn after this many restarts a day (0: off)"),
        "warn_errors_per_minute": _tr("Warn above this many errors a minute (0: off)"),
        "error_patterns": _tr("Error lines contain (patterns, any case)"),
        "warn_db_degraded_s": _tr("Warn when the database stays locked longer than (s, 0: off)"),
        "restart_on_rss_mb": _tr("Restart the backend above this memory (MB, 0: never)"),
        "scheduled_restart": _tr("Restart the backend daily at (HH:MM, empty: never)"),
        "metrics_token": _tr("Access key for monitoring (needed when other computers connect)"),
        "web_allowed_hosts": _tr("Further names of this computer (separated by spaces)"),
        "metrics_textfile": _tr("Figures file for the Windows or node exporter (.prom)"),
        "push_url": _tr("Uptime Kuma push address (empty: none)"),
        "push_interval": _tr("Report to Uptime Kuma every (s)"),
        "backup_dir": _tr("Backup folder (empty: in the data folder; another drive is safer)"),
        "backup_time": _tr("Back up the database daily at (HH:MM, empty: never)"),
        "backup_keep_daily": _tr("Daily backups kept (days)"),
        "backup_keep_weekly": _tr("Weekly backups kept (weeks)"),
        "warn_backup_age_h": _tr("Warn when the last good backup is older than (h, 0: off)"),
        "log_max_age_days": _tr("Delete rotated log files older than (days, 0: never)"),
        "log_dir_max_mb": _tr("Size limit of the whole log folder (MB, 0: none)"),
        "language": _tr("Language"),
        "socket_handoff": _tr("Keep the connection open while the backend restarts"),
        "standby": _tr("Keep a second backend ready to take over (bundled backend)"),
    }


def field_notes() -> dict[str, str]:
    """A line shown below a field's editor, for what its label cannot say."""
    return {
        "language": _tr("A new language applies after ERP Guardian has been restarted."),
    }


def choice_labels() -> dict[str, str]:
    """Names of the choices of Literal fields; language names are written in that language."""
    return {
        "auto": _tr("Like the system"),
        "de": "Deutsch",
        "en": "English",
    }
