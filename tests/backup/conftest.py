"""Fixtures for the backup tests: the real bundled backend on its own file, a second writer
process on that file, and a config that points the guardian's backups at both."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli_w

from tests.backend.harness import REPO_ROOT, Backend, start_backend
from tray_app.config import GuardianConfig, load_config


@dataclass
class Erp:
    backend: Backend
    config: GuardianConfig
    config_file: Path

    @property
    def database(self) -> Path:
        return self.backend.db_path


@pytest.fixture
def erp(tmp_path: Path) -> Iterator[Erp]:
    (tmp_path / "erp").mkdir()
    backend = start_backend(tmp_path / "erp")
    try:
        values = {
            "port": backend.port,
            "database_path": str(backend.db_path),
            "backup_dir": str(tmp_path / "backups"),
            "log_dir": str(tmp_path / "log"),
            "data_dir": str(tmp_path / "data"),
        }
        config_file = tmp_path / "config.toml"
        config_file.write_text(tomli_w.dumps(values))
        yield Erp(backend, load_config(config_file).config, config_file)
    finally:
        backend.stop()


@pytest.fixture
def writer(erp: Erp) -> Iterator[subprocess.Popen[bytes]]:
    """A process that writes customer+order pairs into the ERP's file until the test ends."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.backup.writer", str(erp.database)], cwd=REPO_ROOT
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def run_cli(*args: str, timeout_s: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m tray_app ARGS` as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "tray_app", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        stdin=subprocess.DEVNULL,
    )
