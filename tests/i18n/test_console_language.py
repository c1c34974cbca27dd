"""The real command line in German (LANG=de_DE.UTF-8, a locale this machine has not generated)
and in English (LANG=C): headless lines, doctor, logs summary, config validate, an error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.i18n.event_lines import write_two_events
from tests.waiting import free_port, wait_for
from tests.watchdog.harness import service_cmd

GERMAN, ENGLISH = "de_DE.UTF-8", "C"
TIMEOUT_S = 60


def environment(tmp_path: Path, lang: str) -> dict[str, str]:
    environ = {
        k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    home = tmp_path / "home"
    return {
        **environ,
        "LANG": lang,
        "NO_COLOR": "1",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
    }


def config_file(tmp_path: Path, **values: Any) -> Path:
    path = tmp_path / "config.toml"
    base = {"log_dir": str(tmp_path / "log"), "data_dir": str(tmp_path / "data")}
    path.write_bytes(tomli_w.dumps({**base, **values}).encode())
    return path


def cli(tmp_path: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tray_app", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environment(tmp_path, lang),
        timeout=TIMEOUT_S,
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [(GERMAN, "check_interval = -1: ungültiger Wert"), (ENGLISH, "check_interval = -1: ")],
)
def test_config_validate_words_an_invalid_value(tmp_path: Path, lang: str, expected: str) -> None:
    result = cli(
        tmp_path, lang, "config", "validate", str(config_file(tmp_path, check_interval=-1))
    )
    assert result.returncode != 0
    assert expected in result.stderr
    frame = "Die Einstellungen sind ungültig" if lang == GERMAN else "invalid configuration"
    assert frame in result.stderr
    if lang == ENGLISH:
        assert "ungültig" not in result.stderr


@pytest.mark.parametrize(("lang", "expected"), [(GERMAN, ": gültig"), (ENGLISH, ": valid")])
def test_config_validate_says_valid(tmp_path: Path, lang: str, expected: str) -> None:
    result = cli(tmp_path, lang, "config", "validate", str(config_file(tmp_path)))
    assert result.returncode == 0 and result.stdout.rstrip().endswith(expected), result


def test_the_language_setting_wins_over_the_environment(tmp_path: Path) -> None:
    result = cli(tmp_path, ENGLISH, "config", "validate", str(config_file(tmp_path, language="de")))
    assert result.stdout.rstrip().endswith(": gültig"), result


@pytest.mark.parametrize(
    ("lang", "expected"),
    [(GERMAN, "Ungültige Zeitangabe"), (ENGLISH, "erp-guardian: ")],
)
def test_a_cli_error_is_in_the_language(tmp_path: Path, lang: str, expected: str) -> None:
    result = cli(
        tmp_path, lang, "logs", "summary", "--log-dir", str(tmp_path), "--since", "gestern abend"
    )
    assert result.returncode == 2 and expected in result.stderr, result
    if lang == ENGLISH:
        assert "Ungültige" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "labels", "absent"),
    [
        (GERMAN, ["Zeitraum:", "Verfügbarkeit:", "Neustarts:", "Längster Ausfall:"], "Period"),
        (ENGLISH, ["Period:", "Uptime:", "Restarts:", "Longest outage:"], "Zeitraum"),
    ],
)
def test_logs_summary_is_in_the_language(
    tmp_path: Path, lang: str, labels: list[str], absent: str
) -> None:
    write_two_events(tmp_path / "log")
    result = cli(tmp_path, lang, "logs", "summary", "--log-dir", str(tmp_path / "log"))
    assert result.returncode == 0, result
    assert all(label in result.stdout for label in labels), result.stdout
    assert absent not in result.stdout


@pytest.mark.parametrize(
    ("lang", "words", "absent"),
    [
        (GERMAN, {"OK", "WARNUNG", "FEHLER", "BEHOBEN"}, "fix:"),
        (ENGLISH, {"OK", "WARN", "FAIL"}, "Abhilfe"),
    ],
)
def test_doctor_speaks_the_language(
    tmp_path: Path, lang: str, words: set[str], absent: str
) -> None:
    config = config_file(tmp_path, backend_cmd=service_cmd(), port=free_port())
    result = cli(tmp_path, lang, "doctor", "--config", str(config))
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert lines and all(line.split()[0] in words for line in lines), result.stdout
    assert absent not in result.stdout


@pytest.fixture
def headless(tmp_path: Path) -> Iterator[Any]:
    started: list[subprocess.Popen[str]] = []

    def start(lang: str) -> tuple[subprocess.Popen[str], list[str]]:
        config = config_file(tmp_path, backend_cmd=service_cmd(), port=free_port())
        process = subprocess.Popen(
            [sys.executable, "-m", "tray_app", "run", "--backend-only", "--config", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=environment(tmp_path, lang),
        )
        started.append(process)
        lines: list[str] = []
        assert process.stdout is not None
        stdout = process.stdout
        threading.Thread(target=lambda: lines.extend(stdout), daemon=True).start()
        return process, lines

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        process.wait(TIMEOUT_S)


@pytest.mark.parametrize(
    ("lang", "started", "healthy"),
    [
        (GERMAN, "starting: ERP-System wird gestartet (PID", "healthy: antwortet in"),
        (ENGLISH, "starting: starting the backend (PID", "healthy: answers in"),
    ],
)
def test_headless_lines_are_in_the_language(
    headless: Any, lang: str, started: str, healthy: str
) -> None:
    process, lines = headless(lang)
    wait_for(lambda: any(healthy in line for line in lines), timeout_s=30, describe=lambda: lines)
    assert any(started in line for line in lines), lines
    process.send_signal(signal.SIGTERM)
    assert process.wait(TIMEOUT_S) == 0
