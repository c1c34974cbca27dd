"""The layering rules of DESIGN.md, checked on the source: services know no FastAPI,
endpoints know no psutil, and importing the app module builds nothing."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.backend.harness import REPO_ROOT

APP = REPO_ROOT / "backend" / "app"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((APP / "services").glob("*.py")), ids=lambda p: p.name)
def test_services_do_not_import_fastapi(path: Path) -> None:
    assert not imported_modules(path) & {"fastapi", "starlette"}


@pytest.mark.parametrize("path", sorted((APP / "api").rglob("*.py")), ids=lambda p: p.name)
def test_routes_do_not_import_psutil(path: Path) -> None:
    assert "psutil" not in imported_modules(path)


def test_importing_the_app_module_builds_no_app_and_starts_no_thread() -> None:
    code = (
        "import threading, backend.app.main as m, backend.cli;"
        "assert not [v for v in vars(m).values() if type(v).__name__ == 'FastAPI'];"
        "assert threading.active_count() == 1, threading.enumerate()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
