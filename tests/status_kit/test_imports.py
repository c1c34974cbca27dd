"""What importing the kit loads, and its layering: services know no FastAPI, routes no psutil."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.backend.harness import REPO_ROOT
from tests.backend.test_layering import imported_modules

PACKAGE = REPO_ROOT / "status_kit" / "src" / "erp_guardian_status"
ROUTE_MODULES = {"router.py", "__init__.py"}
FORBIDDEN_TOP_LEVEL = {"PySide6", "uvicorn", "tray_app", "backend"}


def test_importing_the_kit_loads_no_qt_server_guardian_or_backend() -> None:
    code = (
        "import sys, threading, erp_guardian_status;"
        "assert threading.active_count() == 1, threading.enumerate();"
        "print('\\n'.join(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    modules = result.stdout.split()
    assert "erp_guardian_status.router" in modules  # the probe did import it
    loaded = {name for name in modules if name.split(".")[0] in FORBIDDEN_TOP_LEVEL}
    assert loaded == set()


def test_the_kit_is_imported_from_its_own_folder() -> None:
    import erp_guardian_status

    assert Path(erp_guardian_status.__file__).parent == PACKAGE


@pytest.mark.parametrize(
    "path",
    sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ROUTE_MODULES),
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_services_do_not_import_fastapi(path: Path) -> None:
    assert not imported_modules(path) & {"fastapi", "starlette"}


@pytest.mark.parametrize("name", sorted(ROUTE_MODULES))
def test_routes_do_not_import_psutil(name: str) -> None:
    assert "psutil" not in imported_modules(PACKAGE / name)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=str)
def test_the_kit_imports_nothing_of_this_repository(path: Path) -> None:
    assert not imported_modules(path) & FORBIDDEN_TOP_LEVEL
