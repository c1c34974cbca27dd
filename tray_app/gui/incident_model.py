"""The incidents table: one row per outage report, newest first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
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
from tray_app.gui.wording import duration_text, engine_text, local_time_text, reason_label
from tray_app.logs.incidents import IncidentSummary
from tray_app.watchdog.model import Level, Reason

MAX_ROWS = 200  # as many as the log folder keeps (tray_app.logs.incidents.MAX_REPORTS)


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh).
    return QCoreApplication.translate("", text)


def summary_of(report: dict[str, Any]) -> IncidentSummary:
    """The list row of a report as the engine's `incident` event carries it. Raises ValueError."""
    return IncidentSummary(
        id=str(report["id"]),
        started_at=datetime.fromisoformat(str(report["started_at"])),
        reason=str(report.get("reason")),
        recovered=bool(report.get("recovered")),
        recovery_s=report.get("recovery_s"),
        detail=str(report.get("detail", "")),
    )


def _newest_first(incident: IncidentSummary) -> tuple[float, str]:
    # timestamp() also orders a naive time (read as local) among aware ones
    return -incident.started_at.timestamp(), incident.id


def reason_text(reason: str) -> str:
    try:
        return reason_label(Reason(reason))
    except ValueError:  # a report written by a newer version
        return reason


def outcome_text(incident: IncidentSummary) -> str:
    if not incident.recovered:
        return _tr("not recovered")
    return _tr("recovered in {duration}").format(duration=duration_text(incident.recovery_s))


class IncidentModel(RowsTableModel):
    COLUMNS = ("time", "reason", "outcome", "detail")
    _rows: list[IncidentSummary]  # newest first

    def set_incidents(self, incidents: Iterable[IncidentSummary]) -> None:
        """Replace the rows; duplicates (same id) are shown once."""
        unique = {incident.id: incident for incident in incidents}
        self.beginResetModel()
        self._rows = sorted(unique.values(), key=_newest_first)
        del self._rows[MAX_ROWS:]
        self.endResetModel()

    def add_incident(self, incident: IncidentSummary) -> None:
        self.set_incidents([*self._rows, incident])

    def incident_at(self, row: int) -> IncidentSummary:
        return self._rows[row]

    def ids(self) -> list[str]:
        return [incident.id for incident in self._rows]

    def column_titles(self) -> tuple[str, ...]:
        return (_tr("Time"), _tr("What happened"), _tr("Outcome"), _tr("Details"))

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        incident = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(incident, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "outcome":
            return (
                None
                if incident.recovered
                else theme.severity_colour(Level.ERROR, QGuiApplication.palette())
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return engine_text(incident.message, incident.detail)
        return None

    @staticmethod
    def _text(incident: IncidentSummary, column: str) -> str:
        if column == "time":
            return local_time_text(incident.started_at)
        if column == "reason":
            return reason_text(incident.reason)
        if column == "outcome":
            return outcome_text(incident)
        return engine_text(incident.message, incident.detail)
