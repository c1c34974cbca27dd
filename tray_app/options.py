"""Command-line options generated from the config model: one `--key-name` per config key."""

from __future__ import annotations

import argparse
import types
import typing
from pathlib import Path
from typing import Any

from tray_app.config import GuardianConfig

# Keys whose options need a word of explanation beyond their name.
_HELP = {
    "backend_cmd": 'command that starts the backend, split as a shell would ("{port}" is replaced)',
    "health_url": "URL to check instead of http://HOST:PORT/HEALTH_PATH",
    "giveup_cooldown": "seconds before one more try after giving up (0: never)",
    "stats_interval": "seconds between statistics lines (0: none)",
    "web_port": "port of the status page (0: no page)",
}
_SKIPPED = {"backend_env"}  # a dict: set it in config.toml or with --backend-env KEY=VALUE


def _is_bool(annotation: Any) -> bool:
    return annotation is bool


def add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("configuration (overrides config.toml)")
    group.add_argument("--config", type=Path, metavar="FILE", help="config file to read")
    for key, info in GuardianConfig.model_fields.items():
        if key in _SKIPPED:
            continue
        flag = "--" + key.replace("_", "-")
        default = info.get_default(call_default_factory=True)
        help_text = _HELP.get(key, f"default: {default}")
        if _is_bool(info.annotation):
            group.add_argument(
                flag, dest=key, action=argparse.BooleanOptionalAction, default=None, help=help_text
            )
        else:
            metavar = _metavar(info.annotation)
            group.add_argument(flag, dest=key, default=None, metavar=metavar, help=help_text)
    group.add_argument(
        "--backend-env",
        dest="backend_env",
        action="append",
        metavar="KEY=VALUE",
        help="extra environment variable for the backend (repeatable)",
    )


def _metavar(annotation: Any) -> str:
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) and args:
        annotation = args[0]
    return {float: "SECONDS", int: "N", str: "TEXT"}.get(annotation, "VALUE")


def config_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The config keys given on the command line, raw; validation happens in the model."""
    values = {
        key: getattr(args, key)
        for key in GuardianConfig.model_fields
        if getattr(args, key, None) is not None
    }
    if "backend_env" in values:
        env = {}
        for item in values["backend_env"]:
            name, sep, value = item.partition("=")
            env[name] = value if sep else ""
        values["backend_env"] = env
    return values
