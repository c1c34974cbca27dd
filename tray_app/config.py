"""The guardian's configuration: defaults, config.toml, command-line overrides, validation.

One pydantic model holds every parameter. Values come from three layers (defaults, the TOML
file, command-line options); `load_config` merges them and remembers where each value came
from, so `erp-guardian config show` can say it. Validation errors name the key, the value and
what is allowed, in one line each.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tray_app.config_model import (
    ConfigError,
    GuardianConfig,
    default_config_file,
    default_data_dir,
    default_log_dir,
)

__all__ = [
    "ConfigError",
    "GuardianConfig",
    "LoadedConfig",
    "allowed_range",
    "default_config_file",
    "default_data_dir",
    "default_log_dir",
    "describe_errors",
    "load_config",
    "read_config_file",
    "save_config",
    "validate_values",
]


@dataclass(frozen=True)
class LoadedConfig:
    """A validated config and where each value came from ("default", a file, "option")."""

    config: GuardianConfig
    file: Path
    file_exists: bool
    sources: dict[str, str]


def allowed_range(key: str, language: str = "en") -> str | None:
    """'0.05 to 3600 seconds' ('0,05 bis 3600 Sekunden') for a field with bounds, from the
    model itself, in the console's `language`."""
    from tray_app.i18n.catalogue import ConsoleId as C
    from tray_app.i18n.catalogue import say

    info = GuardianConfig.model_fields.get(key)
    if info is None:
        return None
    low = next((m.ge for m in info.metadata if getattr(m, "ge", None) is not None), None)
    high = next((m.le for m in info.metadata if getattr(m, "le", None) is not None), None)
    if low is None and high is None:
        return None
    bounds: dict[str, Any] = {
        "low": low if low is not None else "-inf",
        "high": high if high is not None else "inf",
    }
    # Names carry their unit ("warn_disk_free_gb", "log_max_age_days"); any other float is a
    # duration in seconds, unless it is a factor, a rate or a fraction.
    symbol = next((unit for end, unit in _UNIT_SYMBOLS if key.endswith(end)), None)
    if symbol is not None:
        return say(C.CONFIG_RANGE_UNIT, language, unit=symbol, **bounds)
    if key.endswith("_days"):
        return say(C.CONFIG_RANGE_DAYS, language, **bounds)
    if key.endswith("_h"):
        return say(C.CONFIG_RANGE_HOURS, language, **bounds)
    if info.annotation is float and not key.endswith(_UNITLESS):
        return say(C.CONFIG_RANGE_SECONDS, language, **bounds)
    return say(C.CONFIG_RANGE, language, **bounds)


_UNIT_SYMBOLS: tuple[tuple[str, str], ...] = (
    ("_mb_per_hour", "MB/h"),
    ("_gb", "GB"),
    ("_mb", "MB"),
    ("_ms", "ms"),
    ("_percent", "%"),
)
_UNITLESS = ("_factor", "_per_minute", "_hysteresis")


def describe_errors(error: ValidationError, values: dict[str, Any]) -> str:
    """Turn pydantic's errors into one line per key: key = value: what is allowed. The frame
    speaks the console's language (the values' own `language`, else the environment);
    pydantic's words about the problem stay English."""
    # Imported here: the i18n package reads no config, but keep config.py's imports light.
    from tray_app.i18n.catalogue import ConsoleId as C
    from tray_app.i18n.catalogue import say
    from tray_app.i18n.console import language_of_values

    lang = language_of_values(values)
    lines = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "config"
        problem = str(item["msg"]).removeprefix("Value error, ")
        allowed = allowed_range(key, lang)
        if item["type"] == "extra_forbidden":
            known = ", ".join(GuardianConfig.model_fields)
            lines.append(say(C.CONFIG_UNKNOWN_KEY, lang, key=key, allowed=known))
        elif key in values:
            value = repr(values[key])
            lines.append(
                say(
                    C.CONFIG_BAD_VALUE_ALLOWED,
                    lang,
                    key=key,
                    value=value,
                    problem=problem,
                    allowed=allowed,
                )
                if allowed
                else say(C.CONFIG_BAD_VALUE, lang, key=key, value=value, problem=problem)
            )
        else:
            lines.append(
                say(C.CONFIG_BAD_KEY_ALLOWED, lang, key=key, problem=problem, allowed=allowed)
                if allowed
                else say(C.CONFIG_BAD_KEY, lang, key=key, problem=problem)
            )
    return "\n".join(lines)


def validate_values(values: dict[str, Any]) -> GuardianConfig:
    """Build a config from raw values, raising ConfigError with a readable message."""
    try:
        return GuardianConfig.model_validate(values)
    except ValidationError as error:
        raise ConfigError(describe_errors(error, values)) from None


def read_config_file(path: Path) -> dict[str, Any]:
    """Read a TOML file; a missing file is an empty config, a broken one a ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    # A [guardian] table is accepted as well as top-level keys.
    if isinstance(data.get("guardian"), dict):
        data = {**{k: v for k, v in data.items() if k != "guardian"}, **data["guardian"]}
    return data


def load_config(file: Path | None = None, overrides: dict[str, Any] | None = None) -> LoadedConfig:
    """Merge defaults, the config file and command-line overrides, then validate."""
    path = file or default_config_file()
    if file is not None and not file.exists():
        raise ConfigError(f"{file}: config file not found")
    from_file = read_config_file(path)
    from_options = {k: v for k, v in (overrides or {}).items() if v is not None}
    merged = {**from_file, **from_options}
    config = validate_values(merged)
    sources = {
        key: "option" if key in from_options else str(path) if key in from_file else "default"
        for key in GuardianConfig.model_fields
    }
    return LoadedConfig(config=config, file=path, file_exists=path.exists(), sources=sources)


def save_config(config: GuardianConfig, path: Path) -> None:
    """Write the values that differ from the defaults to a TOML file, atomically."""
    # Imported here: only the tray's settings write the file; every other run only reads it.
    import tomli_w

    defaults = GuardianConfig()
    values = {
        key: value
        for key, value in config.model_dump().items()
        if value != getattr(defaults, key) and value is not None
    }
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".toml.tmp")
    # Created readable by the user only (where the OS has modes), before any byte is written.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(tomli_w.dumps(values))
    os.chmod(tmp, 0o600)  # O_CREAT's mode does not apply to a file left by an earlier try
    tmp.replace(path)
