"""Small questions and messages. The controller takes them as callables, so tests answer them."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from tray_app import __version__
from tray_app.gui import theme


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh).
    return QCoreApplication.translate("", text)


def confirm(title: str, text: str, parent: QWidget | None = None) -> bool:
    """A Yes/No question; No is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def suggest_free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def ask_port(current: int, parent: QWidget | None = None) -> int | None:
    """Ask for another port, offering a free one; None if the user cancels."""
    port, ok = QInputDialog.getInt(
        parent,
        _tr("Use another port"),
        _tr("Port {current} is taken. Port for the ERP backend:").format(current=current),
        suggest_free_port(),
        1024,
        65535,
    )
    return port if ok else None


def show_message(title: str, text: str, critical: bool = False) -> QMessageBox:
    """A non-modal message box that deletes itself when closed."""
    icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text)
    box.setWindowIcon(theme.app_icon())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def about_box() -> QMessageBox:
    text = _tr(
        "<h3>ERP Guardian {version}</h3>"
        "<p>Keeps the ERP backend of this workstation running: it starts the backend, checks "
        "that it answers, restarts it when it crashes or hangs, and tells you what happened.</p>"
        "<p>The tray icon shows the state: green running, yellow working on it, red needs "
        "attention, grey stopped or paused.</p>"
    ).format(version=__version__)
    box = QMessageBox(QMessageBox.Icon.NoIcon, _tr("About ERP Guardian"), text)
    box.setObjectName("about_box")
    box.setIconPixmap(theme.app_icon().pixmap(64, 64))
    box.setWindowIcon(theme.app_icon())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def present(window: QWidget) -> None:
    """Show a window, above the others and with the focus (it may be open already)."""
    window.show()
    window.raise_()
    window.activateWindow()


@dataclass
class UserQuestions:
    """How the controller asks the user; replaced in tests."""

    confirm: Callable[[str, str], bool] = confirm
    ask_port: Callable[[int], int | None] = ask_port
    show_message: Callable[[str, str], object] = field(default=show_message)
