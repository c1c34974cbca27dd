"""The thin adapter between the plain-Python engine and Qt.

`EngineWorker` lives on its own QThread and runs the engine's blocking loop there; the engine
calls its subscriber on the engine thread, and the worker only emits a signal (queued to the GUI
thread). `EngineBridge` lives on the GUI thread: views connect to its signals and slots and never
touch the engine themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, QTimer, Signal, Slot

from tray_app.config import GuardianConfig
from tray_app.watchdog.model import Event
from tray_app.watchdog.snapshot import Snapshot

log = logging.getLogger(__name__)

SNAPSHOT_POLL_MS = 1000  # uptime and "next retry" in the views move on without events


class Engine(Protocol):
    """What the GUI uses of tray_app.watchdog.Supervisor (all thread-safe but run())."""

    def run(self) -> None: ...
    def request_shutdown(self) -> None: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def restart(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def reconfigure(self, new_config: GuardianConfig) -> None: ...
    def stop_port_holder(self) -> None: ...
    def snapshot(self) -> Snapshot: ...
    def recent_events(self, limit: int = 100) -> list[Event]: ...
    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]: ...


class EngineWorker(QObject):
    """Runs Supervisor.run() on the engine thread and forwards its events as a signal."""

    event_received = Signal(object)  # Event, emitted on the engine thread
    finished = Signal(str)  # "" or the error that ended the loop

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self._engine = engine

    @Slot()
    def run(self) -> None:
        unsubscribe = self._engine.subscribe(self.event_received.emit)
        error = ""
        try:
            self._engine.run()
        except Exception as exc:  # the loop must not take the app down silently
            log.exception("watchdog engine stopped with an error")
            error = str(exc) or type(exc).__name__
        finally:
            unsubscribe()
        self.finished.emit(error)


class EngineBridge(QObject):
    """GUI-thread face of the engine: latest snapshot, events as signals, commands as slots."""

    engine_event = Signal(object)  # Event
    snapshot_changed = Signal(object)  # Snapshot
    engine_finished = Signal(str)

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._snapshot: Snapshot | None = None
        self._thread = QThread()
        self._thread.setObjectName("watchdog-engine")
        self._worker = EngineWorker(engine)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.event_received.connect(self._on_event)  # queued: receiver is here
        self._worker.finished.connect(self._on_finished)
        self._timer = QTimer(self)
        self._timer.setInterval(SNAPSHOT_POLL_MS)
        self._timer.timeout.connect(self.refresh)

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    def start(self) -> None:
        self._thread.start()
        self._timer.start()
        self.refresh()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    @Slot()
    def refresh(self) -> Snapshot:
        self._snapshot = self._engine.snapshot()
        self.snapshot_changed.emit(self._snapshot)
        return self._snapshot

    def recent_events(self, limit: int = 100) -> list[Event]:
        return self._engine.recent_events(limit)

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        self.refresh()
        self.engine_event.emit(event)

    @Slot(str)
    def _on_finished(self, error: str) -> None:
        self._timer.stop()
        self.engine_finished.emit(error)

    @Slot()
    def restart_backend(self) -> None:
        self._engine.restart()

    @Slot()
    def start_backend(self) -> None:
        self._engine.start()

    @Slot()
    def stop_backend(self) -> None:
        self._engine.stop()

    @Slot()
    def pause(self) -> None:
        self._engine.pause()

    @Slot()
    def resume(self) -> None:
        self._engine.resume()

    @Slot()
    def stop_port_holder(self) -> None:
        self._engine.stop_port_holder()

    @Slot(object)
    def reconfigure(self, config: GuardianConfig) -> None:
        self._engine.reconfigure(config)

    def shutdown(self, timeout_s: float) -> bool:
        """Stop the backend tree and the engine thread; False if the bound passed first."""
        self._timer.stop()
        if not self._thread.isRunning():
            return True
        self._engine.request_shutdown()
        self._thread.quit()  # the loop ends once run() returned
        done = self._thread.wait(QDeadlineTimer(int(timeout_s * 1000)))
        if not done:
            log.warning("the watchdog engine did not stop within %.1f s", timeout_s)
        return bool(done)
