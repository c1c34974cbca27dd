"""Active early warnings (low disk, memory growing ...) at the top of the status window."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from tray_app.gui import theme
from tray_app.gui.wording import engine_text, local_time_text
from tray_app.watchdog.model import ActiveWarning, Health


class WarningsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warnings_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("Early warnings"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self._shown: tuple[ActiveWarning, ...] = ()
        self.hide()

    def show_warnings(self, warnings: tuple[ActiveWarning, ...]) -> None:
        if warnings == self._shown:
            return
        self._shown = warnings
        if not warnings:
            self.hide()
            return
        colour = theme.health_colour(Health.WARN).darker(160).name()
        lines = [
            self.tr("{title}: {hint} (since {since})").format(
                title=_bold(colour, engine_text(warning.title_message, warning.title)),
                hint=engine_text(warning.hint_message, warning.hint),
                since=local_time_text(warning.since),
            )
            for warning in warnings
        ]
        self.body.setText("<br>".join(lines))
        self.show()


def _bold(colour: str, text: str) -> str:
    return f'<b style="color:{colour}">{text}</b>'
