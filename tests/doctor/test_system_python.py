"""A Python outside a virtual environment is never changed without --allow-system."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.doctor.conftest import line_of, make_erp_folder, run_cli, sandbox_values

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX layout of the base Python")

# A name no index has: even if the refusal broke, pip (offline) could install nothing.
_REQUIREMENTS = "erp-guardian-test-nothing-by-this-name>=1\n"


def _system_python() -> Path:
    base = Path(sys.base_prefix) / "bin"
    python = base / f"python{sys.version_info.major}.{sys.version_info.minor}"
    if sys.prefix == sys.base_prefix or not python.is_file():
        pytest.skip("needs the tests to run in a venv over a base Python")
    return python


def test_system_python_is_refused_without_allow_system_and_says_why(tmp_path: Path) -> None:
    python = _system_python()
    folder = make_erp_folder(tmp_path / "erp", _REQUIREMENTS, "")
    values = sandbox_values(
        tmp_path, backend_cmd=[str(python), "-m", "serve"], backend_cwd=str(folder)
    )
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(tmp_path / "no-wheels")}

    refused = run_cli(tmp_path, values, "--fix", "--yes", env=offline)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "(not a virtual environment)" in line_of(refused.stdout, "backend Python")
    assert "is not in a virtual environment" in refused.stdout
    assert "changes the Python that other programs on this computer use" in refused.stdout
    assert "--allow-system" in refused.stdout
    assert "pip could not install" not in refused.stdout  # pip was not even started

    allowed = run_cli(tmp_path, values, "--fix", "--yes", "--allow-system", env=offline)
    assert allowed.returncode == 1, allowed.stdout + allowed.stderr
    assert "pip could not install them" in allowed.stdout  # tried: nothing by that name
