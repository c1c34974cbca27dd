"""Switching the app's language in a test: the .qm compiled from the repository's .ts."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from tray_app.gui.translations import install_translators, remove_translators

ROOT = Path(__file__).resolve().parents[2]


def compile_catalogues(folder: Path) -> Path:
    """The .ts files compiled by the project's own script into `folder`; returns it."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    copies = []
    for ts in sources:
        copy = folder / ts.name
        copy.write_bytes(ts.read_bytes())
        copies.append(str(copy))
    tools = ROOT / ".venv" / "bin"
    environ = {**os.environ, "TS_FILES": " ".join(copies)}
    if (tools / "pyside6-lrelease").exists():
        environ["LRELEASE"] = str(tools / "pyside6-lrelease")
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "update_translations.sh"), "--compile"],
        env=environ,
        check=True,
        capture_output=True,
    )
    return folder


@contextmanager
def speaking(language: str, qm_dir: Path) -> Iterator[None]:
    """The app translated into `language` ('de', 'en') for the duration of the block."""
    app = QCoreApplication.instance()
    assert app is not None
    before = QLocale()  # the tests after this one see the locale they would have seen
    install_translators(app, language, qm_dir)
    try:
        yield
    finally:
        remove_translators(app)
        QLocale.setDefault(before)
