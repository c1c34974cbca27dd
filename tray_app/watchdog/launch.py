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


def launch_spec(config: GuardianConfig) -> LaunchSpec:
    """The command for the configured backend. `{host}` and `{port}` in a custom command are
    replaced, so a port change in the settings reaches the service too.

    The bundled backend stops when its stdin closes, on every OS; a foreign one gets the OS's
    own request (SIGTERM, or Ctrl+C on Windows) and no pipe it might read by mistake."""
    if config.backend_cmd:
        argv = [
            part.replace("{host}", config.host).replace("{port}", str(config.port))
            for part in config.backend_argv
        ]
        stop_method = StopMethod.OS_SIGNAL
    else:
        stop_method = StopMethod.PIPE_CLOSE
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
    return LaunchSpec(
        argv=argv, cwd=config.backend_cwd, env=dict(config.backend_env), stop_method=stop_method
    )
