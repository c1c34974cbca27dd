"""The restart history table: crashes, hangs, restarts and recoveries, newest first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication

from tray_app.gui import theme
from tray_app.gui.table_model import RowsTableModel
from tray_app.gui.wording import (
    NOT_AVAILABLE,
    duration_text,
    engine_text,
    local_time_text,
    reason_label,
)
from tray_app.logs.levels import at_least
from tray_app.watchdog.model import Event, EventName, Level, Reason

MAX_ROWS = 200

_SHOWN = {
    EventName.EXITED,
    EventName.HUNG,
    EventName.KILLED,
    EventName.RECOVERED,
    EventName.GAVE_UP,
    EventName.BLOCKED,
    EventName.STALE_REPLACED,
    EventName.BUDGET_RESTORED,
    EventName.PROMOTED,
    EventName.STANDBY_REPLACED,
}


def is_history_event(event: Event) -> bool:
    """Failures and recoveries, plus the restarts and stops the user asked for."""
    if event.name in _SHOWN:
        return True
    return event.reason is Reason.USER and event.name in (EventName.STARTING, EventName.STOPPING)


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh); a
    # context of its own here was never found at run time, so the German table showed English.
    return QCoreApplication.translate("", text)


def _what(event: Event) -> str:
    names = {
        EventName.EXITED: _tr("stopped unexpectedly"),
        EventName.HUNG: _tr("stopped responding"),
        EventName.KILLED: _tr("forced to stop"),
        EventName.RECOVERED: _tr("works again"),
        EventName.GAVE_UP: _tr("restarts given up"),
        EventName.BLOCKED: _tr("cannot start"),
        EventName.STALE_REPLACED: _tr("old backend replaced"),
        EventName.BUDGET_RESTORED: _tr("running steadily"),
        EventName.PROMOTED: _tr("standby took over"),
        EventName.STANDBY_REPLACED: _tr("standby replaced"),
        EventName.STARTING: _tr("started"),
        EventName.STOPPING: _tr("stopping"),
    }
    return names.get(event.name, event.name.value)


class RestartHistoryModel(RowsTableModel):
    COLUMNS = ("time", "what", "why", "outage", "detail")
    _rows: list[Event]  # newest first

    def set_events(self, events: Iterable[Event]) -> None:
        self.beginResetModel()
        self._rows = [e for e in reversed(list(events)) if is_history_event(e)][:MAX_ROWS]
        self.endResetModel()

    def add_event(self, event: Event) -> None:
        if not is_history_event(event):
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, event)
        self.endInsertRows()
        if len(self._rows) > MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), MAX_ROWS, len(self._rows) - 1)
            del self._rows[MAX_ROWS:]
            self.endRemoveRows()

    def column_titles(self) -> tuple[str, ...]:
        return (_tr("Time"), _tr("What"), _tr("Why"), _tr("Down for"), _tr("Details"))

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        event = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "what":
            return theme.severity_colour(
                event.level if at_least(event.level, Level.WARNING) else None,
                QGuiApplication.palette(),
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return engine_text(event.message, event.detail)
        return None

    @staticmethod
    def _text(event: Event, column: str) -> str:
        if column == "time":
            return local_time_text(event.time)
        if column == "what":
            return _what(event)
        if column == "why":
            return reason_label(event.reason)
        if column == "outage":
            return duration_text(event.outage_s) if event.outage_s is not None else NOT_AVAILABLE
        return engine_text(event.message, event.detail)
