""" "Check and fix…": the doctor's checks in a table, run off the GUI thread, with a Fix button.

The checks and fixes are `tray_app.doctor`'s, the same as `erp-guardian doctor --fix`; their
titles, details and hints are catalogue messages, shown in the Qt language. An
install into the ERP's Python is asked about here, on the GUI thread, before the job starts
(the job only reads the answers); a Python outside a virtual environment is never changed
from the dialog: that needs the command line's --allow-system, and the dialog says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tray_app.config import GuardianConfig
from tray_app.doctor import (
    Check,
    Fix,
    FixKind,
    FixRound,
    Status,
    all_checks,
    fix_and_check_again,
)
from tray_app.doctor.fixing import fixable
from tray_app.gui import dialogs, theme
from tray_app.gui.background import BackgroundJobs
from tray_app.gui.wording import engine_text
from tray_app.watchdog.model import Health

Ask = Callable[[str, str], bool]  # (title, question) -> yes?

_HEALTH_OF_STATUS = {
    Status.OK: Health.OK,
    Status.FIXED: Health.OK,
    Status.WARN: Health.WARN,
    Status.FAIL: Health.FAIL,
}
COLUMNS = 4  # status, check, result, what to do


class DoctorDialog(QDialog):
    def __init__(
        self,
        config: Callable[[], GuardianConfig],
        ask: Ask | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """config() gives the settings to check; ask(title, question) confirms an install
        (a Yes/No box by default)."""
        super().__init__(parent)
        self.setObjectName("doctor_dialog")
        self.setWindowTitle(self.tr("Check and fix"))
        self.setWindowIcon(theme.app_icon())
        self.resize(900, 480)
        self._config = config
        self._ask = ask or (lambda title, text: dialogs.confirm(title, text, self))
        self._jobs = BackgroundJobs(self)
        self.checks: list[Check] = []
        self.busy = False
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("doctor_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Status"), self.tr("Check"), self.tr("Result"), self.tr("What to do")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setObjectName("doctor_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.check_button = self._button(buttons, "button_check_again", self.tr("&Check again"))
        self.check_button.clicked.connect(self.check_again)
        self.fix_button = self._button(buttons, "button_fix", self.tr("&Fix"))
        self.fix_button.setToolTip(
            self.tr("Create missing folders and install what the ERP is missing.")
        )
        self.fix_button.clicked.connect(self.fix)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.check_again()

    def _button(self, box: QDialogButtonBox, name: str, text: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        return button

    @Slot()
    def check_again(self) -> None:
        config = self._config()
        self._set_busy(self.tr("Checking…"))
        self._jobs.submit(lambda: all_checks(config), self._on_checked)

    @Slot()
    def fix(self) -> None:
        config = self._config()
        checks = list(self.checks)
        approved = self._approved_installs(checks)
        self._set_busy(self.tr("Fixing…"))
        self._jobs.submit(
            lambda: fix_and_check_again(config, checks, approved.__contains__, allow_system=False),
            self._on_fixed,
        )

    def _approved_installs(self, checks: list[Check]) -> set[Fix]:
        """Ask here, on the GUI thread, about each install the job may run."""
        installs = {
            c.fix
            for c in fixable(checks)
            if c.fix is not None and c.fix.kind is FixKind.INSTALL_REQUIREMENTS and c.fix.in_venv
        }
        title = self.tr("Install missing packages")
        return {
            install
            for install in sorted(installs, key=lambda fix: (fix.python or "", fix.specs))
            if self._ask(title, self._install_question(install))
        }

    def _install_question(self, install: Fix) -> str:
        return self.tr(
            "The ERP needs these packages: {packages}\n\nInstall them into {python} with "
            "its pip? This can take a few minutes."
        ).format(packages=", ".join(install.specs), python=install.python)

    def wait_for_jobs(self, timeout_ms: int) -> bool:
        return self._jobs.wait(timeout_ms)

    def _set_busy(self, text: str) -> None:
        self.busy = True
        self.check_button.setEnabled(False)
        self.fix_button.setEnabled(False)
        self.summary.setText(text)

    def _on_checked(self, result: Any, error: str) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        if error:
            self.summary.setText(self.tr("The checks stopped: {error}").format(error=error))
            return
        self._show(list(result))
        self.summary.setText(self._summary_text())

    def _on_fixed(self, result: Any, error: str) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        if error:
            self.summary.setText(self.tr("The fixes stopped: {error}").format(error=error))
            self.fix_button.setEnabled(bool(fixable(self.checks)))
            return
        fixed: FixRound = result
        self._show(fixed.checks)
        lines = []
        for outcome in fixed.outcomes:
            done = self.tr("Done: {what}") if outcome.done else self.tr("Not done: {what}")
            hint = engine_text(outcome.hint_message, "")
            what = engine_text(outcome.detail_message, outcome.detail)
            lines.append(done.format(what=what) + (f"\n    {hint}" if hint else ""))
        self.summary.setText("\n".join([*lines, self._summary_text()]))

    def _summary_text(self) -> str:
        problems = sum(1 for c in self.checks if c.status is Status.FAIL)
        notes = sum(1 for c in self.checks if c.status is Status.WARN)
        if not problems and not notes:
            return self.tr("Everything is in order.")
        text = self.tr("{problems} problems, {notes} notes.").format(problems=problems, notes=notes)
        if fixable(self.checks):
            text += " " + self.tr("Fix repairs what can be repaired automatically.")
        return text

    def _show(self, checks: list[Check]) -> None:
        self.checks = checks
        self.table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            status = QTableWidgetItem(
                theme.health_icon(_HEALTH_OF_STATUS[check.status]), self._status_text(check)
            )
            status.setForeground(theme.health_colour(_HEALTH_OF_STATUS[check.status]))
            status.setData(Qt.ItemDataRole.UserRole, check.id)
            detail = engine_text(check.detail_message, check.detail)
            hint = ""
            if check.status in (Status.WARN, Status.FAIL):
                hint = engine_text(check.hint_message, check.hint)
            title = engine_text(check.title_message, check.title)
            cells = [status, *(QTableWidgetItem(text) for text in (title, detail, hint))]
            for column, item in enumerate(cells):
                item.setToolTip(detail if column else check.id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.fix_button.setEnabled(bool(fixable(checks)))

    def row_of(self, check_id: str) -> int:
        """The table row of a check (tests and a future "Fix this one" use the id)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == check_id:
                return row
        raise KeyError(check_id)

    def _status_text(self, check: Check) -> str:
        texts = {
            Status.OK: self.tr("OK"),
            Status.FIXED: self.tr("Fixed"),
            Status.WARN: self.tr("Note"),
            Status.FAIL: self.tr("Problem"),
        }
        return texts[check.status]
