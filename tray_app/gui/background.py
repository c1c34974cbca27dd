"""Short file jobs (reading incident reports, writing a support bundle) off the GUI thread.

A job is a plain Python callable run on a private QThreadPool; its result, or the error it
raised, comes back to a callback on the GUI thread through a queued signal. Jobs touch no Qt
object: the callback does, on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any, str], None]  # (result, error): error is "" when the job succeeded


class BackgroundJobs(QObject):
    _finished = Signal(int, object, str)  # job id, result, error; emitted on a pool thread

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._callbacks: dict[int, Done] = {}
        self._ids = itertools.count(1)
        # Queued explicitly: the signal is emitted on a pool thread, the callback runs here.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, job: Callable[[], Any], done: Done) -> None:
        """Run job() on a pool thread, then done(result, error) on the GUI thread."""
        job_id = next(self._ids)
        self._callbacks[job_id] = done
        self._pool.start(lambda: self._run(job_id, job))

    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, timeout_ms: int) -> bool:
        """Drop jobs not started yet and wait for the running ones; False if time ran out."""
        self._pool.clear()
        return bool(self._pool.waitForDone(timeout_ms))

    def _run(self, job_id: int, job: Callable[[], Any]) -> None:
        try:
            result, error = job(), ""
        except Exception as exc:  # reported to the caller, who says it to the user
            log.warning("background job failed: %s", exc, exc_info=True)
            result, error = None, str(exc) or type(exc).__name__
        self._finished.emit(job_id, result, error)

    @Slot(int, object, str)
    def _deliver(self, job_id: int, result: Any, error: str) -> None:
        done = self._callbacks.pop(job_id, None)
        if done is not None:
            done(result, error)
