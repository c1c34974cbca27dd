"""The status window's guidance: what a yellow or red state means, its evidence, what helps.

The engine sends ids and values (`Guidance`); the words are here, through `tr()`. A port held
by another program has its own panel (`port_panel.py`) with its own buttons, so this one stays
hidden then instead of saying it twice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tray_app.watchdog.model import Guidance, GuidanceAction, GuidanceId


def guidance_texts(tr: QObject) -> dict[GuidanceId, tuple[str, str]]:
    """Title and explanation of each guidance; `{name}` placeholders come from its params."""
    t = tr.tr
    return {
        GuidanceId.STARTING: (
            t("The ERP system is starting"),
            t("This usually takes a few seconds. Nothing to do."),
        ),
        GuidanceId.STOPPING: (
            t("The ERP system is stopping"),
            t("It is being shut down and will be restarted if needed. Nothing to do."),
        ),
        GuidanceId.NOT_ANSWERING: (
            t("The ERP system does not answer"),
            t(
                "{failures} of {threshold} checks failed. If it stays silent, ERP Guardian "
                "restarts it by itself."
            ),
        ),
        GuidanceId.RESTARTING: (
            t("The ERP system stopped and is being restarted"),
            t("ERP Guardian starts it again shortly. Its last output is shown below."),
        ),
        GuidanceId.DEGRADED: (
            t("The ERP system works with restrictions"),
            t("A part it needs is not available. A restart would not help; see below why."),
        ),
        GuidanceId.DATABASE_LOCKED: (
            t("The database is locked by another program"),
            t(
                "The ERP system cannot write to {database} because the program below holds it. "
                "Close that program or finish what it is doing; the ERP system then works "
                "normally again by itself."
            ),
        ),
        GuidanceId.GAVE_UP: (
            t("The ERP system keeps stopping: ERP Guardian has stopped restarting it"),
            t(
                "Its last output is shown below. Open the log for more, fix the cause, "
                "then try again."
            ),
        ),
        GuidanceId.MISSING_MODULE: (
            t("A part of the ERP system is missing"),
            t(
                "The ERP system needs the Python module \u201c{module}\u201d, which is not "
                "installed. \u201cCheck and fix\u201d can install it."
            ),
        ),
        GuidanceId.MISSING_PROGRAM: (
            t("The ERP program was not found"),
            t(
                "\u201c{program}\u201d does not exist on this computer. Check the command in "
                "the settings, or let \u201cCheck and fix\u201d look for the problem."
            ),
        ),
        GuidanceId.PORT_IN_USE: (
            t("Another program uses the ERP system's port"),
            t("Port {port} is used by {holder}."),
        ),
        GuidanceId.CANNOT_START: (
            t("The ERP system cannot be started"),
            t("The reason is shown below. \u201cCheck and fix\u201d can look for the problem."),
        ),
        GuidanceId.DATABASE_DAMAGED: (
            t("The database is damaged"),
            t(
                "After the ERP system ended unexpectedly, a check of {database} found damage "
                "(shown below). It was not started again, so that nothing is written into the "
                "damaged file. You can restore the last good backup, or start it anyway."
            ),
        ),
    }


class GuidancePanel(QFrame):
    open_log_requested = Signal()
    try_again_requested = Signal()
    check_and_fix_requested = Signal()
    stop_port_holder_requested = Signal()
    restore_backup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidance_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance: Guidance | None = None
        self.title = QLabel()
        self.title.setObjectName("guidance_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setObjectName("guidance_text")
        self.text.setWordWrap(True)
        self.evidence = QPlainTextEdit()
        self.evidence.setObjectName("guidance_lines")
        self.evidence.setReadOnly(True)
        self.evidence.setMaximumHeight(120)
        self.buttons: dict[GuidanceAction, QPushButton] = {}
        row = QHBoxLayout()
        labels = {
            GuidanceAction.CHECK_AND_FIX: self.tr("Check and fix…"),
            GuidanceAction.OPEN_LOG: self.tr("Open log"),
            GuidanceAction.TRY_AGAIN: self.tr("Try again"),
            GuidanceAction.STOP_PORT_HOLDER: self.tr("Stop that program…"),
            GuidanceAction.RESTORE_BACKUP: self.tr("Restore a backup…"),
        }
        signals = {
            GuidanceAction.CHECK_AND_FIX: self.check_and_fix_requested,
            GuidanceAction.OPEN_LOG: self.open_log_requested,
            GuidanceAction.TRY_AGAIN: self.try_again_requested,
            GuidanceAction.STOP_PORT_HOLDER: self.stop_port_holder_requested,
            GuidanceAction.RESTORE_BACKUP: self.restore_backup_requested,
        }
        for action, label in labels.items():
            button = QPushButton(label)
            button.setObjectName(f"guidance_{action.value}")
            button.clicked.connect(signals[action].emit)
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.evidence)
        layout.addLayout(row)
        self.hide()

    def show_guidance(self, guidance: Guidance | None) -> None:
        self.guidance = guidance
        if guidance is None or guidance.id is GuidanceId.PORT_IN_USE:
            self.hide()
            return
        title, text = guidance_texts(self)[guidance.id]
        self.title.setText(title)
        self.text.setText(text.format(**guidance.params) if guidance.params else text)
        self.evidence.setPlainText("\n".join(guidance.lines))
        self.evidence.setVisible(bool(guidance.lines))
        order = list(guidance.actions)
        for action, button in self.buttons.items():
            button.setVisible(action in order)
        self.show()
