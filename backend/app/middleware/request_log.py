"""One log line per request, and the last line of defence against unhandled errors.

Successful, quick /health requests are the exception: the watchdog's checks are counted and
summed up once per interval (see health_tally.py); a failed or slow one is written alone.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.app.middleware.health_tally import HealthTally

log = logging.getLogger("backend.requests")

INTERNAL_ERROR_BODY = b'{"detail":"internal error"}'
# The status kit's default health route; the backend does not change it.
HEALTH_PATH = "/health"
# A /health this slow is worth its own line: the watchdog is close to calling it hung.
SLOW_HEALTH_MS = 1000.0
DEFAULT_HEALTH_LOG_INTERVAL_S = 60.0


class RequestLogMiddleware:
    """Pure ASGI: logs method, path, status and latency; turns a crash into a JSON 500.

    The traceback goes to the log only; the client never sees it.
    """

    def __init__(
        self,
        app: ASGIApp,
        health_log_interval_s: float = DEFAULT_HEALTH_LOG_INTERVAL_S,
        health_path: str = HEALTH_PATH,
    ) -> None:
        self.app = app
        self.health_path = health_path
        self._tally = HealthTally(health_log_interval_s)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, self._flush_at_shutdown(receive), send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def send_and_note_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note_status)
        except Exception:
            log.exception("unhandled error in %s %s", scope["method"], scope["path"])
            if status == 0:  # nothing sent yet: the client still gets a proper answer
                status = 500
                await _send_internal_error(send)
        finally:
            ended = time.perf_counter()
            self._log(scope, status, (ended - started) * 1000, ended)

    def _log(self, scope: Scope, status: int, elapsed_ms: float, now: float) -> None:
        tally = self._tally
        quiet = (
            scope["path"] == self.health_path
            and 200 <= status < 300
            and elapsed_ms <= SLOW_HEALTH_MS
        )
        line = tally.add(elapsed_ms, now) if quiet else tally.due_line(now)
        if line:
            log.info("%s", line)
        if not quiet:
            log.info("%s %s %d %.1fms", scope["method"], scope["path"], status, elapsed_ms)

    def _flush_at_shutdown(self, receive: Receive) -> Receive:
        async def receive_and_flush() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                line = self._tally.flush(time.perf_counter())
                if line:
                    log.info("%s", line)
            return message

        return receive_and_flush


async def _send_internal_error(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(INTERNAL_ERROR_BODY)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": INTERNAL_ERROR_BODY})
