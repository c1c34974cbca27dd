"""What command starts the backend: the bundled one by default, or any configured service."""

from __future__ import annotations

import sys

from tray_app.config import GuardianConfig
from tray_app.watchdog.platform import StopMethod
from tray_app.watchdog.process import LaunchSpec


def bundled_backend_argv() -> list[str]:
    """Run the bundled backend: this executable again when frozen, else `python -m backend`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "backend"]
    return [sys.executable, "-m", "backend"]


FD_PLACEHOLDER = "{fd}"


def launch_spec(config: GuardianConfig, *, standby: bool = False) -> LaunchSpec:
    """The command for the configured backend. `{host}` and `{port}` in a custom command are
    replaced, so a port change in the settings reaches the service too; `{fd}` asks for the
    guardian's listening socket (uvicorn `--fd {fd}`, gunicorn `--bind fd://{fd}`).

    The bundled backend stops when its stdin closes, on every OS; a foreign one gets the OS's
    own request (SIGTERM, or Ctrl+C on Windows) and no pipe it might read by mistake. Only the
    bundled backend can be a standby: a foreign one has no way to be told to start serving."""
    if config.backend_cmd:
        argv = [
            part.replace("{host}", config.host).replace("{port}", str(config.port))
            for part in config.backend_argv
        ]
        return LaunchSpec(
            argv=argv,
            cwd=config.backend_cwd,
            env=dict(config.backend_env),
            stop_method=StopMethod.OS_SIGNAL,
            takes_socket=any(FD_PLACEHOLDER in part for part in argv),
        )
    argv = [
        *bundled_backend_argv(),
        "--host",
        config.host,
        "--port",
        str(config.port),
        "--db",
        str(config.database_file),
        "--log-dir",
        str(config.log_path),
        "--stop-on-stdin-eof",
    ]
    if config.socket_handoff:
        argv += ["--fd", FD_PLACEHOLDER]
    if standby:
        argv.append("--standby")
    return LaunchSpec(
        argv=argv,
        cwd=config.backend_cwd,
        env=dict(config.backend_env),
        stop_method=StopMethod.PIPE_CLOSE,
        takes_socket=config.socket_handoff,
    )


def standby_possible(config: GuardianConfig) -> bool:
    """A standby needs the bundled backend (it understands `promote`) and the socket handoff
    (two processes cannot both bind the port)."""
    return config.standby and config.socket_handoff and not config.backend_cmd
