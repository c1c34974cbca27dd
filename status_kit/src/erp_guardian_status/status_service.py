"""The system status: collectors behind one TTL cache."""

from __future__ import annotations

from erp_guardian_status.db_stats import DatabaseStatsCollector
from erp_guardian_status.schemas.status import CacheInfo, StatusSections, SystemStatus
from erp_guardian_status.system_collector import SystemCollector
from erp_guardian_status.ttl_cache import CacheResult, TTLCache


class StatusService:
    """Computes StatusSections at most once per TTL; callers may accept older figures."""

    def __init__(
        self,
        system: SystemCollector,
        database: DatabaseStatsCollector,
        ttl_s: float,
    ) -> None:
        self._system = system
        self._database = database
        self._cache: TTLCache[StatusSections] = TTLCache(self.compute, ttl_s=ttl_s)

    def prime(self) -> None:
        self._system.prime()

    def compute(self) -> StatusSections:
        """Read every figure now (blocking: call it from a worker thread)."""
        errors: list[str] = []
        return StatusSections(
            system=self._system.system(errors),
            process=self._system.process(errors),
            database=self._database.collect(),
            errors=errors,
        )

    def cached(self, max_age_s: float | None = None) -> SystemStatus | None:
        """The status if the cache holds fresh enough figures; never waits."""
        result = self._cache.peek(max_age_s)
        return None if result is None else _with_cache_info(result)

    def get(self, max_age_s: float | None = None) -> SystemStatus:
        """The status, computing it if needed (blocking: call it from a worker thread)."""
        return _with_cache_info(self._cache.get(max_age_s))

    def reset(self) -> None:
        self._cache.reset()
        self._database.reset()


def _with_cache_info(result: CacheResult[StatusSections]) -> SystemStatus:
    sections = result.value
    return SystemStatus(
        system=sections.system,
        process=sections.process,
        database=sections.database,
        errors=sections.errors,
        cache=CacheInfo(
            computed_at=result.computed_at,
            age_s=round(result.age_s, 3),
            ttl_s=result.ttl_s,
            hits=result.hits,
            misses=result.misses,
            compute_ms=round(result.compute_ms, 3),
        ),
    )
