"""The status window's Incidents tab: the outage reports, newest first, and the one opened.

The list and a report are read from the log folder on a background job each time the tab is
shown; a report that arrives in an `incident` event is listed at once, without a read.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tray_app.gui.background import BackgroundJobs
from tray_app.gui.incident_model import IncidentModel, summary_of
from tray_app.logs.incidents import (
    IncidentSummary,
    format_report,
    incidents_dir,
    list_incidents,
    load_report,
)

MAX_REPORT_BYTES = 2 * 1024 * 1024  # the engine's reports are a few KB; anything bigger is not one
RECENT_REPORTS = 20  # reports from events kept in memory, for a log folder that cannot be written


def read_report_text(log_dir: Path, incident_id: str, known: dict[str, Any] | None) -> str:
    """The text report of one incident (runs on a background job). Raises OSError."""
    if known is not None:
        return format_report(known)
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in incident_id)  # as written
    path = incidents_dir(log_dir) / f"{name}.json"
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise OSError(f"{path.name} has {size} bytes, more than a report can have")
    report = load_report(path)
    if report is None:
        raise OSError(f"{path.name} is not an incident report")
    return format_report(report)


class IncidentsPanel(QWidget):
    def __init__(
        self, jobs: BackgroundJobs, log_dir: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidents_panel")
        self._jobs = jobs
        self._log_dir = log_dir
        self._recent: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._listing = False
        self._opened: str | None = None  # the id whose report is (being) shown
        self.model = IncidentModel(self)
        self.note = QLabel()
        self.note.setObjectName("incidents_note")
        self.note.setWordWrap(True)
        self.table = self._table()
        self.report_title = QLabel(self.tr("Select an incident to read its report."))
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("incident_report")
        self.report_view.setReadOnly(True)
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        report = QWidget()
        report_layout = QVBoxLayout(report)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.report_title)
        report_layout.addWidget(self.report_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(report)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self._show_count()

    def _table(self) -> QTableView:
        view = QTableView()
        view.setObjectName("incidents_view")
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setWordWrap(False)  # the full detail is in each row's tooltip
        view.selectionModel().currentRowChanged.connect(self._on_current_row)
        view.activated.connect(self._on_current_row)
        return view

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()  # reports written while the tab was hidden (or by another run)
        super().showEvent(event)

    # ----------------------------------------------------------------- list
    @Slot()
    def reload(self) -> None:
        if self._listing:
            return
        self._listing = True
        folder = self._log_dir()
        self._jobs.submit(lambda: list_incidents(folder), self._on_listed)

    def _on_listed(self, result: Any, error: str) -> None:
        self._listing = False
        found: list[IncidentSummary] = list(result) if not error else []
        recent = [summary_of(report) for report in self._recent.values()]
        self._keep_selection(lambda: self.model.set_incidents([*found, *recent]))
        if error:
            self.note.setText(
                self.tr("The incident reports could not be read: {error}").format(error=error)
            )
        else:
            self._show_count()

    @Slot(dict)
    def add_report(self, report: dict[str, Any]) -> None:
        """A report from an `incident` event: listed at once, opened from memory if need be."""
        try:
            summary = summary_of(report)
        except (KeyError, ValueError):
            return
        self._recent[summary.id] = report
        while len(self._recent) > RECENT_REPORTS:
            self._recent.popitem(last=False)
        self._keep_selection(lambda: self.model.add_incident(summary))
        self._show_count()

    def _keep_selection(self, change: Callable[[], None]) -> None:
        """Apply a model change; the opened incident stays selected (rows move on a reset)."""
        opened = self._opened
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # not a new choice of the user: do not read it again
        try:
            change()
            if opened in self.model.ids():
                row = self.model.ids().index(opened)
                self.table.setCurrentIndex(self.model.index(row, 0))
        finally:
            selection.blockSignals(False)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.note.setText(self.tr("No incidents so far: the ERP system has not failed."))
        else:
            self.note.setText(
                self.tr("{count} incidents, newest first. Reports are kept in {folder}.").format(
                    count=count, folder=str(incidents_dir(self._log_dir()))
                )
            )

    # ----------------------------------------------------------------- report
    @Slot(QModelIndex)
    def _on_current_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_incident(index.row())

    def open_incident(self, row: int) -> None:
        """Show the text report of the incident in this row (read on a background job)."""
        incident = self.model.incident_at(row)
        self._opened = incident.id
        self.report_title.setText(self.tr("Report {id}").format(id=incident.id))
        self.report_view.setPlainText(self.tr("Reading the report…"))
        folder, known = self._log_dir(), self._recent.get(incident.id)
        self._jobs.submit(
            lambda: read_report_text(folder, incident.id, known),
            lambda text, error: self._on_report(incident.id, text, error),
        )

    def _on_report(self, incident_id: str, text: Any, error: str) -> None:
        if incident_id != self._opened:
            return  # the user has opened another one meanwhile
        if error:
            self.report_view.setPlainText(
                self.tr("The report could not be read: {error}").format(error=error)
            )
        else:
            self.report_view.setPlainText(str(text))
