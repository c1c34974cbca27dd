"""The watchdog's `guard` fixture, shared with the engine tests."""

from tests.watchdog.conftest import guard  # noqa: F401  (re-exported fixture)
