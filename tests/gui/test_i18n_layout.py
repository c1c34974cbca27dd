"""No label, button or restart-history column is cut, in German and English, at 100 and 150 %.

Each case runs tests/gui/layout_probe.py in a process of its own, because QT_SCALE_FACTOR
only applies to a QApplication created after it is set.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.i18n_fixtures import ROOT
from tests.waiting import free_port


@pytest.mark.parametrize("scale", ["1", "1.5"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_no_text_is_cut(qm_dir: Path, language: str, scale: str) -> None:
    environ = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.gui.layout_probe", language, str(qm_dir), str(free_port())],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["scale"] == scale
    assert report["problems"] == []
