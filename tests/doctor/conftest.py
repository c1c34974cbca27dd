"""Doctor test fixtures: a foreign virtual environment made by the test, a sandboxed config,
and the real command line in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.waiting import free_port
from tray_app.config import GuardianConfig

CLI_TIMEOUT_S = 300  # a --fix run installs with pip


@dataclass(frozen=True)
class ForeignVenv:
    root: Path
    python: Path

    def pip_install(self, *args: str) -> None:
        """Install offline, as a test's setup (not through doctor)."""
        subprocess.run(
            [str(self.python), "-m", "pip", "install", "--no-index", "--quiet", *args],
            check=True,
            capture_output=True,
            timeout=CLI_TIMEOUT_S,
        )


def venv_python(root: Path) -> Path:
    scripts = root / ("Scripts" if os.name == "nt" else "bin")
    return scripts / ("python.exe" if os.name == "nt" else "python")


@pytest.fixture(scope="module")
def foreign_venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForeignVenv]:
    """A virtual environment with pip and nothing else, for the ERP's own interpreter."""
    root = tmp_path_factory.mktemp("foreign") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, timeout=CLI_TIMEOUT_S)
    yield ForeignVenv(root, venv_python(root))


def sandbox_values(tmp_path: Path, **values: Any) -> dict[str, Any]:
    """Config values that keep every file in tmp_path and use a free port, no page."""
    return {
        "port": free_port(),
        "web_port": 0,
        "log_dir": str(tmp_path / "log"),
        "data_dir": str(tmp_path / "data"),
        **values,
    }


def sandbox_config(tmp_path: Path, **values: Any) -> GuardianConfig:
    return GuardianConfig(**sandbox_values(tmp_path, **values))


def make_erp_folder(folder: Path, requirements: str, app_imports: str) -> Path:
    """An ERP's folder: requirements.txt, `serve.py` (run with -m) and `erpapp.py` whose
    `app` needs the modules named in app_imports."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "requirements.txt").write_text(requirements, encoding="utf-8")
    (folder / "serve.py").write_text("raise SystemExit('doctor must not run this')\n")
    (folder / "erpapp.py").write_text(f"{app_imports}\napp = object()\n", encoding="utf-8")
    return folder


def run_cli(
    tmp_path: Path, values: dict[str, Any], *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m tray_app doctor --config FILE ARGS` with the user's folders in tmp_path;
    stdin is not a terminal."""
    config_file = tmp_path / "config.toml"
    config_file.write_bytes(tomli_w.dumps(values).encode())
    home = tmp_path / "home"
    run_env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        # English unless a test asks otherwise: these tests read doctor's English words.
        **{variable: "" for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")},
        "LANG": "C",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "tray_app", "doctor", "--config", str(config_file), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=run_env,
        timeout=CLI_TIMEOUT_S,
    )


def line_of(output: str, title: str) -> str:
    """The table line of the check with this title (with its fix line, if any)."""
    lines = output.splitlines()
    for index, line in enumerate(lines):
        after_status = line.split(None, 1)[1] if " " in line.strip() else ""
        if line[:1].strip() and (after_status + " ").startswith(title + " "):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            is_fix = following.strip().startswith(("fix:", "Abhilfe:"))
            return line + ("\n" + following if is_fix else "")
    raise AssertionError(f"no line for {title!r} in:\n{output}")
