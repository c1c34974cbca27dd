"""The settings dialog: every watchdog parameter, validated like config.toml, applied live."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tray_app.config import ConfigError, GuardianConfig, save_config, validate_values
from tray_app.gui import theme
from tray_app.gui.settings_fields import FieldEditor
from tray_app.gui.settings_sections import SECTIONS, field_labels, field_notes, section_titles


class SettingsDialog(QDialog):
    """Save validates every value; on an error the dialog stays open and names the key."""

    saved = Signal(object)  # the new GuardianConfig, already written to config_file

    def __init__(
        self, config: GuardianConfig, config_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("ERP Guardian: settings"))
        self.setWindowIcon(theme.app_icon())
        self.config = config
        self.config_file = config_file
        self.editors: dict[str, FieldEditor] = {}
        self._tab_of: dict[str, int] = {}
        self.tabs = QTabWidget()
        self._build_tabs()
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #cf222e;")
        self.error_label.hide()
        note = QLabel(self.tr("Saved to {file}").format(file=config_file))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(self.restore_defaults)
        # Qt's own texts for these two carry no access key on most platforms.
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        defaults.setText(self.tr("Restore &defaults"))
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.show_config(config)
        self.resize(640, 560)

    def _build_tabs(self) -> None:
        labels, titles, notes = field_labels(), section_titles(), field_notes()
        listed = {name for names in SECTIONS.values() for name in names}
        fields = GuardianConfig.model_fields
        sections = dict(SECTIONS)
        others = tuple(name for name in fields if name not in listed)
        if others:
            sections["other"] = others
        for section, names in sections.items():
            page = QWidget()
            column = QVBoxLayout(page)
            # A grid, not a QFormLayout: QFormLayout gives a row the height a word-wrapped label
            # needs at the width of the label column, then places the label at its own narrower
            # sizeHint width, where the text takes more lines, and the last one was cut off
            # (qformlayout.cpp: setupHfwLayoutData against arrangeWidgets). A grid cell gives
            # the label the width its heightForWidth was asked for.
            form = QGridLayout()
            form.setColumnStretch(1, 1)  # the editors take the width the labels do not need
            column.addLayout(form)
            column.addStretch(1)  # rows stay together at the top of a tall page
            row = 0
            for name in names:
                if name not in fields:
                    continue
                editor = FieldEditor(name, fields[name])
                self.editors[name] = editor
                label = QLabel(labels.get(name, name))
                label.setBuddy(editor.qwidget)
                label.setWordWrap(True)
                form.addWidget(label, row, 0)
                form.addWidget(editor.qwidget, row, 1)
                row += 1
                if name in notes:
                    note = QLabel(notes[name])
                    note.setObjectName(f"note_{name}")
                    note.setWordWrap(True)
                    form.addWidget(note, row, 1)
                    row += 1
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            index = self.tabs.addTab(scroll, titles[section])
            self._tab_of.update(dict.fromkeys(names, index))

    def show_config(self, config: GuardianConfig) -> None:
        for name, editor in self.editors.items():
            editor.set_value(getattr(config, name))

    @Slot()
    def restore_defaults(self) -> None:
        self.show_config(GuardianConfig())

    def values(self) -> dict[str, Any]:
        """What the widgets hold, as raw values; ConfigError if one cannot even be read."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        bad = [
            name
            for name in self.editors
            if any(line.startswith((f"{name} ", f"{name}:")) for line in message.splitlines())
        ]
        for name, editor in self.editors.items():
            editor.set_error(name in bad)
        if bad:
            self.tabs.setCurrentIndex(self._tab_of[bad[0]])
            self.editors[bad[0]].qwidget.setFocus()

    @Slot()
    def save(self) -> None:
        try:
            config = validate_values(self.values())
        except ConfigError as error:
            self.show_error(str(error))
            return
        try:
            save_config(config, self.config_file)
        except OSError as error:
            self.show_error(self.tr("The settings could not be saved: {error}").format(error=error))
            return
        self.config = config
        self.saved.emit(config)
        self.accept()
