"""Dependencies that hand the app's services to route handlers."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request

from backend.app.services.container import Services


def get_services(request: Request) -> Services:
    return cast(Services, request.app.state.services)


ServicesDep = Annotated[Services, Depends(get_services)]
