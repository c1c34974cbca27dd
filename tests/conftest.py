"""Settings for every test: Qt offscreen unless a test brings its own display."""

from __future__ import annotations

import os

import pytest

# Before any QApplication exists; without a display Qt would abort the whole run (rc 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Colour codes would make console output assertions depend on the terminal.
os.environ.setdefault("NO_COLOR", "1")

# Tests that use POSIX-only means (signals that Windows lacks, process groups, /proc, a POSIX
# shell) are marked `posix`, found from their module's source, so that the Windows workflow
# runs the rest with `-m "not posix"` and a new test needs no list kept by hand.
_POSIX_ONLY = ("SIGSTOP", "SIGKILL", "SIGUSR1", "SIGCONT", "killpg", "fcntl", "/proc/", "/bin/sh")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    del config
    sources: dict[str, bool] = {}
    for item in items:
        path = str(item.path)
        if path not in sources:
            try:
                text = item.path.read_text(encoding="utf-8")
            except OSError:
                text = ""
            sources[path] = any(word in text for word in _POSIX_ONLY)
        if sources[path]:
            item.add_marker(pytest.mark.posix)
