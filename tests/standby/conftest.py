"""The standby suite runs the watchdog suite's `guard` fixture: real supervisors, real backends."""

from tests.watchdog.conftest import guard

__all__ = ["guard"]
