"""`run --backend-only` loads only what it uses: prometheus_client when something reads the
metrics, SQLite when a backup or a database check runs, the TOML writer when settings are
saved. Each is memory an idle guardian would hold for nothing (bench/recovery.py)."""

from __future__ import annotations

import subprocess
import sys


def _loaded(*modules: str) -> list[str]:
    code = (
        "import sys, tray_app.cli, tray_app.headless; "
        f"print(*(m in sys.modules for m in {modules!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_headless_without_page_textfile_or_push_does_not_import_the_client() -> None:
    assert _loaded("prometheus_client", "tray_app.metrics.registry") == ["False", "False"]


def test_headless_start_loads_neither_sqlite_nor_the_toml_writer() -> None:
    assert _loaded("sqlite3", "tomli_w") == ["False", "False"]
