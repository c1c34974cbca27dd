"""What command starts the backend: the bundled one by default, or any configured service."""

from __future__ import annotations

import sys

from tray_app.config import GuardianConfig
from tray_app.watchdog.process import LaunchSpec


def bundled_backend_argv() -> list[str]:
    """Run the bundled backend: this executable again when frozen, else `python -m backend`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "backend"]
    return [sys.executable, "-m", "backend"]


def launch_spec(config: GuardianConfig) -> LaunchSpec:
    """The command for the configured backend. `{host}` and `{port}` in a custom command are
    replaced, so a port change in the settings reaches the service too."""
    if config.backend_cmd:
        argv = [
            part.replace("{host}", config.host).replace("{port}", str(config.port))
            for part in config.backend_argv
        ]
    else:
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
        ]
    return LaunchSpec(argv=argv, cwd=config.backend_cwd, env=dict(config.backend_env))
