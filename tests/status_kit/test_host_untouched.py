"""Mounting the kit changes nothing else in the host app: routes, middleware, state, logging."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from tests.backend.harness import REPO_ROOT
from tests.status_kit.host_app import INVOICES, create_host_app


def test_the_host_routes_still_answer(client: TestClient) -> None:
    response = client.get("/api/invoices")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [row[0] for row in INVOICES]


def test_no_middleware_and_no_app_state_are_added(erp_db: Path) -> None:
    app = create_host_app(erp_db)
    middleware_before = list(app.user_middleware)
    with TestClient(app) as client:
        client.get("/health")
        client.get("/api/v1/system/status")
    assert app.user_middleware == middleware_before == []
    assert vars(app.state)["_state"] == {}
    assert app.router.lifespan_context is not None  # the host's own (default) lifespan


# Runs in a fresh interpreter: the logging set-up before the kit's import must be the host's.
LOGGING_PROBE = """
import logging, sys
from pathlib import Path

def snapshot():
    loggers = {"": logging.getLogger()}
    loggers.update(
        (name, logger) for name, logger in logging.Logger.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    )
    states = {
        name: (logger.level, list(logger.handlers), logger.propagate, logger.disabled)
        for name, logger in loggers.items()
    }
    states["logging.disable()"] = (logging.root.manager.disable, [], True, False)
    return states

logging.basicConfig(level=logging.WARNING, format="host %(message)s")
logging.getLogger("host.audit").setLevel(logging.INFO)
before = snapshot()
from fastapi.testclient import TestClient
from tests.status_kit.host_app import create_host_app
with TestClient(create_host_app(Path(sys.argv[1]))) as client:
    assert client.get("/health").status_code == 200
    assert client.get("/api/v1/system/status").status_code == 200
after = snapshot()
untouched = (logging.NOTSET, [], True, False)
changed = {
    name: state for name, state in after.items() if state != before.get(name, untouched)
}
assert not changed, changed
print("logging untouched")
"""


def test_logging_configuration_is_left_as_the_host_made_it(erp_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOGGING_PROBE, str(erp_db)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "logging untouched"
