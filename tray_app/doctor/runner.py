"""Every check in order, and the fix-then-check-again round that the CLI and the dialog share."""

from __future__ import annotations

from dataclasses import dataclass

from tray_app.config import GuardianConfig
from tray_app.doctor.backend import backend_checks
from tray_app.doctor.database import database_check
from tray_app.doctor.fixing import Confirm, apply_fixes, mark_fixed
from tray_app.doctor.guardian import (
    disk_check,
    folder_checks,
    frontend_check,
    module_checks,
    python_check,
)
from tray_app.doctor.model import Check, Fix, FixOutcome
from tray_app.doctor.ports_check import backend_port_check, web_port_check


@dataclass(frozen=True)
class FixRound:
    outcomes: list[FixOutcome]
    checks: list[Check]  # checked again after the fixes


def all_checks(config: GuardianConfig) -> list[Check]:
    """ERP Guardian's own needs first, then the guarded backend's."""
    return [
        python_check(),
        *module_checks(config),
        *folder_checks(config),
        disk_check(config.data_path),
        frontend_check(),
        web_port_check(config),
        *backend_checks(config),
        backend_port_check(config),
        database_check(config),
    ]


def fix_and_check_again(
    config: GuardianConfig, checks: list[Check], confirm: Confirm, allow_system: bool
) -> FixRound:
    outcomes = apply_fixes(checks, confirm, allow_system)
    return FixRound(outcomes, mark_fixed(all_checks(config), outcomes))


def _never(_install: Fix) -> bool:
    return False


def run_checks(config: GuardianConfig, fix: bool = False) -> list[Check]:
    """Every check; with fix, the fixes that need no question (folders, database) first."""
    checks = all_checks(config)
    if fix:
        checks = fix_and_check_again(config, checks, _never, allow_system=False).checks
    return checks
