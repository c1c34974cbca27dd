"""scripts/screenshots.py runs: on its own virtual screen with a tray host it writes every
picture in both languages, and none of them is blank."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("tray-menu", "status-window", "log-viewer", "settings", "notification")


def distinct_colours(image: QImage, step: int = 3) -> int:
    return len(
        {
            image.pixel(x, y)
            for y in range(0, image.height(), step)
            for x in range(0, image.width(), step)
        }
    )


def test_the_script_writes_every_picture_in_both_languages(tmp_path: Path) -> None:
    missing = [tool for tool in ("Xvfb", "trayer") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb trayer)")
    script = ROOT / "scripts" / "screenshots.py"
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    expected = {f"{shot}-{language}.png" for shot in SHOTS for language in ("en", "de")}
    assert {path.name for path in tmp_path.glob("*.png")} == expected
    for name in sorted(expected):
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), name
        assert image.width() > 100 and image.height() > 30, name
        assert distinct_colours(image) > 8, f"{name} looks blank"
