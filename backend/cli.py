"""Command line of the backend: `python -m backend` and `erp-guardian backend` run `main`.

Exit codes: 0 after a graceful stop, 2 for a bad option, 3 when the port is in use.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from backend import __version__
from backend.app.settings import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    FAULTS_ENV_VAR,
    BackendSettings,
    default_db_path,
    default_log_dir,
)

EXIT_BAD_OPTION = 2
EXIT_PORT_IN_USE = 3

log = logging.getLogger("backend")

# Settings field -> the option that sets it, so validation errors name the option.
OPTION_OF_FIELD = {
    "host": "--host",
    "port": "--port",
    "db_path": "--db",
    "log_dir": "--log-dir",
    "cache_ttl_s": "--cache-ttl",
    "log_max_bytes": "--log-max-bytes",
    "log_backups": "--log-backups",
    "cors_origins": "--cors-origin",
}


def build_parser(prog: str = "erp-backend") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Run the ERP backend (FastAPI on uvicorn, SQLite database).",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="bind address (%(default)s)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="default %(default)s")
    parser.add_argument(
        "--db", type=Path, default=None, help=f"SQLite database file (default {default_db_path()})"
    )
    parser.add_argument(
        "--log-dir", type=Path, default=None, help=f"log folder (default {default_log_dir()})"
    )
    parser.add_argument(
        "--cache-ttl", type=float, default=2.0, metavar="S", help="status cache seconds (2)"
    )
    parser.add_argument(
        "--log-max-bytes", type=int, default=5 * 1024 * 1024, metavar="N", help="rotate at N bytes"
    )
    parser.add_argument(
        "--log-backups", type=int, default=5, metavar="N", help="rotated files kept (5)"
    )
    parser.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="URL",
        help="allow this web origin (repeatable; default none)",
    )
    parser.add_argument(
        "--stop-on-stdin-eof",
        action="store_true",
        help="stop gracefully when stdin closes (the guardian's stop request on every OS)",
    )
    parser.add_argument(
        "--fd",
        default=None,
        metavar="N",
        help="serve on this inherited listening socket instead of binding one (the guardian's "
        "socket handoff); 'share' on Windows: the socket comes as the first line on stdin",
    )
    parser.add_argument(
        "--standby",
        action="store_true",
        help="warm up, print 'ready' and serve only after 'promote' arrives on stdin",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def settings_from_args(args: argparse.Namespace) -> BackendSettings:
    """Validated settings; raises ValidationError for out-of-range values."""
    return BackendSettings(
        host=args.host,
        port=args.port,
        db_path=args.db if args.db is not None else default_db_path(),
        log_dir=args.log_dir if args.log_dir is not None else default_log_dir(),
        cache_ttl_s=args.cache_ttl,
        log_max_bytes=args.log_max_bytes,
        log_backups=args.log_backups,
        cors_origins=tuple(args.cors_origin),
        faults_enabled=os.environ.get(FAULTS_ENV_VAR) == "1",
    )


def describe_validation_error(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else ""
        option = OPTION_OF_FIELD.get(field, field)
        parts.append(f"{option}: {str(item['msg']).removeprefix('Value error, ')}")
    return "; ".join(parts)


@dataclass(frozen=True)
class RunOptions:
    """What to serve, and how a stop is asked for besides signals."""

    settings: BackendSettings
    stop_on_stdin_eof: bool
    fd: str | None = None  # the guardian's listening socket, handed over
    standby: bool = False


def parse_options(argv: list[str] | None, prog: str) -> RunOptions | int:
    """Options, or the exit code to stop with (2 for bad options, 0 for --help)."""
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
        return RunOptions(settings_from_args(args), args.stop_on_stdin_eof, args.fd, args.standby)
    except ValidationError as error:
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"{parser.prog}: error: {describe_validation_error(error)}\n")
        return EXIT_BAD_OPTION
    except SystemExit as exit_:  # argparse's own errors, --help and --version
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_OPTION


def main(argv: list[str] | None = None, prog: str = "erp-backend") -> int:
    """Run the backend until it is stopped; returns the process exit code.

    `prog` is the command name shown in usage lines (e.g. "erp-guardian backend").
    """
    parsed = parse_options(argv, prog)
    if isinstance(parsed, int):
        return parsed
    settings = parsed.settings
    # Imported here: `--help` and bad options stay fast, and nothing heavy runs at import.
    from backend.app.control import StdinControl
    from backend.app.logging_setup import configure_logging
    from backend.app.main import create_app
    from backend.app.server import (
        PortInUseError,
        adopt_socket,
        bind_socket,
        prepare_server,
        register_stack_dump_signal,
        serve,
    )
    from backend.app.standby import wait_for_promotion

    try:
        if parsed.fd is not None:
            sock = adopt_socket(parsed.fd, sys.stdin.buffer)
        else:
            sock = bind_socket(settings.host, settings.port)
    except PortInUseError as error:
        sys.stderr.write(f"erp-backend: port {settings.port} is in use: {error.strerror}\n")
        return EXIT_PORT_IN_USE
    except (OSError, ValueError) as error:
        where = f"--fd {parsed.fd}" if parsed.fd is not None else f"--host {settings.host}"
        sys.stderr.write(f"erp-backend: {where}: cannot listen there: {error}\n")
        return EXIT_BAD_OPTION
    control = None
    if parsed.stop_on_stdin_eof or parsed.standby:
        control = StdinControl(sys.stdin.buffer)
        control.start()
    dumps = register_stack_dump_signal()
    app = create_app(settings)
    server = prepare_server(app)
    if parsed.standby:
        assert control is not None
        if not wait_for_promotion(app, settings.db_path, control):
            return 0  # stdin closed before promotion: not wanted any more
    # A standby opens the log file only now: one process writes each log file.
    assert settings.log_dir is not None  # settings_from_args always sets it
    log_file = configure_logging(settings.log_dir, settings.log_max_bytes, settings.log_backups)
    log.info(
        "listening on http://%s:%d (pid %d, log %s, stack dump on SIGUSR1: %s, "
        "stop when stdin closes: %s, socket %s)",
        settings.host,
        settings.port,
        os.getpid(),
        log_file or "stdout only",
        "yes" if dumps else "no",
        "yes" if control is not None else "no",
        "from the guardian, promoted standby"
        if parsed.standby
        else ("from the guardian" if parsed.fd is not None else "bound here"),
    )
    serve(server, sock, control)
    return 0
