"""The watchdog's own figures in the status window: state, PID, uptime, restarts, standby,
the last check and failure, the next start; filled from the engine's snapshot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from tray_app.gui.formats import number_text
from tray_app.gui.standby_words import standby_state_text
from tray_app.gui.wording import (
    NOT_AVAILABLE,
    duration_text,
    engine_text,
    local_time_text,
    reason_label,
)
from tray_app.watchdog.snapshot import Snapshot


class WatchdogFigures(QGroupBox):
    """Fill with show_snapshot(snapshot, state label); value_text(key) reads a value back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Watchdog"))
        self._values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("State"), self._value("state"))
        form.addRow(self.tr("PID"), self._value("pid"))
        form.addRow(self.tr("Running for"), self._value("uptime"))
        form.addRow(self.tr("Restarts"), self._value("restarts"))
        form.addRow(self.tr("Standby"), self._value("standby"))
        form.addRow(self.tr("Standby took over"), self._value("promotions"))
        form.addRow(self.tr("Last check"), self._value("last_check"))
        form.addRow(self.tr("Last failure"), self._value("last_failure"))
        form.addRow(self.tr("Next start"), self._value("next_start"))

    def _value(self, key: str) -> QLabel:
        label = QLabel(NOT_AVAILABLE)
        label.setObjectName(f"value_{key}")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._values[key] = label
        return label

    def value_text(self, key: str) -> str:
        return self._values[key].text()

    def show_snapshot(self, snapshot: Snapshot, state_label: str) -> None:
        """state_label: the state as the tray words it (it knows how long a start may take)."""
        values = self._values
        values["state"].setText(f"{state_label}: {engine_text(snapshot.message, snapshot.detail)}")
        values["pid"].setText(str(snapshot.pid) if snapshot.pid else NOT_AVAILABLE)
        values["uptime"].setText(duration_text(snapshot.uptime_s))
        values["standby"].setText(standby_state_text(snapshot.standby))
        values["promotions"].setText(str(snapshot.promotions))
        values["restarts"].setText(
            self.tr("{total} in total, {attempt} of {limit} in the current window").format(
                total=number_text(snapshot.restart_count),
                attempt=number_text(snapshot.attempt),
                limit=number_text(snapshot.max_restarts),
            )
        )
        latency = snapshot.last_check_latency_ms
        values["last_check"].setText(
            self.tr("{time}, answered in {ms} ms").format(
                time=local_time_text(snapshot.last_check_at), ms=number_text(latency)
            )
            if latency is not None
            else NOT_AVAILABLE
        )
        values["last_failure"].setText(self._failure_text(snapshot))
        values["next_start"].setText(local_time_text(snapshot.next_start_at))

    def _failure_text(self, snapshot: Snapshot) -> str:
        if snapshot.last_failure_at is None:
            return self.tr("none")
        return "{time}: {reason} ({detail})".format(
            time=local_time_text(snapshot.last_failure_at),
            reason=reason_label(snapshot.last_failure_reason),
            detail=engine_text(snapshot.last_failure_message, snapshot.last_failure_detail or ""),
        )
