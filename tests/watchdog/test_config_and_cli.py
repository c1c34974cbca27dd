"""Configuration errors stop the start with exit 2 and name the key; the core has no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.config import ConfigError, GuardianConfig, load_config, save_config


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tray_app", *args], capture_output=True, text=True, timeout=60
    )


def test_invalid_option_exits_2_and_names_key_value_and_range(tmp_path: Path) -> None:
    result = _run("run", "--headless", "--check-interval", "-1", "--log-dir", str(tmp_path))
    assert result.returncode == 2
    assert "check_interval" in result.stderr and "'-1'" in result.stderr
    assert "0.05 to 3600" in result.stderr
    assert not (tmp_path / "events.jsonl").exists()  # nothing was started


def test_invalid_config_file_exits_2_and_names_the_key(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text("failure_threshold = 0\nbackoff_max = 1\nbackoff_initial = 5\n")
    result = _run("run", "--headless", "--config", str(file))
    assert result.returncode == 2
    assert "failure_threshold = 0" in result.stderr


def test_unknown_key_and_broken_toml_are_reported(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text("check_intervall = 1\n")
    with pytest.raises(ConfigError, match="check_intervall: unknown key"):
        load_config(file)
    file.write_text("check_interval = = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(file)


def test_options_override_the_file_and_config_show_says_where_from(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text("check_interval = 2.5\nport = 9000\n")
    loaded = load_config(file, {"port": "9100"})
    assert loaded.config.check_interval == 2.5 and loaded.config.port == 9100
    assert loaded.sources["check_interval"] == str(file)
    assert loaded.sources["port"] == "option"
    assert loaded.sources["failure_threshold"] == "default"
    result = _run("config", "show", "--config", str(file), "--port", "9100")
    assert result.returncode == 0
    assert "check_interval = 2.5" in result.stdout and "port = 9100  # option" in result.stdout


def test_backend_cmd_is_split_as_a_shell_would(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    loaded = load_config(empty, {"backend_cmd": "run 'my server' --port {port}"})
    assert loaded.config.backend_argv == ["run", "my server", "--port", "{port}"]


def test_saved_config_reads_back_equal(tmp_path: Path) -> None:
    config = GuardianConfig(check_interval=0.5, backend_cmd=["a", "b c"], notify_restarts=False)
    save_config(config, tmp_path / "config.toml")
    assert load_config(tmp_path / "config.toml").config == config


def test_config_validate_checks_a_file(tmp_path: Path) -> None:
    file = tmp_path / "c.toml"
    file.write_text("port = 70000\n")
    result = _run("config", "validate", str(file))
    assert result.returncode == 2 and "port = 70000" in result.stderr
    file.write_text("port = 7000\n")
    assert _run("config", "validate", str(file)).returncode == 0


def test_watchdog_core_imports_no_qt() -> None:
    code = (
        "import sys, tray_app.watchdog, tray_app.headless, tray_app.logs.commands; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'fastapi', 'uvicorn'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_doctor_reports_and_fixes(tmp_path: Path) -> None:
    args = ("doctor", "--log-dir", str(tmp_path / "log"), "--data-dir", str(tmp_path / "data"))
    first = _run(*args)
    assert "does not exist yet" in first.stdout and "fix: erp-guardian doctor --fix" in first.stdout
    fixed = _run(*args, "--fix")
    assert "created" in fixed.stdout
    assert (tmp_path / "data" / "erp.sqlite3").exists()
    again = _run(*args)
    assert "does not exist yet" not in again.stdout
