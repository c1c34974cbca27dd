"""Who may ask what: this machine anything (as before), other machines only to read, with the
bearer token (Prometheus' `authorization` setting), and never a control action.

A pure ASGI middleware, so it guards every route alike: the API, /metrics, the page's files.
"""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from tray_app.config import GuardianConfig
from tray_app.watchdog.address import bare_host

LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")
_WILDCARDS = {"", "0.0.0.0", "::"}
_READ_METHODS = {"GET", "HEAD"}


@dataclass(frozen=True)
class RemoteAccess:
    """metrics_token empty: other machines get nothing (the config demands one for a LAN bind)."""

    metrics_token: str = ""
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS

    @classmethod
    def of(cls, config: GuardianConfig) -> RemoteAccess:
        """Local names, the bound address itself (unless a wildcard), and web_allowed_hosts."""
        hosts = list(LOCAL_HOSTS)
        bound = bare_host(config.web_host)
        if bound not in _WILDCARDS:
            hosts += [bound, f"[{bound}]"] if ":" in bound else [bound]
        hosts += config.web_allowed_hosts
        return cls(config.metrics_token, tuple(dict.fromkeys(hosts)))


def is_loopback_client(host: str | None) -> bool:
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # not an address (a test client's name): not this machine
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


class RemoteAccessMiddleware:
    def __init__(self, app: ASGIApp, metrics_token: str) -> None:
        self.app = app
        self.token = metrics_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        refusal = self._refusal(scope, client[0] if client else None)
        if refusal is None:
            await self.app(scope, receive, send)
        else:
            await refusal(scope, receive, send)

    def _refusal(self, scope: Scope, client_host: str | None) -> JSONResponse | None:
        if is_loopback_client(client_host):
            return None
        if scope["method"] not in _READ_METHODS:
            return JSONResponse(
                {"detail": "control actions are accepted only from this computer"}, 403
            )
        if not self.token:
            return JSONResponse({"detail": "no access from other computers"}, 403)
        if not secrets.compare_digest(_bearer(scope).encode(), self.token.encode()):
            return JSONResponse(
                {"detail": "a valid bearer token (metrics_token) is needed"},
                401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return None


def _bearer(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else ""
    return ""
