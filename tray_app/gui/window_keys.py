"""The keys a desktop user expects in a window: Ctrl+F, F3/Shift+F3, F5 and Esc.

Qt's standard key sequences are used, so each platform gets its own spelling (F3 and Ctrl+G
on Windows and Linux, Cmd+G on macOS; F5 or Ctrl+R for refresh). A window passes the actions
it has; Esc always closes it (dialogs already do this themselves).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

Action = Callable[[], object]


def _bind(
    window: QWidget, key: QKeySequence.StandardKey | Qt.Key, action: Action
) -> list[QShortcut]:
    sequences = (
        QKeySequence.keyBindings(key)
        if isinstance(key, QKeySequence.StandardKey)
        else [QKeySequence(key)]
    )
    shortcuts = []
    for sequence in sequences:
        shortcut = QShortcut(sequence, window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(action)
        shortcuts.append(shortcut)
    return shortcuts


def add_window_keys(
    window: QWidget,
    *,
    find: Action | None = None,
    find_next: Action | None = None,
    find_previous: Action | None = None,
    refresh: Action | None = None,
) -> list[QShortcut]:
    """Binds the standard keys of `window` to the actions given; returns the shortcuts."""
    bindings: list[tuple[QKeySequence.StandardKey | Qt.Key, Action | None]] = [
        (QKeySequence.StandardKey.Find, find),
        (QKeySequence.StandardKey.FindNext, find_next),
        (QKeySequence.StandardKey.FindPrevious, find_previous),
        (QKeySequence.StandardKey.Refresh, refresh),
        (Qt.Key.Key_Escape, window.close),
    ]
    shortcuts: list[QShortcut] = []
    for key, action in bindings:
        if action is not None:
            shortcuts += _bind(window, key, action)
    return shortcuts


def key_texts(shortcuts: list[QShortcut]) -> list[str]:
    """'Ctrl+F', 'F3', ...: for tooltips that name the key."""
    return [
        shortcut.key().toString(QKeySequence.SequenceFormat.NativeText) for shortcut in shortcuts
    ]
