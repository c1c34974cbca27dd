"""The command line of `erp-guardian` (tray_app/cli.py runs what it parses). The help texts
stay English: they are documentation people search for on the web."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tray_app import __version__
from tray_app.options import add_config_options


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="erp-guardian",
        description="Keeps the ERP backend running: watchdog, logs, status page and tray app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_config_options(sub.add_parser("tray", help="start the tray app (the default)"))
    run = sub.add_parser("run", help="run without the tray")
    modes = run.add_mutually_exclusive_group()
    modes.add_argument("--headless", action="store_true", help="watchdog, backend and page")
    modes.add_argument("--backend-only", action="store_true", help="watchdog and backend")
    modes.add_argument(
        "--frontend-only", action="store_true", help="the status page only, no backend"
    )
    add_config_options(run)
    sub.add_parser("backend", help="run the bundled backend (see: erp-guardian backend --help)")
    _add_logs_parser(sub)
    _add_doctor_parser(sub)
    _add_backup_parser(sub)
    config = sub.add_parser("config", help="show, locate or validate the configuration")
    config.add_argument("action", choices=("show", "path", "validate"))
    config.add_argument("file", nargs="?", type=Path, help="file to validate")
    config.add_argument("--json", action="store_true", help="show as JSON")
    add_config_options(config)
    return parser


def _add_logs_parser(sub: Any) -> None:
    logs = sub.add_parser("logs", help="analyse and show the log files")
    logs_sub = logs.add_subparsers(dest="logs_command", metavar="ACTION", required=True)
    summary = logs_sub.add_parser("summary", help="uptime, restarts, outages, errors")
    summary.add_argument("--since", help="30m, 24h, 7d, or an ISO time (default: everything)")
    summary.add_argument("--json", action="store_true")
    show = logs_sub.add_parser("show", help="print (and follow) a log file")
    show.add_argument("--file", choices=("guardian", "backend", "events"), default="guardian")
    show.add_argument("--level", choices=("debug", "info", "warning", "error", "critical"))
    show.add_argument("--since", help="30m, 24h, 7d, or an ISO time")
    show.add_argument("--grep", metavar="TEXT", help="only lines containing TEXT (any case)")
    show.add_argument("--lines", "-n", type=int, default=100, help="last N lines (0: all)")
    show.add_argument("--follow", "-f", action="store_true", help="keep printing new lines")
    incidents = logs_sub.add_parser("incidents", help="list incident reports, or print one")
    incidents.add_argument("id", nargs="?", help="the incident to print")
    incidents.add_argument("--since", help="30m, 24h, 7d, or an ISO time")
    bundle = logs_sub.add_parser("bundle", help="one zip of logs, incidents and facts for support")
    bundle.add_argument("--output", "-o", type=Path, help="zip file to write")
    for parser in (summary, show, incidents, bundle):
        parser.add_argument("--log-dir", type=Path, help="log folder (default: from the config)")
        parser.add_argument("--config", type=Path, metavar="FILE")


def _add_doctor_parser(sub: Any) -> None:
    doctor = sub.add_parser("doctor", help="check what ERP Guardian and the guarded ERP need")
    doctor.add_argument(
        "--fix",
        action="store_true",
        help="create missing folders and the database; install the ERP's missing requirements "
        "with its own pip (after a question)",
    )
    doctor.add_argument("--yes", action="store_true", help="install without asking")
    doctor.add_argument(
        "--allow-system",
        action="store_true",
        help="let --fix install into a Python that is not a virtual environment",
    )
    add_config_options(doctor)


def _add_backup_parser(sub: Any) -> None:
    backup = sub.add_parser("backup", help="online backups of the ERP's database")
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="take a backup now")
    listing = actions.add_parser("list", help="list the backups")
    listing.add_argument("--json", action="store_true")
    verify = actions.add_parser("verify", help="check a backup's copy (integrity_check)")
    verify.add_argument("id")
    restore = actions.add_parser(
        "restore", help="put a backup in place of the database (through a running guardian)"
    )
    restore.add_argument("id")
    restore.add_argument("--yes", action="store_true", help="restore without asking")
    for parser in (create, listing, verify, restore):
        add_config_options(parser)
