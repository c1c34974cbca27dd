"""The status window's restart history: a table of the watchdog's recent events."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTableView, QVBoxLayout

from tray_app.gui.history_model import RestartHistoryModel


def history_group(model: RestartHistoryModel) -> QGroupBox:
    # The status window's translation context: the text kept its translation when it moved here.
    group = QGroupBox(QCoreApplication.translate("StatusWindow", "Restart history"))
    view = QTableView()
    view.setObjectName("history_view")
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)  # the full detail is in each row's tooltip
    view.setMinimumHeight(140)
    QVBoxLayout(group).addWidget(view)
    return group
