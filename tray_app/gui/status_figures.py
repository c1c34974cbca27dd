"""The backend's own figures (GET /api/v1/system/status) with small charts of the last minutes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tray_app.gui.formats import number_text, percent_text, unit_text
from tray_app.gui.sparkline import Sparkline
from tray_app.gui.wording import NOT_AVAILABLE, bytes_text, duration_text


def _get(data: dict[str, Any], *path: str) -> Any:
    value: Any = data
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _percent(value: Any) -> str:
    return percent_text(value) if isinstance(value, int | float) else NOT_AVAILABLE


class BackendFigures(QWidget):
    """Computer, backend process and database figures; fill with show_status(json)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, QLabel] = {}
        self.cpu_chart = Sparkline(maximum=100.0, value_text=percent_text)
        self.memory_chart = Sparkline(maximum=100.0, value_text=percent_text)
        self.rss_chart = Sparkline(value_text=bytes_text)
        self.cpu_chart.setAccessibleName(self.tr("Processor load, last minutes"))
        self.memory_chart.setAccessibleName(self.tr("Memory in use, last minutes"))
        self.rss_chart.setAccessibleName(self.tr("Memory of the ERP backend, last minutes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._computer_group())
        layout.addWidget(self._process_group())
        layout.addWidget(self._database_group())

    def _value(self, key: str) -> QLabel:
        label = QLabel(NOT_AVAILABLE)
        label.setObjectName(f"value_{key}")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        self._values[key] = label
        return label

    def _with_chart(self, key: str, chart: Sparkline) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._value(key), 1)
        row.addWidget(chart, 2)
        return box

    def _computer_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("This computer"))
        form = QFormLayout(group)
        form.addRow(self.tr("Name"), self._value("hostname"))
        form.addRow(self.tr("System"), self._value("os"))
        form.addRow(self.tr("Processor cores"), self._value("cpu_count"))
        form.addRow(self.tr("Processor load"), self._with_chart("cpu_percent", self.cpu_chart))
        form.addRow(self.tr("Memory"), self._with_chart("memory", self.memory_chart))
        form.addRow(self.tr("Disk"), self._value("disk"))
        return group

    def _process_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("ERP backend process"))
        form = QFormLayout(group)
        form.addRow(self.tr("PID"), self._value("process_pid"))
        form.addRow(self.tr("Running for"), self._value("process_uptime"))
        form.addRow(self.tr("Memory"), self._with_chart("process_rss", self.rss_chart))
        form.addRow(self.tr("Processor load"), self._value("process_cpu"))
        form.addRow(self.tr("Version"), self._value("app_version"))
        return group

    def _database_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Database"))
        form = QFormLayout(group)
        form.addRow(self.tr("File"), self._value("db_path"))
        form.addRow(self.tr("Size"), self._value("db_size"))
        form.addRow(self.tr("SQLite"), self._value("sqlite_version"))
        form.addRow(self.tr("Integrity"), self._value("integrity"))
        form.addRow(self.tr("Query time"), self._value("query_latency"))
        self.tables = QTableWidget(0, 2)
        self.tables.setObjectName("db_tables")
        self.tables.setHorizontalHeaderLabels([self.tr("Table"), self.tr("Rows")])
        self.tables.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tables.verticalHeader().hide()
        self.tables.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tables.setMinimumHeight(90)
        form.addRow(self.tr("Tables"), self.tables)
        return group

    def value_text(self, key: str) -> str:
        return self._values[key].text()

    def show_status(self, data: dict[str, Any]) -> None:
        system, process, database = (_get(data, k) or {} for k in ("system", "process", "database"))
        self._set("hostname", system.get("hostname"))
        self._set("os", system.get("os"))
        self._set("cpu_count", system.get("cpu_count"))
        self._set("cpu_percent", _percent(system.get("cpu_percent")))
        memory = system.get("memory") or {}
        self._set(
            "memory",
            self.tr("{used} of {total} ({percent})").format(
                used=bytes_text(memory.get("used_bytes")),
                total=bytes_text(memory.get("total_bytes")),
                percent=_percent(memory.get("percent")),
            ),
        )
        disk = system.get("disk") or {}
        self._set(
            "disk",
            self.tr("{free} free of {total}").format(
                free=bytes_text(disk.get("free_bytes")), total=bytes_text(disk.get("total_bytes"))
            ),
        )
        self._set("process_pid", process.get("pid"))
        self._set("process_uptime", duration_text(process.get("uptime_s")))
        self._set("process_rss", bytes_text(process.get("rss_bytes")))
        self._set("process_cpu", _percent(process.get("cpu_percent")))
        self._set("app_version", process.get("app_version"))
        self._show_database(database)
        self._chart(self.cpu_chart, system.get("cpu_percent"))
        self._chart(self.memory_chart, memory.get("percent"))
        self._chart(self.rss_chart, process.get("rss_bytes"))

    def _show_database(self, database: dict[str, Any]) -> None:
        self._set("db_path", database.get("path"))
        self._set("db_size", bytes_text(database.get("size_bytes")))
        self._set("sqlite_version", database.get("sqlite_version"))
        integrity = database.get("integrity") or {}
        error = database.get("error")
        if error:
            self._set("integrity", self.tr("cannot be read: {error}").format(error=error))
        else:
            self._set("integrity", integrity.get("result"))
        latency = database.get("query_latency_ms")
        self._set(
            "query_latency",
            unit_text(latency, "ms", 2) if isinstance(latency, int | float) else None,
        )
        tables = [t for t in database.get("tables") or [] if isinstance(t, dict)]
        self.tables.setRowCount(len(tables))
        for row, table in enumerate(tables):
            self.tables.setItem(row, 0, QTableWidgetItem(str(table.get("name", ""))))
            count = table.get("rows")
            rows = QTableWidgetItem(number_text(count) if isinstance(count, int) else "")
            rows.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tables.setItem(row, 1, rows)

    def _set(self, key: str, value: Any) -> None:
        self._values[key].setText(NOT_AVAILABLE if value is None else str(value))

    @staticmethod
    def _chart(chart: Sparkline, value: Any) -> None:
        if isinstance(value, int | float):
            chart.add(float(value))
