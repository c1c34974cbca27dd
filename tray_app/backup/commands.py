"""`erp-guardian backup create | list [--json] | verify ID | restore ID [--yes]`.

While a guardian supervises this backend (its instance lock is taken), `create` and `restore`
go through its control channel: it owns the log files and the backend. While none runs, the
command does the work itself, holding the supervisor lock so that none starts meanwhile.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import TextIO

from tray_app.backup.control import ControlUnavailable, ask_guardian, control_file
from tray_app.backup.creating import create_backup
from tray_app.backup.model import BackupError, BackupInfo, BackupKind
from tray_app.backup.reporting import report_line, report_result
from tray_app.backup.restoring import checked_backup, restore_backup
from tray_app.backup.store import BackupStore, backup_folder
from tray_app.backup.verifying import verify_backup
from tray_app.config import GuardianConfig
from tray_app.instance_lock import InstanceLock, Role
from tray_app.logs.writer import GuardianLogs
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import port_is_free

_YES = {"y", "yes", "j", "ja"}
RESTORE_TIMEOUT_MARGIN_S = 600.0  # beyond stop_timeout: the copy of a large file takes a while


def list_command(config: GuardianConfig, as_json: bool, out: TextIO = sys.stdout) -> int:
    infos = BackupStore(backup_folder(config)).list()
    if as_json:
        out.write(json.dumps([info.to_dict() for info in infos], indent=2) + "\n")
        return 0
    if not infos:
        out.write(f"no backups in {backup_folder(config)}\n")
        return 0
    for info in infos:
        out.write(_line(info) + "\n")
    return 0


def _line(info: BackupInfo) -> str:
    when = info.time.astimezone().strftime("%Y-%m-%d %H:%M")
    state = "verified" if info.verified else f"FAILED: {info.problem}"
    return f"{info.id}  {when}  {info.kind.value:<11}  {info.size_bytes / 1e6:9.1f} MB  {state}"


def create_command(config: GuardianConfig, out: TextIO = sys.stdout) -> int:
    lock = InstanceLock(Role.SUPERVISOR, config.port)
    if not lock.acquire():
        return _through_guardian(config, {"op": "create"}, 3600.0, out)
    logs = GuardianLogs(config)  # nobody else writes the log files now
    try:
        result = create_backup(config, BackupKind.MANUAL)
        report_result(result)
    finally:
        logs.close()
        lock.release()
    out.write(result.detail + "\n")
    return 0 if result.ok else 1


def verify_command(config: GuardianConfig, backup_id: str, out: TextIO = sys.stdout) -> int:
    try:
        info = verify_backup(BackupStore(backup_folder(config)), backup_id, datetime.now(UTC))
    except BackupError as error:
        out.write(f"erp-guardian: {error}\n")
        return 1
    out.write(f"backup {info.id}: {'ok' if info.verified else info.problem}\n")
    return 0 if info.verified else 1


def restore_command(
    config: GuardianConfig,
    backup_id: str,
    yes: bool,
    stdin: TextIO | None = None,
    out: TextIO = sys.stdout,
) -> int:
    store = BackupStore(backup_folder(config))
    try:
        info = checked_backup(store, backup_id)
    except BackupError as error:
        out.write(f"erp-guardian: {error}; nothing was changed\n")
        return 1
    if not yes and not _confirm(info, config, stdin or sys.stdin, out):
        out.write("not restored\n")
        return 1
    lock = InstanceLock(Role.SUPERVISOR, config.port)
    if not lock.acquire():
        timeout_s = config.stop_timeout + RESTORE_TIMEOUT_MARGIN_S
        return _through_guardian(config, {"op": "restore", "id": info.id}, timeout_s, out)
    try:
        if not port_is_free(current(), config.host, config.port):
            out.write(
                f"erp-guardian: something listens on port {config.port}: the ERP seems to run "
                "without a guardian; stop it first. Nothing was changed\n"
            )
            return 1
        result = restore_backup(store, info.id, config.database_file, datetime.now(UTC))
    except BackupError as error:
        out.write(f"erp-guardian: {error}; nothing was changed\n")
        return 1
    finally:
        lock.release()
    _log_restore(config, result.detail)
    out.write(result.detail + "\n")
    return 0


def _confirm(info: BackupInfo, config: GuardianConfig, stdin: TextIO, out: TextIO) -> bool:
    question = (
        f"Replace {config.database_file} with backup {info.id} of "
        f"{info.time.astimezone():%Y-%m-%d %H:%M}? Changes made since then are lost "
        "(the current file is kept as a copy)."
    )
    if not stdin.isatty():
        out.write(f"{question}\nnot asked: no terminal to answer on; add --yes to restore\n")
        return False
    out.write(f"{question} [y/N] ")
    out.flush()
    return stdin.readline().strip().lower() in _YES


def _log_restore(config: GuardianConfig, detail: str) -> None:
    logs = GuardianLogs(config)
    try:
        report_line(detail)
    finally:
        logs.close()


def _through_guardian(
    config: GuardianConfig, request: dict[str, str], timeout_s: float, out: TextIO
) -> int:
    try:
        answer = ask_guardian(control_file(config.port), request, timeout_s)
    except ControlUnavailable as error:
        out.write(f"erp-guardian: a guardian runs for port {config.port}, but {error}\n")
        return 1
    detail = str(answer.get("detail", ""))
    if not answer.get("ok"):
        out.write(f"erp-guardian: {detail}\n")
        return 1
    out.write(f"{detail} (done by the running guardian)\n")
    return 0
