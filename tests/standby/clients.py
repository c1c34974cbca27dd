"""Real HTTP clients polling the backend's port while a test breaks the serving process."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import httpx

STATUS_PATH = "/api/v1/system/status?max_age=0"


@dataclass(frozen=True)
class Answer:
    started: float  # monotonic
    ended: float
    ok: bool
    pid: int | None  # the process that answered (from the status body)
    error: str = ""


@dataclass
class PollingClients:
    """`count` threads, each one request at a time on a fresh connection (a 20 s timeout)."""

    port: int
    count: int = 4
    answers: list[Answer] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> PollingClients:
        for _ in range(self.count):
            thread = threading.Thread(target=self._poll, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(30)

    def snapshot(self) -> list[Answer]:
        with self._lock:
            return list(self.answers)

    def started_after(self, moment: float) -> list[Answer]:
        return [a for a in self.snapshot() if a.started >= moment]

    def _poll(self) -> None:
        url = f"http://127.0.0.1:{self.port}{STATUS_PATH}"
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                response = httpx.get(url, timeout=20)
                pid = response.json()["process"]["pid"] if response.status_code == 200 else None
                answer = Answer(started, time.monotonic(), response.status_code == 200, pid)
            except (httpx.HTTPError, ValueError, KeyError) as error:
                answer = Answer(started, time.monotonic(), False, None, repr(error))
            with self._lock:
                self.answers.append(answer)
            if not answer.ok:
                self._stop.wait(0.01)  # a refused connection returns at once
