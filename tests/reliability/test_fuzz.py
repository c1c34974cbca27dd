"""Schemathesis against both real servers' OpenAPI schemas: no 5xx, every answer as documented
(status code, content type, and the body against its response schema).

The backend runs as its own process with the fault routes off (they are 404 then, and not in
the schema); the supervisor's web server runs on a real supervisor with the real backend
behind it (its proxy answers 502/503 by design when the backend is down or broken).
Schemathesis's own pytest fixture loader needs pytest internals that pytest 9 removed, so
each operation's cases are drawn with Hypothesis directly.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import schemathesis
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel
from schemathesis import GenerationMode
from schemathesis.core.result import Ok

from tests.backend.harness import StartBackend
from tests.waiting import free_port, wait_for
from tests.web.conftest import StartWeb
from tray_app.watchdog import EventName

MAX_EXAMPLES = 100  # per operation and mode: the whole fuzz part stays well under a minute
FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,  # a shared 2-core machine: timing is not what is tested here
    suppress_health_check=list(HealthCheck),
    database=None,  # nothing written to .hypothesis/
    print_blob=False,
)


def fuzz(schema_url: str) -> tuple[int, list[str]]:
    """Every operation of the schema with up to MAX_EXAMPLES valid and as many invalid cases
    (wrong types, out-of-range values); returns the number of calls and one line per failing
    operation and mode."""
    schema = schemathesis.openapi.from_url(schema_url)
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"the schema is not valid: {result.err()}"
        operations.append(result.ok())
    assert operations, "the schema lists no operation"
    calls, failures = 0, []
    for operation, mode in itertools.product(operations, GenerationMode):
        if (
            mode is GenerationMode.NEGATIVE
            and not operation.query
            and not operation.path_parameters
        ):
            continue  # nothing that could be made invalid

        @given(case=operation.as_strategy(generation_mode=mode))
        @FUZZ_SETTINGS
        def call(case: schemathesis.Case[Any]) -> None:
            nonlocal calls
            calls += 1
            # The default checks, the body against its response schema among them (as
            # test_fuzz_fails_on_a_body_that_breaks_its_schema shows).
            case.call_and_validate()

        try:
            call()
        # Every failing operation, not only the first. Schemathesis raises its FailureGroup, a
        # BaseExceptionGroup, even for one failure: `except Exception` alone would miss it.
        except (Exception, BaseExceptionGroup) as error:
            failures.append(f"{operation.method.upper()} {operation.path} ({mode}): {error}")
    return calls, failures


@pytest.mark.slow
def test_backend_answers_as_its_schema_says(backend_factory: StartBackend) -> None:
    backend = backend_factory()
    calls, failures = fuzz(f"{backend.url}/openapi.json")
    assert not failures, "\n\n".join(failures)
    assert calls > MAX_EXAMPLES


@pytest.mark.slow
def test_web_server_answers_as_its_schema_says(web: StartWeb) -> None:
    g, server = web()
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    # A crash first: the events carry exit codes, outages and an incident, the list a report.
    os.kill(g.backend_pid(), signal.SIGKILL)
    g.wait_event(EventName.INCIDENT, timeout_s=30)
    calls, failures = fuzz(f"{server.base_url}/api/openapi.json")
    assert not failures, "\n\n".join(failures)
    assert calls > MAX_EXAMPLES


class Thing(BaseModel):
    name: str


def answers_beside_its_schema() -> FastAPI:
    app = FastAPI()

    @app.get("/thing", response_model=Thing)
    def thing() -> JSONResponse:
        return JSONResponse({"name": 5})  # past the response model: a number, not a string

    return app


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    server = uvicorn.Server(
        uvicorn.Config(app, port=free_port(), log_config=None, lifespan="off", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: server.started or not thread.is_alive(), message="server started")
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(10)


def test_fuzz_fails_on_a_body_that_breaks_its_schema() -> None:
    with serve(answers_beside_its_schema()) as url:
        _, failures = fuzz(f"{url}/openapi.json")
    assert len(failures) == 1 and failures[0].startswith("GET /thing"), failures
    assert "Response violates schema" in failures[0], failures[0]
