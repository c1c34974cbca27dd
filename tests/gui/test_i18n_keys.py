"""Standard window keys: Ctrl+F, F3 and Shift+F3, F5, and Esc closes the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from tray_app.gui.window_keys import add_window_keys, key_texts


def test_the_standard_keys_call_the_windows_actions(qtbot: Any) -> None:
    window = QWidget()
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    called: list[str] = []
    shortcuts = add_window_keys(
        window,
        find=lambda: called.append("find"),
        find_next=lambda: called.append("next"),
        find_previous=lambda: called.append("previous"),
        refresh=lambda: called.append("refresh"),
    )
    with qtbot.waitActive(window):  # shortcuts go to the active window only
        window.show()
        window.activateWindow()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_F3)
    qtbot.keyClick(field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, Qt.Key.Key_F5)
    assert called == ["find", "next", "previous", "refresh"]
    assert {"Ctrl+F", "F3", "Shift+F3", "F5", "Esc"} <= set(key_texts(shortcuts))
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not window.isVisible()
