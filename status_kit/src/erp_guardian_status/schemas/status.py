"""Response models of GET {prefix}/system/status and its cache reset."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class MemoryInfo(BaseModel):
    total_bytes: int
    available_bytes: int
    used_bytes: int
    percent: float


class SwapInfo(BaseModel):
    total_bytes: int
    used_bytes: int
    percent: float


class DiskInfo(BaseModel):
    path: str = Field(description="The folder of the database, whose disk is measured")
    total_bytes: int
    used_bytes: int
    free_bytes: int
    percent: float


class SystemInfo(BaseModel):
    hostname: str
    os: str = Field(description='System and release, e.g. "Linux 6.1.0"')
    platform: str = Field(description="sys.platform")
    boot_time: datetime
    cpu_percent: float = Field(description="Since the previous sample (no blocking interval)")
    cpu_per_core: list[float]
    cpu_count: int
    load_average: list[float] | None = Field(description="1, 5, 15 min; null where the OS has none")
    memory: MemoryInfo
    swap: SwapInfo | None
    disk: DiskInfo | None


class ProcessInfo(BaseModel):
    pid: int
    started_at: datetime
    uptime_s: float
    rss_bytes: int
    cpu_percent: float
    threads: int
    open_files: int | None = Field(description="null where the OS refuses to list them")
    python_version: str
    app_version: str


class TableInfo(BaseModel):
    name: str
    rows: int


class IntegrityInfo(BaseModel):
    ok: bool
    result: str = Field(description='"ok" or the first problem PRAGMA quick_check found')
    checked_at: datetime


class DatabaseInfo(BaseModel):
    path: str
    size_bytes: int = Field(description="file_bytes + wal_bytes")
    file_bytes: int
    wal_bytes: int
    sqlite_version: str
    journal_mode: str | None
    page_size: int | None
    page_count: int | None
    tables: list[TableInfo]
    query_latency_ms: float | None
    integrity: IntegrityInfo | None
    error: str | None = Field(description="Set when the database could not be read")


class CacheInfo(BaseModel):
    computed_at: datetime
    age_s: float
    ttl_s: float
    hits: int
    misses: int
    compute_ms: float = Field(description="How long the computation of these figures took")


class StatusSections(BaseModel):
    """What one computation produces; the cache section is added per request."""

    system: SystemInfo
    process: ProcessInfo
    database: DatabaseInfo
    errors: list[str] = Field(description="Metrics that could not be read, e.g. 'system.disk: ...'")


class SystemStatus(StatusSections):
    cache: CacheInfo


class ResetCacheResponse(BaseModel):
    reset: bool
    message: str
