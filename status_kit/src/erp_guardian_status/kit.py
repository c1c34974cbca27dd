"""One status API instance: its services, built at the first request, and its thread limits.

Nothing is built when the router is: a host app may be created in one process and served in
another (a pre-forking server), and psutil must describe the process that serves.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from erp_guardian_status.concurrency import LazyLimiters
from erp_guardian_status.database import ReadOnlyDatabase
from erp_guardian_status.db_stats import DatabaseStatsCollector
from erp_guardian_status.health_service import HealthService
from erp_guardian_status.options import StatusOptions
from erp_guardian_status.status_service import StatusService
from erp_guardian_status.system_collector import SystemCollector


@dataclass(frozen=True)
class KitServices:
    health: HealthService
    status: StatusService


class StatusKit:
    """Holds the options and, from the first request on, the services and limiters."""

    def __init__(self, options: StatusOptions, clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options
        self.limiters = LazyLimiters()
        self._clock = clock
        self._started_mono = clock()  # uptime counts from when the host app was built
        self._lock = threading.Lock()
        self._services: KitServices | None = None

    def services(self, app_version: str) -> KitServices:
        """The services, built (and psutil's CPU readings primed) on the first call.

        `app_version` is used unless the options name a version.
        """
        with self._lock:
            if self._services is None:
                self._services = self._build(self.options.version or app_version)
                self._services.status.prime()
            return self._services

    def reset(self) -> None:
        """Forget the cached status; nothing to forget before the first request."""
        with self._lock:
            services = self._services
        if services is not None:
            services.status.reset()

    def _build(self, version: str) -> KitServices:
        options = self.options
        database = ReadOnlyDatabase(options.database)
        stats = DatabaseStatsCollector(
            database, timeout_s=options.stats_db_timeout_s, integrity_ttl_s=options.integrity_ttl_s
        )
        system = SystemCollector(disk_path=options.database.parent, app_version=version)
        health = HealthService(
            database,
            options.health_db_timeout_s,
            version,
            options.checks,
            started_mono=self._started_mono,
            clock=self._clock,
        )
        return KitServices(health=health, status=StatusService(system, stats, ttl_s=options.ttl_s))
