"""The metrics tests use the watchdog's `guard` fixture (real supervisor, real test service)."""

from tests.watchdog.conftest import guard  # noqa: F401  (re-exported fixture)
from tests.web.conftest import web  # noqa: F401  (re-exported fixture)
