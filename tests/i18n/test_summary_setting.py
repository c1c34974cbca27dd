"""`logs summary` follows the config's `language` setting, not only the environment: a config
file with `language = "de"` read under LANG=C gives the German summary."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from tests.i18n.event_lines import write_two_events
from tray_app.config import load_config
from tray_app.logs.commands import summary_command

GERMAN_LABELS = ["Zeitraum:", "Verfügbarkeit:", "Neustarts:", "Längster Ausfall:"]
ENGLISH_LABELS = ["Period:", "Uptime:", "Restarts:", "Longest outage:"]


def config_with_language(tmp_path: Path, language: str) -> Path:
    path = tmp_path / "config.toml"
    values = {"language": language, "log_dir": str(tmp_path / "log"), "web_port": 0}
    path.write_bytes(tomli_w.dumps(values).encode())
    write_two_events(tmp_path / "log")
    return path


@pytest.fixture
def lang_c(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C")


@pytest.mark.parametrize(
    ("setting", "labels", "absent"),
    [("de", GERMAN_LABELS, "Period"), ("en", ENGLISH_LABELS, "Zeitraum")],
)
@pytest.mark.usefixtures("lang_c")
def test_the_summary_speaks_the_configs_language_under_lang_c(
    tmp_path: Path, setting: str, labels: list[str], absent: str
) -> None:
    config = load_config(config_with_language(tmp_path, setting)).config
    out = io.StringIO()
    assert summary_command(config.log_path, None, False, out, language=config.language) == 0
    assert all(label in out.getvalue() for label in labels), out.getvalue()
    assert absent not in out.getvalue()


@pytest.mark.usefixtures("lang_c")
def test_without_a_setting_the_environment_decides(tmp_path: Path) -> None:
    write_two_events(tmp_path / "log")
    out = io.StringIO()
    assert summary_command(tmp_path / "log", None, False, out) == 0
    assert "Period:" in out.getvalue() and "Zeitraum" not in out.getvalue()


def test_the_real_cli_summary_follows_language_de_under_lang_c(tmp_path: Path) -> None:
    config = config_with_language(tmp_path, "de")
    kept = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run(
        [sys.executable, "-m", "tray_app", "logs", "summary", "--config", str(config)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**kept, "LANG": "C", "NO_COLOR": "1"},
        timeout=60,
    )
    assert result.returncode == 0, result
    assert all(label in result.stdout for label in GERMAN_LABELS), result.stdout
