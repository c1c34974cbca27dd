"""The web app: the watchdog's API, the backend proxy, and the built page."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, assert_never

from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as Path_
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from tray_app.backup.store import BackupStore, backup_folder
from tray_app.logs.incidents import find_report, list_incidents
from tray_app.metrics.registry import CONTENT_TYPE, GuardianMetrics, metrics_of
from tray_app.watchdog import Supervisor
from tray_app.watchdog.model import UserCommand
from tray_app.web.backend_proxy import BackendProxy
from tray_app.web.backup_schemas import BackupLister, WatchdogBackups
from tray_app.web.incident_schemas import IncidentReport, WatchdogIncidents
from tray_app.web.remote_access import RemoteAccess, RemoteAccessMiddleware
from tray_app.web.schemas import (
    ActionAccepted,
    ErrorDetail,
    WatchdogEvent,
    WatchdogEvents,
    WatchdogStatus,
)

log = logging.getLogger("erp_guardian.web")

TOKEN_HEADER = "X-Guardian-Token"


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of the error answers a route can give besides 422."""
    return {code: {"model": ErrorDetail} for code in codes}


# The proxy passes the backend's JSON through; its shapes are in the backend's own schema
# (backend.app.main), which the page's types are generated from as well.
PASSED_THROUGH: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The backend's answer, unchanged (see the backend's OpenAPI document)",
        "content": {"application/json": {"schema": {"type": "object"}}},
    },
    **_errors(502, 503),
}


def command_handler(supervisor: Supervisor, command: UserCommand) -> Callable[[], None]:
    """The supervisor's method for a user command; mypy checks that every command has one."""
    match command:
        case UserCommand.START:
            return supervisor.start
        case UserCommand.STOP:
            return supervisor.stop
        case UserCommand.RESTART:
            return supervisor.restart
        case UserCommand.PAUSE:
            return supervisor.pause
        case UserCommand.RESUME:
            return supervisor.resume
        case _:
            assert_never(command)


NOT_BUILT_PAGE = (
    "<!doctype html><title>ERP Guardian</title><p>The status page has not been built. "
    "The API answers under <code>/api/watchdog/status</code>.</p>"
)


def create_web_app(
    supervisor: Supervisor,
    token: str,
    backend_url: str,
    dist_dir: Path | None,
    log_dir: Path | None = None,
    access: RemoteAccess | None = None,
    metrics: GuardianMetrics | None = None,
    backups: BackupLister | None = None,
) -> FastAPI:
    """A FastAPI app bound to one supervisor. Nothing global: tests build as many as they like.

    `access` says who may connect from other machines (default: nobody); `metrics` defaults to
    the supervisor's own (`metrics_of`); `backups` lists the backups, by default those in the
    backup folder of the supervisor's current config (what the tray's Backups window lists).
    The app gets a listing only: no restore, create or verify is reachable from a browser."""
    access = access or RemoteAccess()
    metrics = metrics or metrics_of(supervisor)
    list_backups = backups or (lambda: BackupStore(backup_folder(supervisor.config)).list())
    app = FastAPI(
        title="ERP Guardian supervisor",
        version="1",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.add_middleware(RemoteAccessMiddleware, metrics_token=access.metrics_token)
    # A page served by a DNS-rebinding attacker's name would carry that name in Host. Added
    # last, so it runs first: a foreign Host is refused before anything else is looked at.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(access.allowed_hosts))
    proxy = BackendProxy(backend_url)

    @app.exception_handler(Exception)
    async def internal_error(_request: Request, error: Exception) -> JSONResponse:
        log.error("web request failed", exc_info=error)  # the trace stays in our log
        return JSONResponse({"detail": "internal error"}, status_code=500)

    def require_token(given: str | None) -> None:
        if not given or not secrets.compare_digest(given, token):
            raise HTTPException(
                403, f"this action needs the per-run token of the tray app ({TOKEN_HEADER})"
            )

    @app.get("/api/watchdog/status")
    def watchdog_status() -> WatchdogStatus:
        return WatchdogStatus.of(supervisor.snapshot())

    @app.get("/api/watchdog/events")
    def watchdog_events(
        limit: Annotated[int, Query(ge=1, le=500, description="newest N events")] = 50,
    ) -> WatchdogEvents:
        events = supervisor.recent_events(limit)
        return WatchdogEvents(events=[WatchdogEvent.of(event) for event in events])

    @app.get("/api/watchdog/incidents")
    def watchdog_incidents(
        limit: Annotated[int, Query(ge=1, le=200, description="newest N incidents")] = 20,
    ) -> WatchdogIncidents:
        return WatchdogIncidents.of(list_incidents(log_dir)[-limit:] if log_dir else [])

    @app.get("/api/watchdog/incidents/{incident_id}", responses=_errors(404))
    def watchdog_incident(
        incident_id: Annotated[str, Path_(pattern=r"^[A-Za-z0-9_-]{1,80}$")],
    ) -> IncidentReport:
        found = find_report(log_dir, incident_id) if log_dir else None
        report = IncidentReport.read(found) if found else None
        if report is None:
            raise HTTPException(404, f"no incident {incident_id}")
        return report

    @app.get("/api/watchdog/backups")
    def watchdog_backups() -> WatchdogBackups:
        # A plain def: the folder listing runs in FastAPI's thread pool.
        now = datetime.now(UTC)
        return WatchdogBackups.of(list_backups(), now, supervisor.config.warn_backup_age_h)

    def add_action(command: UserCommand) -> None:
        handler = command_handler(supervisor, command)

        @app.post(
            f"/api/watchdog/{command.value}",
            status_code=202,
            name=f"watchdog_{command.value}",
            responses=_errors(403),
        )
        def action(
            token_header: Annotated[str | None, Header(alias=TOKEN_HEADER)] = None,
        ) -> ActionAccepted:
            require_token(token_header)
            handler()
            log.info("%s requested from the web page", command.value)
            return ActionAccepted(accepted=True, action=command)

    for command in UserCommand:
        add_action(command)

    @app.get("/metrics", include_in_schema=False)
    def prometheus_metrics() -> Response:
        # A plain def: FastAPI runs it in its thread pool (psutil, disk usage).
        return Response(metrics.exposition(), media_type=CONTENT_TYPE)

    @app.get("/api/backend/status", responses=PASSED_THROUGH)
    async def backend_status() -> JSONResponse:
        answer = await run_in_threadpool(proxy.get_status)
        return JSONResponse(answer.body, status_code=answer.status_code)

    @app.post("/api/backend/reset-cache", responses=PASSED_THROUGH)
    async def backend_reset_cache() -> JSONResponse:
        answer = await run_in_threadpool(proxy.reset_cache)
        return JSONResponse(answer.body, status_code=answer.status_code)

    if dist_dir is not None and (dist_dir / "index.html").exists():
        app.mount("/", StaticFiles(directory=dist_dir, html=True), name="page")
    else:

        @app.get("/", response_class=HTMLResponse, include_in_schema=False)
        def page_not_built() -> str:
            return NOT_BUILT_PAGE

    return app
