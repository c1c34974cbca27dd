"""The app factory: `create_app(settings)` builds a fresh FastAPI app (nothing at import)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from erp_guardian_status import status_router
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from backend import __version__
from backend.app.api.slow_health import SlowHealthMiddleware
from backend.app.api.v1.endpoints.faults import build_fault_router
from backend.app.middleware.host_guard import HostGuardMiddleware
from backend.app.middleware.request_log import RequestLogMiddleware
from backend.app.services.database import Database
from backend.app.services.faults import FaultState
from backend.app.settings import BackendSettings

log = logging.getLogger(__name__)

WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})


def create_app(settings: BackendSettings) -> FastAPI:
    """Build the backend app for these settings; start-up work runs in the lifespan."""
    database = Database(settings.db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        database.initialize()  # the demo ERP's own data; the status kit only reads it
        log.info(
            "backend %s ready: database %s, cache ttl %.1f s, faults %s",
            __version__,
            settings.db_path,
            settings.cache_ttl_s,
            "enabled" if settings.faults_enabled else "disabled",
        )
        yield
        log.info("backend shutting down")

    app = FastAPI(
        title="ERP backend",
        version=__version__,
        description="The ERP backend guarded by ERP Guardian: liveness and system status.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.include_router(
        status_router(
            database=settings.db_path,
            ttl_s=settings.cache_ttl_s,
            integrity_ttl_s=settings.integrity_ttl_s,
            health_db_timeout_s=settings.health_db_timeout_s,
            stats_db_timeout_s=settings.stats_db_timeout_s,
        )
    )
    faults = FaultState()
    if settings.faults_enabled:  # otherwise the fault routes do not exist: 404
        app.include_router(build_fault_router(faults))
        app.add_middleware(SlowHealthMiddleware, faults=faults)
    _add_middleware(app, settings)
    return app


def _add_middleware(app: FastAPI, settings: BackendSettings) -> None:
    # Added last = outermost: request log, then host guard, then CORS.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    extra_hosts = frozenset() if settings.host in WILDCARD_HOSTS else frozenset({settings.host})
    app.add_middleware(HostGuardMiddleware, extra_hosts=extra_hosts)
    app.add_middleware(RequestLogMiddleware, health_log_interval_s=settings.health_log_interval_s)
