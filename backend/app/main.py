"""The app factory: `create_app(settings)` builds a fresh FastAPI app (nothing at import)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from backend import __version__
from backend.app.api import health
from backend.app.api.v1.router import build_router
from backend.app.concurrency import make_limiters
from backend.app.middleware.host_guard import HostGuardMiddleware
from backend.app.middleware.request_log import RequestLogMiddleware
from backend.app.services.container import build_services
from backend.app.settings import BackendSettings

log = logging.getLogger(__name__)

WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})


def create_app(settings: BackendSettings) -> FastAPI:
    """Build the backend app for these settings; start-up work runs in the lifespan."""
    services = build_services(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.status_limiter, app.state.health_limiter = make_limiters()
        services.start()
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
    app.state.services = services
    app.include_router(health.router)
    app.include_router(build_router(settings.faults_enabled))
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
    app.add_middleware(RequestLogMiddleware)
