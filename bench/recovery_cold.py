"""The backend's own cold start, for bench/recovery.py: exec to the first 200 on /health.

The machine is shared and its load moves from minute to minute, so the benchmark takes cold
starts not only up front but also just before every SIGKILL, on a port and in folders of their
own: each guardian's recovery is then compared with cold starts of the same minutes.
"""

from __future__ import annotations

import time
from pathlib import Path

from recovery_guardian import GuardianSetup, backend_argv
from recovery_procs import Processes, port_is_free, time_until_new_backend, wait_for

START_TIMEOUT_S = 60.0


class ColdStarter:
    """Starts the backend directly (the guardian's own command, on its own port) and times it."""

    def __init__(self, procs: Processes, folder: Path, port: int, cwd: Path) -> None:
        self._procs = procs
        self._cwd = cwd
        self.setup = GuardianSetup(folder, port)
        self.setup.data_dir.mkdir(parents=True, exist_ok=True)
        self.setup.log_dir.mkdir(parents=True, exist_ok=True)
        self._argv = backend_argv(self.setup)

    def measure(self) -> float:
        """Seconds from exec to the first 200 on /health; the backend is stopped afterwards."""
        port = self.setup.port
        wait_for(lambda: True if port_is_free(port) else None, 15, f"port {port} free", 0.01)
        started = time.monotonic()
        popen = self._procs.start(self._argv, cwd=self._cwd)
        try:
            elapsed, _pid = time_until_new_backend(port, started, None, START_TIMEOUT_S)
        finally:
            self._procs.end(popen)
        return elapsed
