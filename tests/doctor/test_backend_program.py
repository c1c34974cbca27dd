"""The backend's program: missing, not executable, not Python (looked at, never run), and a
module that its Python cannot import."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.doctor.conftest import line_of, make_erp_folder, run_cli, sandbox_config, sandbox_values
from tray_app.doctor.backend import backend_checks
from tray_app.doctor.interpreter import is_python_name
from tray_app.doctor.model import Check, Status


def _by_id(checks: list[Check]) -> dict[str, Check]:
    return {check.id: check for check in checks}


def test_missing_program_fails_through_the_cli_with_exit_1(tmp_path: Path) -> None:
    values = sandbox_values(tmp_path, backend_cmd="no-such-erp-program --port {port}")
    result = run_cli(tmp_path, values)
    assert result.returncode == 1, result.stdout + result.stderr
    line = line_of(result.stdout, "backend program")
    assert line.startswith("FAIL")
    assert "'no-such-erp-program' was not found on the PATH" in line
    assert "fix: Check backend_cmd" in line


def test_a_file_that_is_not_executable_is_reported(tmp_path: Path) -> None:
    program = tmp_path / "erp-server"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o644)
    config = sandbox_config(tmp_path, backend_cmd=[str(program)])
    check = _by_id(backend_checks(config))["backend.program"]
    assert check.status is Status.FAIL and "is not executable" in check.detail


def test_a_program_that_is_not_python_is_looked_at_but_not_run(tmp_path: Path) -> None:
    ran = tmp_path / "it-ran"
    program = tmp_path / "erp-server"
    program.write_text(f"#!/bin/sh\ntouch {ran}\n")
    program.chmod(0o755)
    config = sandbox_config(tmp_path, backend_cmd=[str(program), "erpapp:app"])
    checks = backend_checks(config)
    assert [(c.id, c.status) for c in checks] == [("backend.program", Status.OK)]
    assert not ran.exists()


def test_a_module_that_is_not_importable_fails(tmp_path: Path) -> None:
    config = sandbox_config(tmp_path, backend_cmd=[sys.executable, "-m", "no_such_module"])
    check = _by_id(backend_checks(config))["backend.import.no_such_module"]
    assert check.status is Status.FAIL
    assert check.detail == "ModuleNotFoundError: No module named 'no_such_module'"
    assert "backend_cwd" in check.hint


def test_modules_are_looked_up_in_backend_cwd_with_backend_env(tmp_path: Path) -> None:
    folder = make_erp_folder(tmp_path / "erp", "", "import os\nassert os.environ['ERP_MODE']")
    cmd = [sys.executable, "-X", "utf8", "-m", "serve", "--app", "erpapp:app", "erpapp:missing"]
    config = sandbox_config(
        tmp_path, backend_cmd=cmd, backend_cwd=str(folder), backend_env={"ERP_MODE": "on"}
    )
    checks = _by_id(backend_checks(config))
    assert checks["backend.import.serve"].status is Status.OK  # found; it would exit if run
    assert checks["backend.import.erpapp:app"].status is Status.OK
    missing = checks["backend.import.erpapp:missing"]
    assert missing.status is Status.FAIL and "AttributeError" in missing.detail
    assert missing.title == "import erpapp:missing"
    without_env = sandbox_config(tmp_path, backend_cmd=cmd, backend_cwd=str(folder))
    failed = _by_id(backend_checks(without_env))["backend.import.erpapp:app"]
    assert failed.status is Status.FAIL and "KeyError: 'ERP_MODE'" in failed.detail


def test_a_backend_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    config = sandbox_config(
        tmp_path, backend_cmd=[sys.executable, "-m", "serve"], backend_cwd=str(tmp_path / "gone")
    )
    assert [(c.id, c.status) for c in backend_checks(config)] == [("backend.cwd", Status.FAIL)]


def test_a_console_script_in_a_venv_is_checked_with_the_python_beside_it(tmp_path: Path) -> None:
    scripts = tmp_path / "venv" / "bin"
    scripts.mkdir(parents=True)
    (scripts / "python").symlink_to(sys.executable)
    server = scripts / "uvicorn"
    server.write_text("#!/bin/sh\nexit 3\n")
    server.chmod(0o755)
    folder = make_erp_folder(tmp_path / "erp", "", "import no_such_dependency")
    config = sandbox_config(
        tmp_path,
        backend_cmd=[str(server), "erpapp:app", "--host", "{host}", "--port", "{port}"],
        backend_cwd=str(folder),
    )
    checks = _by_id(backend_checks(config))
    assert checks["backend.program"].detail.endswith("a script of the Python beside it (python)")
    assert checks["backend.python"].status is Status.OK
    failed = checks["backend.import.erpapp:app"]
    assert failed.detail == "ModuleNotFoundError: No module named 'no_such_dependency'"


@pytest.mark.parametrize(
    ("name", "is_python"),
    [
        ("python", True),
        ("python3", True),
        ("python3.11", True),
        ("python.exe", True),
        ("pythonw.exe", True),
        ("Python3.EXE", True),
        ("ipython", False),
        ("pythonista", False),
        ("uvicorn", False),
    ],
)
def test_python_like_names(name: str, is_python: bool) -> None:
    assert is_python_name(Path("/opt/erp/bin") / name) is is_python
