"""Shown when another program holds the backend's port: who it is, and what the user can do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tray_app.watchdog.model import PortHolder


def holder_text(holder: PortHolder, tr_name: str) -> str:
    """The holder as `nginx (PID 99)`; tr_name stands in for a program without a name."""
    name = holder.name or tr_name
    return f"{name} (PID {holder.pid})" if holder.pid is not None else name


class PortHolderPanel(QFrame):
    stop_holder_requested = Signal()
    other_port_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("port_holder_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("Stop that program…"))
        self.stop_button.setObjectName("button_stop_port_holder")
        self.stop_button.clicked.connect(self.stop_holder_requested)
        self.port_button = QPushButton(self.tr("Use another port…"))
        self.port_button.setObjectName("button_other_port")
        self.port_button.clicked.connect(self.other_port_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.port_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.hide()

    def show_holder(self, holder: PortHolder | None) -> None:
        if holder is None:
            self.hide()
            return
        who = holder_text(holder, self.tr("another program"))
        text = self.tr(
            "The ERP system cannot start because port {port} is used by {who}. "
            "You can stop that program, or let the ERP system use another port."
        ).format(port=holder.port, who=who)
        if holder.ours:
            text = self.tr(
                "Port {port} is held by an ERP backend left over from an earlier run ({who})."
            ).format(port=holder.port, who=who)
        self.message.setText(text)
        self.stop_button.setEnabled(holder.pid is not None)
        self.show()
