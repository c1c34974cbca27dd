"""Every sub-command works in the frozen executable, and writes only to the user's folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exe.harness import Sandbox, run_exe

pytestmark = pytest.mark.exe


def test_version_and_backend_help(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "--version")
    assert (code, output.split()[0]) == (0, "erp-guardian"), output
    code, output = run_exe(exe, sandbox, "backend", "--help")
    assert code == 0, output
    assert "usage: erp-guardian backend" in output
    assert "--port" in output


def test_backend_rejects_a_bad_option_with_exit_code_2(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "backend", "--port", "99999")
    assert code == 2, output
    assert "--port" in output
    assert "Traceback" not in output


def test_doctor_finds_the_bundled_page_and_modules(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "doctor")
    assert code == 0, output
    imports = [line for line in output.splitlines() if line.split()[1:2] == ["import"]]
    assert len(imports) >= 5, output  # fastapi, uvicorn, ... PySide6.QtWidgets, backend.app.main
    assert all(line.startswith("OK") for line in imports), output
    assert "built page found" in output, output
    assert "FAIL" not in output, output


def test_doctor_fix_creates_the_folders_in_the_users_home(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "doctor", "--fix")
    assert code == 0, output
    assert (Path(sandbox.env["XDG_DATA_HOME"]) / "erp-guardian" / "erp.sqlite3").is_file()
    assert (Path(sandbox.env["XDG_STATE_HOME"]) / "erp-guardian" / "log").is_dir()
    assert not list(exe.parent.glob("*.sqlite3")), "nothing may be written beside the executable"


def test_config_show_path_and_validate(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "config", "show", "--web-port", "9123")
    assert code == 0, output
    assert f"# config file: {sandbox.env['XDG_CONFIG_HOME']}/erp-guardian/config.toml" in output
    assert "web_port = 9123" in output
    bad = sandbox.root / "bad.toml"
    bad.write_text("port = 0\n")
    code, output = run_exe(exe, sandbox, "config", "validate", str(bad))
    assert code == 2, output
    assert "port" in output
    assert "Traceback" not in output


def test_logs_summary_on_an_empty_log_folder(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "logs", "summary", "--log-dir", str(sandbox.root))
    assert code == 0, output
    assert "Restarts:" in output
