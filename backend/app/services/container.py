"""Builds the backend's services from its settings; the app keeps one instance."""

from __future__ import annotations

from dataclasses import dataclass

from backend import __version__
from backend.app.services.database import Database
from backend.app.services.db_stats import DatabaseStatsCollector
from backend.app.services.faults import FaultState
from backend.app.services.health_service import HealthService
from backend.app.services.status_service import StatusService
from backend.app.services.system_collector import SystemCollector
from backend.app.settings import BackendSettings


@dataclass(frozen=True)
class Services:
    database: Database
    health: HealthService
    status: StatusService
    faults: FaultState

    def start(self) -> None:
        """Start-up work: create the database if needed and take the first CPU readings."""
        self.database.initialize()
        self.status.prime()


def build_services(settings: BackendSettings) -> Services:
    database = Database(settings.db_path)
    stats = DatabaseStatsCollector(
        database,
        timeout_s=settings.stats_db_timeout_s,
        integrity_ttl_s=settings.integrity_ttl_s,
    )
    system = SystemCollector(disk_path=settings.db_path.parent, app_version=__version__)
    return Services(
        database=database,
        health=HealthService(database, settings.health_db_timeout_s, __version__),
        status=StatusService(system, stats, ttl_s=settings.cache_ttl_s),
        faults=FaultState(),
    )
