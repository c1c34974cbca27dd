"""`erp-guardian`: the starter. Parses arguments, loads the config, picks a mode.

erp-guardian [tray] [options]          tray app (headless where there is no tray)
erp-guardian run --headless|--backend-only|--frontend-only [options]
erp-guardian backend [backend options] the bundled backend itself
erp-guardian logs summary|show ...     analysis tools
erp-guardian doctor [--fix [--yes]]    dependency and environment check
erp-guardian config show|path|validate
erp-guardian backup create|list|verify ID|restore ID
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable
from typing import Any

from tray_app.cli_parser import build_parser
from tray_app.config import ConfigError, GuardianConfig, LoadedConfig, load_config
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import say
from tray_app.i18n.console import console_language
from tray_app.instance_lock import InstanceLock, Role
from tray_app.options import config_overrides

EXIT_CONFIG = 2
EXIT_INTERRUPTED = 130  # what a shell reports for a program ended by Ctrl+C
MODES = ("headless", "backend_only", "frontend_only")


def _load(args: argparse.Namespace) -> LoadedConfig:
    return load_config(getattr(args, "config", None), config_overrides(args))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["backend"]:
        from backend.cli import main as backend_main

        return backend_main(argv[1:], prog="erp-guardian backend")
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "tray")
    args = build_parser().parse_args(argv)
    handler = COMMANDS[args.command]
    try:
        return handler(args)
    except ConfigError as error:
        sys.stderr.write(say(C.CLI_INVALID_CONFIG, console_language(), errors=str(error)) + "\n")
        return EXIT_CONFIG
    except KeyboardInterrupt:  # Ctrl+C in a command that runs to its end: asked for, no traceback
        return EXIT_INTERRUPTED


def _already_running(config: GuardianConfig, roles: tuple[Role, ...]) -> list[InstanceLock] | None:
    """Take the locks of these roles, or say who holds one (asking a tray to show itself)."""
    ports = {Role.SUPERVISOR: config.port, Role.PAGE: config.web_port}
    taken: list[InstanceLock] = []
    for role in roles:
        if role is Role.PAGE and not config.web_port:
            continue  # no page: nothing to hold
        lock = InstanceLock(role, ports[role])
        if not lock.acquire():
            _release(taken)
            _say_already_running(lock)
            return None
        taken.append(lock)
    return taken


def _say_already_running(lock: InstanceLock) -> None:
    with contextlib.suppress(Exception):  # no Qt, no display: the message below is enough
        from tray_app.gui.single_instance import SingleInstance

        SingleInstance().notify_running()
    pid = lock.holder_pid()
    words = C.CLI_ALREADY_GUARDING if lock.role is Role.SUPERVISOR else C.CLI_ALREADY_SERVING
    sys.stdout.write(say(words, console_language(), pid=str(pid)) + "\n")


def _release(locks: list[InstanceLock]) -> None:
    for lock in locks:
        lock.release()


def _cmd_tray(args: argparse.Namespace) -> int:
    loaded = _load(args)
    locks = _already_running(loaded.config, (Role.SUPERVISOR, Role.PAGE))
    if locks is None:
        return 0
    try:
        return _tray_or_headless(loaded)
    finally:
        _release(locks)


def _tray_or_headless(loaded: LoadedConfig) -> int:
    try:
        from tray_app.gui.app import TrayUnavailable, run_tray
    except ImportError as error:
        lang = console_language(loaded.config.language)
        sys.stderr.write(say(C.CLI_TRAY_CANNOT_LOAD, lang, error=str(error)) + "\n")
        return _run_headless(loaded.config, supervise=True, web=True)
    try:
        return run_tray(loaded, web_factory=_web_starter())
    except TrayUnavailable as error:
        lang = console_language(loaded.config.language)
        sys.stderr.write(say(C.CLI_TRAY_UNAVAILABLE, lang, error=str(error)) + "\n")
        return _run_headless(loaded.config, supervise=True, web=True)


def _cmd_run(args: argparse.Namespace) -> int:
    config = _load(args).config
    supervise, web = not args.frontend_only, not args.backend_only
    roles = (Role.SUPERVISOR,) * supervise + (Role.PAGE,) * web
    locks = _already_running(config, roles)
    if locks is None:
        return 0
    try:
        return _run_headless(config, supervise=supervise, web=web)
    finally:
        _release(locks)


def _web_starter() -> Callable[[Any, GuardianConfig], Any]:
    """Starts the page server; its imports (FastAPI, uvicorn) wait until it is needed, so the
    backend is spawned first."""

    def start(supervisor: Any, config: GuardianConfig) -> Any:
        from tray_app.web.server import start_web_server

        return start_web_server(supervisor, config)

    return start


def _run_headless(config: GuardianConfig, *, supervise: bool, web: bool) -> int:
    from tray_app.headless import run_headless

    starter = _web_starter() if web and config.web_port else None
    return run_headless(config, supervise=supervise, web_starter=starter)


def _cmd_backend(_args: argparse.Namespace) -> int:  # reached only through main's shortcut
    return 2


def _cmd_logs(args: argparse.Namespace) -> int:
    from tray_app.logs import commands
    from tray_app.logs.reading import parse_since

    config = load_config(args.config).config
    if args.log_dir:
        config = config.model_copy(update={"log_dir": str(args.log_dir)})
    log_dir = config.log_path
    if args.logs_command == "bundle":
        return commands.bundle_command(config, args.output)
    try:
        since = parse_since(args.since) if args.since else None
    except ValueError as error:
        lang = console_language(config.language)
        sys.stderr.write(say(C.CLI_BAD_SINCE, lang, error=str(error)) + "\n")
        return 2
    if args.logs_command == "summary":
        return commands.summary_command(log_dir, since, args.json, language=config.language)
    if args.logs_command == "incidents":
        return commands.incidents_command(log_dir, since, args.id)
    return commands.show_command(
        log_dir, args.file, args.level, since, args.grep, args.lines, args.follow
    )


def _cmd_doctor(args: argparse.Namespace) -> int:
    from tray_app.doctor import doctor_command

    return doctor_command(
        _load(args).config, args.fix, yes=args.yes, allow_system=args.allow_system
    )


def _cmd_config(args: argparse.Namespace) -> int:
    if args.action == "validate":
        target = args.file or args.config
        loaded = load_config(target, config_overrides(args))
        lang = console_language(loaded.config.language)
        sys.stdout.write(say(C.CONFIG_VALID, lang, file=str(loaded.file)) + "\n")
        return 0
    loaded = _load(args)
    if args.action == "path":
        state = C.CONFIG_EXISTS if loaded.file_exists else C.CONFIG_NOT_CREATED
        lang = console_language(loaded.config.language)
        sys.stdout.write(say(state, lang, file=str(loaded.file)) + "\n")
        return 0
    from tray_app.logs.redaction import redacted_config

    values = redacted_config(loaded.config)  # secrets masked: this output gets pasted around
    if args.json:
        sys.stdout.write(json.dumps({"file": str(loaded.file), "values": values}, indent=2) + "\n")
        return 0
    lang = console_language(loaded.config.language)
    sys.stdout.write(say(C.CONFIG_FILE_HEADER, lang, file=str(loaded.file)) + "\n")
    for key, value in values.items():
        sys.stdout.write(f"{key} = {json.dumps(value)}  # {loaded.sources[key]}\n")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from tray_app.backup import commands

    config = _load(args).config
    if args.backup_command == "create":
        return commands.create_command(config)
    if args.backup_command == "list":
        return commands.list_command(config, args.json)
    if args.backup_command == "verify":
        return commands.verify_command(config, args.id)
    return commands.restore_command(config, args.id, args.yes)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    "tray": _cmd_tray,
    "run": _cmd_run,
    "backend": _cmd_backend,
    "logs": _cmd_logs,
    "doctor": _cmd_doctor,
    "config": _cmd_config,
    "backup": _cmd_backup,
}

if __name__ == "__main__":
    sys.exit(main())
