"""The GUI in German and English: our texts, Qt's standard buttons, formats, decimal comma."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from tests.gui.conftest import make_snapshot
from tests.gui.i18n_fixtures import speaking
from tray_app.config import GuardianConfig
from tray_app.gui import formats
from tray_app.gui.settings_dialog import SettingsDialog
from tray_app.gui.tray import TrayIcon
from tray_app.gui.wording import duration_text, starting_text, state_label
from tray_app.watchdog.model import State


@pytest.fixture
def german(qapp: Any, qm_dir: Path) -> Iterator[None]:
    del qapp
    with speaking("de", qm_dir):
        yield


@pytest.fixture
def english(qapp: Any, qm_dir: Path) -> Iterator[None]:
    del qapp
    with speaking("en", qm_dir):
        yield


def menu_texts(tray: TrayIcon) -> list[str]:
    tray.menu.aboutToShow.emit()  # what opening the menu does
    return [action.text() for action in tray.menu.actions() if not action.isSeparator()]


def open_settings(qtbot: Any, tmp_path: Path) -> SettingsDialog:
    dialog = SettingsDialog(GuardianConfig(), tmp_path / "config.toml")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.usefixtures("qtbot", "german")
def test_the_tray_menu_speaks_german() -> None:
    tray = TrayIcon(lambda: make_snapshot(State.HEALTHY), lambda: None, lambda: False)
    texts = menu_texts(tray)
    assert "ERP-System: läuft" in texts
    assert "Statusfenster" in [text.replace("&", "") for text in texts]
    assert "Beenden" in [text.replace("&", "") for text in texts]
    assert not {"Quit", "Status window", "Settings…"} & set(texts)
    tray.icon.hide()


@pytest.mark.usefixtures("qtbot", "english")
def test_the_tray_menu_speaks_english() -> None:
    tray = TrayIcon(lambda: make_snapshot(State.HEALTHY), lambda: None, lambda: False)
    texts = [text.replace("&", "") for text in menu_texts(tray)]
    assert "ERP system: running" in texts
    assert "Quit" in texts
    tray.icon.hide()


@pytest.mark.usefixtures("german")
def test_the_settings_dialog_speaks_german_with_qts_own_buttons(qtbot: Any, tmp_path: Path) -> None:
    dialog = open_settings(qtbot, tmp_path)
    assert dialog.windowTitle() == "ERP Guardian: Einstellungen"
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Prüfungen und Neustarts" in titles and "Sprache" in titles
    buttons = {b.text().replace("&", "") for b in dialog.buttons.buttons()}
    assert {"Speichern", "Abbrechen"} <= buttons  # from Qt's qtbase_de.qm
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Prüfen alle (s)" in labels
    assert "Eine neue Sprache gilt nach einem Neustart von ERP Guardian." in labels


@pytest.mark.usefixtures("german")
def test_a_question_box_says_ja_and_nein_in_german(qtbot: Any) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "ERP Guardian",
        "?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert texts == {"Ja", "Nein"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Abbrechen"


def test_the_language_is_a_choice_that_is_saved(qtbot: Any, tmp_path: Path) -> None:
    dialog = open_settings(qtbot, tmp_path)
    box = dialog.editors["language"].qwidget
    assert isinstance(box, QComboBox)
    assert [box.itemData(i) for i in range(box.count())] == ["auto", "de", "en"]
    assert box.itemText(1) == "Deutsch"
    box.setCurrentIndex(1)
    dialog.save()
    saved = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))
    assert saved["language"] == "de"


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_decimal_comma_is_accepted(
    qtbot: Any, tmp_path: Path, qm_dir: Path, language: str
) -> None:
    with speaking(language, qm_dir):
        dialog = open_settings(qtbot, tmp_path)
        saved: list[GuardianConfig] = []
        dialog.saved.connect(saved.append)
        field = dialog.editors["check_interval"].qwidget
        assert isinstance(field, QLineEdit)
        field.setText("2,5")
        timeout = dialog.editors["warn_latency_p95_ms"].qwidget
        assert isinstance(timeout, QLineEdit)
        timeout.setText("1.234,5" if language == "de" else "1,234.5")
        dialog.save()
        assert saved, dialog.error_label.text()
        assert saved[0].check_interval == 2.5
        assert saved[0].warn_latency_p95_ms == 1234.5


@pytest.mark.usefixtures("german")
def test_floats_are_shown_with_a_decimal_comma_in_german(qtbot: Any, tmp_path: Path) -> None:
    dialog = open_settings(qtbot, tmp_path)
    field = dialog.editors["check_timeout"].qwidget
    assert isinstance(field, QLineEdit)
    assert field.text() == "0,5"


@pytest.mark.usefixtures("german")
def test_german_formats() -> None:
    moment = datetime(2026, 11, 29, 21, 38).astimezone()
    assert formats.date_time_text(moment) == "29.11.2026 21:38"
    assert formats.number_text(1234) == "1.234"
    assert duration_text(1.5) == "1,5 s"
    assert formats.bytes_text(1536 * 1024) == "1,5\N{NO-BREAK SPACE}MB"
    assert formats.percent_text(12.25) == "12,3\N{NO-BREAK SPACE}%"
    assert state_label(State.STARTING) == "startet"
    assert starting_text(4.7, 30.0) == "startet (4 s von 30 s)"


@pytest.mark.usefixtures("english")
def test_english_formats() -> None:
    moment = datetime(2026, 11, 29, 21, 38).astimezone()
    assert formats.date_time_text(moment).startswith("11/29/2026 9:38")
    assert formats.number_text(1234) == "1,234"
    assert duration_text(1.5) == "1.5 s"
    assert starting_text(4.7, 30.0) == "starting (4 s of 30 s)"
    assert formats.time_text(datetime(2026, 1, 1, 9, 5, 7, tzinfo=UTC).astimezone()).count(":") == 2


@pytest.mark.usefixtures("qtbot", "german")
def test_a_text_without_a_german_entry_keeps_its_own_words() -> None:
    # "PID", "SQLite" and the like read the same in both languages and have no entry of
    # their own: tr() must give them back, not an empty label.
    from PySide6.QtCore import QObject

    class StatusRow(QObject):
        pass

    assert StatusRow().tr("PID") == "PID"
    assert StatusRow().tr("A sentence nobody translated") == "A sentence nobody translated"
