"""Refuses requests whose Host header is not a local name (DNS rebinding protection)."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def host_name(header: str) -> str:
    """The name part of a Host header: "[::1]:8765" -> "::1", "localhost:80" -> "localhost"."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") > 1:  # a bare IPv6 address without brackets
        return value
    return value.split(":", 1)[0]


class HostGuardMiddleware:
    """Pure ASGI: one header lookup per request, a 400 JSON answer for foreign hosts."""

    def __init__(self, app: ASGIApp, extra_hosts: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.allowed = LOCAL_HOSTS | {host_name(host) for host in extra_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = ""
        for key, value in scope["headers"]:
            if key == b"host":
                header = value.decode("latin-1")
                break
        if host_name(header) in self.allowed:
            await self.app(scope, receive, send)
            return
        reason = f"host {header!r} is not allowed" if header else "missing Host header"
        body = json.dumps({"detail": f"{reason}: only local names are accepted"}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
