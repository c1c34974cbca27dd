"""The Uptime Kuma push: a heartbeat with status, message and latency (stdlib HTTP only).

Kuma's push monitor shows the URL to call; it ends in `?status=up&msg=OK&ping=`. We keep the
address and its token and set those three parameters ourselves.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tray_app.watchdog.model import State
from tray_app.watchdog.snapshot import Snapshot

log = logging.getLogger("erp_guardian.metrics")

MAX_MESSAGE = 200
_OURS = {"status", "msg", "ping"}


@dataclass(frozen=True)
class Heartbeat:
    up: bool
    message: str
    ping_ms: float | None

    @classmethod
    def of(cls, snapshot: Snapshot) -> Heartbeat:
        """Down whenever the backend is not healthy (degraded, restarting, paused ...)."""
        message = f"{snapshot.state.value}: {snapshot.detail}" if snapshot.detail else ""
        return cls(
            up=snapshot.state is State.HEALTHY,
            message=(message or snapshot.state.value)[:MAX_MESSAGE],
            ping_ms=snapshot.last_check_latency_ms,
        )


def heartbeat_url(push_url: str, beat: Heartbeat) -> str:
    """push_url with status, msg and ping set; its other parameters are kept."""
    parts = urlsplit(push_url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key not in _OURS]
    query += [("status", "up" if beat.up else "down"), ("msg", beat.message)]
    query.append(("ping", "" if beat.ping_ms is None else f"{beat.ping_ms:g}"))
    return urlunsplit(parts._replace(query=urlencode(query)))


class KumaPusher:
    """Sends heartbeats; a failing push is logged once, and once more when it works again."""

    def __init__(self, timeout_s: float = 10.0) -> None:
        self.timeout_s = timeout_s
        self._failing = False

    def push(self, push_url: str, beat: Heartbeat) -> bool:
        problem = self._send(heartbeat_url(push_url, beat))
        if problem is not None:
            if not self._failing:
                # The URL carries the monitor's token: log where it goes, not the whole of it.
                log.warning("Uptime Kuma push to %s failed: %s", _where(push_url), problem)
            self._failing = True
            return False
        if self._failing:
            log.info("Uptime Kuma push to %s works again", _where(push_url))
        self._failing = False
        return True

    def _send(self, url: str) -> str | None:
        """None when Kuma took the heartbeat, else what went wrong."""
        request = urllib.request.Request(url, headers={"User-Agent": "erp-guardian"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as answer:
                body = answer.read(4096)
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code} {_kuma_message(error.read(4096))}".strip()
        except (urllib.error.URLError, OSError) as error:
            return str(getattr(error, "reason", error))
        try:
            answer_json = json.loads(body or b"{}")
        except ValueError:
            return None  # a receiver that is not Kuma; the heartbeat was accepted
        if isinstance(answer_json, dict) and answer_json.get("ok") is False:
            return _kuma_message(body) or "refused"
        return None


def _kuma_message(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    return str(data.get("msg", "")) if isinstance(data, dict) else ""


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
