"""`erp-guardian doctor` in the user's language: the real command line in German
(LANG=de_DE.UTF-8, not generated on this machine, or `language = "de"` under LANG=C) and in
English (LANG=C), on configs with problems: a missing folder, a port held by a foreign
program, a damaged database, and an ERP of its own with a missing requirement."""

from __future__ import annotations

import os
import string
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.waiting import free_port, wait_for
from tray_app.config import GuardianConfig
from tray_app.i18n.console_ids import ConsoleId
from tray_app.i18n.templates import PAIRS
from tray_app.logs.bundle import write_bundle
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import port_is_free

GERMAN, ENGLISH = "de_DE.UTF-8", "C"
TIMEOUT_S = 120


def english_sentences() -> list[str]:
    """Every English piece of doctor's words of two words or more (between the parameters)
    that the German text does not contain as well ("erp-guardian doctor --fix" it does)."""
    pieces = set()
    for message_id, (en, de) in PAIRS.items():
        if not (isinstance(message_id, ConsoleId) and message_id.name.startswith("DOCTOR_")):
            continue
        for literal, *_ in string.Formatter().parse(en):
            piece = literal.strip(" :;,.()")
            if " " in piece and piece not in de:
                pieces.add(piece)
    return sorted(pieces)


@pytest.fixture
def foreign_port() -> Iterator[int]:
    """A port a foreign program listens on until its stdin closes."""
    port = free_port()
    code = (
        "import socket, sys\n"
        "s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen()\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(port)], stdin=subprocess.PIPE)
    try:
        wait_for(lambda: not port_is_free(current(), "127.0.0.1", port), message="port taken")
        yield port
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)


def doctor(tmp_path: Path, lang: str, **values: Any) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "config.toml"
    base = {"log_dir": str(tmp_path / "log"), "data_dir": str(tmp_path / "data"), "web_port": 0}
    config.write_bytes(tomli_w.dumps({**base, **values}).encode())
    home = tmp_path / "home"
    kept = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environ = {
        **kept,
        "LANG": lang,
        "NO_COLOR": "1",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
    }
    return subprocess.run(
        [sys.executable, "-m", "tray_app", "doctor", "--config", str(config)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environ,
        timeout=TIMEOUT_S,
    )


def damaged_database(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "erp.sqlite3").write_bytes(b"this is no SQLite file " * 200)


def own_erp(tmp_path: Path) -> dict[str, Any]:
    """An ERP of its own: a requirement nobody has, a line doctor cannot check, a module
    that lacks the app named in the command."""
    folder = tmp_path / "erp"
    folder.mkdir()
    (folder / "requirements.txt").write_text("erp-guardian-test-nothing>=1\n-e ./local-lib\n")
    (folder / "serve.py").write_text("raise SystemExit('doctor must not run this')\n")
    (folder / "erpapp.py").write_text("app = object()\n")
    return {
        "backend_cmd": [sys.executable, "-m", "serve", "erpapp:missing"],
        "backend_cwd": str(folder),
    }


def assert_german(output: str) -> None:
    leaks = [sentence for sentence in english_sentences() if sentence in output]
    assert leaks == [], output
    assert "fix:" not in output and "Abhilfe:" in output, output


@pytest.mark.parametrize(
    ("lang", "setting"), [(GERMAN, "auto"), (ENGLISH, "de")], ids=["lang_de", "setting_de"]
)
def test_doctor_words_the_bundled_erps_problems_in_german(
    tmp_path: Path, foreign_port: int, lang: str, setting: str
) -> None:
    damaged_database(tmp_path)
    result = doctor(tmp_path, lang, port=foreign_port, language=setting)
    assert result.returncode == 1, result
    out = result.stdout
    assert_german(out)
    assert f"{tmp_path / 'log'} gibt es noch nicht" in out
    assert f"127.0.0.1:{foreign_port} wird benutzt von python" in out
    assert "ist beschädigt, keine intakte SQLite-Datenbank: file is not a database" in out
    assert "Abhilfe: Beenden Sie das ERP-System und stellen Sie die Datenbank" in out
    assert "FEHLER  Port des ERP-Systems" in out


def test_doctor_words_an_own_erps_problems_in_german(tmp_path: Path) -> None:
    result = doctor(tmp_path, GERMAN, port=free_port(), **own_erp(tmp_path))
    assert result.returncode == 1, result
    out = result.stdout
    assert_german(out)
    assert "erp-guardian-test-nothing>=1: nicht installiert (verlangt in requirements.txt)" in out
    assert "lässt sich nicht prüfen: requirements.txt Zeile 2: -e ./local-lib" in out
    assert "Modul erpapp:missing" in out and "AttributeError" in out
    assert "(eine virtuelle Umgebung)" in out


def test_doctor_in_english_says_what_it_said_before(tmp_path: Path, foreign_port: int) -> None:
    damaged_database(tmp_path)
    result = doctor(tmp_path, ENGLISH, port=foreign_port)
    assert result.returncode == 1, result
    out = result.stdout
    assert f"{tmp_path / 'log'} does not exist yet" in out
    assert "fix: erp-guardian doctor --fix" in out
    assert f"127.0.0.1:{foreign_port} is used by python" in out
    assert "is not a sound SQLite database: file is not a database" in out
    assert "fix: Stop the ERP and restore the database from a backup" in out
    assert "FAIL  backend port" in out
    german = ("Abhilfe", "gibt es", "wird benutzt", "Sie ", "ERP-System", "FEHLER")
    assert [word for word in german if word in out] == [], out


def test_the_english_sentences_list_is_not_empty_and_catches_a_leak() -> None:
    sentences = english_sentences()
    assert "does not exist yet" in sentences and "is not a sound SQLite database" in sentences
    with pytest.raises(AssertionError):
        assert_german("WARNUNG  log folder  /x does not exist yet\n  Abhilfe: x\n")


def test_the_support_bundles_doctor_table_stays_english_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    monkeypatch.setenv("LANG", GERMAN)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home"))
    config = GuardianConfig(
        log_dir=str(tmp_path / "log"), data_dir=str(tmp_path / "data"), web_port=0, language="de"
    )
    with zipfile.ZipFile(write_bundle(config, tmp_path / "bundle.zip")) as archive:
        table = archive.read("doctor.txt").decode()
    assert "does not exist yet" in table and "fix: erp-guardian doctor --fix" in table, table
    assert "gibt es" not in table and "Abhilfe" not in table, table
