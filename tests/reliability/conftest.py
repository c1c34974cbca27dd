"""Fixtures of the reliability suite: the engine's `guard` and the web server's `web`."""

from __future__ import annotations

import pytest

from tests.backend.conftest import backend_factory  # noqa: F401  (re-exported fixture)
from tests.watchdog.conftest import guard  # noqa: F401  (re-exported fixture)
from tests.web.conftest import web  # noqa: F401  (re-exported fixture)


def pytest_configure(config: pytest.Config) -> None:
    # Registered here: pyproject.toml's marker list belongs to the whole project.
    config.addinivalue_line(
        "markers", "slow: long reliability runs (load, fuzzing); deselect with -m 'not slow'"
    )
