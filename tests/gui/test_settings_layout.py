"""Every label of the settings dialog shows whole, in German and English, wide and narrow.

A word-wrapped label must be as tall as its text needs at the width the layout gave it; in a
QFormLayout row it was not, and its last line was cut off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from tray_app.config import GuardianConfig
from tray_app.gui.settings_dialog import SettingsDialog

DEFAULT_WIDTH = 640  # what SettingsDialog resizes itself to
NARROW_WIDTH = 420
QWIDGETSIZE_MAX = (1 << 24) - 1
# Shortened to "Prüfpfad" once to dodge the cut; the clearer text is back.
HEALTH_PATH_LABEL = {"de": "Pfad der Zustandsprüfung", "en": "Health check path"}


def shown_labels(dialog: SettingsDialog) -> Iterator[tuple[str, QLabel]]:
    """(tab title, label) for every label with text, each tab laid out as the user opens it."""
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        QApplication.processEvents()  # the layout requests posted by showing the tab
        page = dialog.tabs.widget(index)
        assert page is not None
        for label in page.findChildren(QLabel):
            if label.isVisibleTo(dialog) and label.text():
                yield dialog.tabs.tabText(index), label


def cut_text(tab: str, label: QLabel) -> str | None:
    """What is cut off a label, or None when its text shows whole."""
    if label.wordWrap():
        # As many lines as its width needs, and no word wider than the label.
        height, width = label.heightForWidth(label.width()), label.minimumSizeHint().width()
    else:
        height, width = label.sizeHint().height(), label.sizeHint().width()
    if label.height() >= height and label.width() >= width:
        return None
    return (
        f"{tab}: {label.text()!r} is {label.width()}x{label.height()} px, "
        f"needs at least {width} px wide and {height} px high"
    )


def wraps(label: QLabel) -> bool:
    one_line = label.heightForWidth(QWIDGETSIZE_MAX)
    return label.wordWrap() and label.heightForWidth(label.width()) > one_line


@pytest.mark.parametrize("width", ["default", "narrow"])
def test_every_settings_label_shows_whole(
    qtbot: Any, tmp_path: Path, language: str, width: str
) -> None:
    dialog = SettingsDialog(GuardianConfig(), tmp_path / "config.toml")
    qtbot.addWidget(dialog)
    dialog.show()
    if width == "narrow":
        dialog.resize(NARROW_WIDTH, dialog.height())
    QApplication.processEvents()
    assert dialog.width() == (NARROW_WIDTH if width == "narrow" else DEFAULT_WIDTH)
    labels = list(shown_labels(dialog))
    cut = [text for tab, label in labels if (text := cut_text(tab, label))]
    assert cut == []
    assert HEALTH_PATH_LABEL[language] in [label.text() for _, label in labels]
    # Not a vacuous pass: some labels do need more than one line here.
    assert any(wraps(label) for _, label in labels)
