"""One editor widget per GuardianConfig field, chosen from the field's type.

Every field gets an editor, so a new config key is editable without touching the dialog.
Values go back as raw text where the config file would hold text, so validation and its
messages are exactly those of config.toml.
"""

from __future__ import annotations

import shlex
import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic.fields import FieldInfo
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from tray_app.command_line import join_command
from tray_app.config import ConfigError, GuardianConfig
from tray_app.gui.settings_sections import choice_labels


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh).
    return QCoreApplication.translate("", text)


def _is_optional(annotation: Any) -> bool:
    origin = get_origin(annotation)
    return origin in (Union, types.UnionType) and type(None) in get_args(annotation)


def _range_text(info: FieldInfo) -> str:
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    if low is None and high is None:
        return ""
    return _tr("Allowed: {low} to {high}.").format(
        low="" if low is None else low, high="" if high is None else high
    )


def _decimal_point(text: str) -> str:
    """'2,5' -> '2.5' in either language; with both signs the last one is the decimal sign."""
    if "," not in text:
        return text
    if text.rfind(".") > text.rfind(","):
        return text.replace(",", "")  # 1,234.5
    return text.replace(".", "").replace(",", ".")  # 1.234,5 or 2,5


class FieldEditor:
    """The widget for one field, and the conversion between its text and the config value."""

    def __init__(self, name: str, info: FieldInfo) -> None:
        self.name = name
        annotation = info.annotation
        self.kind = "text"
        self.widget: QCheckBox | QComboBox | QLineEdit | QPlainTextEdit
        if annotation is bool:
            self.kind, self.widget = "bool", QCheckBox()
        elif get_origin(annotation) is Literal:
            self.kind, self.widget = "choice", QComboBox()
            names = choice_labels()
            for choice in get_args(annotation):
                self.widget.addItem(names.get(str(choice), str(choice)), choice)
        elif name == "backend_cmd":
            # Kept as typed: the config splits it by the platform's shell rules when used.
            self.kind, self.widget = "command", QLineEdit()
        elif get_origin(annotation) is list:
            self.kind, self.widget = "list", QLineEdit()
        elif get_origin(annotation) is dict:
            self.kind, self.widget = "dict", QPlainTextEdit()
            self.widget.setFixedHeight(70)
        elif annotation is float:
            self.kind, self.widget = "float", QLineEdit()
        else:
            self.widget = QLineEdit()
        self.optional = _is_optional(annotation)
        self.widget.setObjectName(f"field_{name}")
        default = GuardianConfig.model_fields[name].get_default(call_default_factory=True)
        tip = _tr("Key in config.toml: {name}. Default: {default}.").format(
            name=name, default=self._text_of(default) or _tr("empty")
        )
        self.widget.setToolTip(" ".join(part for part in (tip, _range_text(info)) if part))

    @property
    def qwidget(self) -> QWidget:
        return self.widget

    def _text_of(self, value: Any) -> str:
        if value is None:
            return ""
        if self.kind == "list":
            return shlex.join(value)
        if self.kind == "command":
            return value if isinstance(value, str) else join_command(value)
        if self.kind == "dict":
            return "\n".join(f"{key}={val}" for key, val in value.items())
        if self.kind == "float":
            # Shown with the user's decimal sign ("2,5" in German); value() takes either.
            return str(value).replace(".", QLocale().decimalPoint())
        return str(value)

    def set_value(self, value: Any) -> None:
        widget = self.widget
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(self._text_of(value))
        else:
            widget.setText(self._text_of(value))

    def value(self) -> Any:
        """The raw value for validate_values; ConfigError if the text cannot be split up."""
        widget = self.widget
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QPlainTextEdit):
            return self._parse_env(widget.toPlainText())
        text = widget.text().strip()
        if self.kind == "list":
            try:
                return shlex.split(text)
            except ValueError as error:
                raise ConfigError(f"{self.name} = {text!r}: {error}") from None
        if self.kind == "command" and not text:
            return []
        if self.optional and not text:
            return None
        if self.kind == "float":
            return _decimal_point(text)
        return text

    def _parse_env(self, text: str) -> dict[str, str]:
        values: dict[str, str] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            key, sep, val = line.partition("=")
            if not sep or not key.strip():
                message = _tr("line {number} is not KEY=VALUE").format(number=number)
                raise ConfigError(f"{self.name}: {message}")
            values[key.strip()] = val
        return values

    def set_error(self, bad: bool) -> None:
        self.widget.setStyleSheet("border: 1px solid #cf222e;" if bad else "")
