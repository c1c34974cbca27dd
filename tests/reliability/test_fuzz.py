"""Schemathesis against both real servers' OpenAPI schemas: no 5xx, every answer as documented.

The backend runs as its own process with the fault routes off (they are 404 then, and not in
the schema); the supervisor's web server runs on a real supervisor with the real backend
behind it (its proxy answers 502/503 by design when the backend is down or broken).
Schemathesis's own pytest fixture loader needs pytest internals that pytest 9 removed, so
each operation's cases are drawn with Hypothesis directly.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.core.result import Ok

from tests.backend.harness import StartBackend
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
            case.call_and_validate()

        try:
            call()
        except Exception as error:  # every failing operation, not only the first
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
    calls, failures = fuzz(f"{server.base_url}/api/openapi.json")
    assert not failures, "\n\n".join(failures)
    assert calls > MAX_EXAMPLES
