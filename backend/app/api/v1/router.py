"""All routes of API v1 under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from backend.app.api.v1.endpoints import faults, status


def build_router(faults_enabled: bool) -> APIRouter:
    router = APIRouter(prefix="/api/v1")
    router.include_router(status.router)
    if faults_enabled:  # otherwise the fault routes do not exist: 404
        router.include_router(faults.router)
    return router
