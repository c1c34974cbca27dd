"""Settings for every test: Qt offscreen unless a test brings its own display."""

from __future__ import annotations

import os

# Before any QApplication exists; without a display Qt would abort the whole run (rc 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Colour codes would make console output assertions depend on the terminal.
os.environ.setdefault("NO_COLOR", "1")
