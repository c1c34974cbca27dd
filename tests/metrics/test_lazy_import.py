"""`run --backend-only` with nothing to read the metrics does not load prometheus_client."""

from __future__ import annotations

import subprocess
import sys


def test_headless_without_page_textfile_or_push_does_not_import_the_client() -> None:
    code = (
        "import sys, tray_app.headless; "
        "print('prometheus_client' in sys.modules, 'tray_app.metrics.registry' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "False"], done.stderr
