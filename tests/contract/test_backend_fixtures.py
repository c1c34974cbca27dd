"""The page's backend-status fixtures against the backend's real response model."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.app.schemas.status import SystemStatus
from tests.contract.conftest import LiveAnswers
from tests.contract.shapes import fixture_files, load, shape_differences

BACKEND_FIXTURES = fixture_files("backend-status*.json")


@pytest.mark.parametrize("path", BACKEND_FIXTURES, ids=lambda path: path.stem)
def test_backend_fixture_fits_the_response_model(path: Path) -> None:
    # Strict: a number written as a string or a missing field fails, as it would in the page.
    SystemStatus.model_validate_json(path.read_text(encoding="utf-8"), strict=True)


def test_backend_fixtures_have_the_keys_and_types_of_a_live_answer(live: LiveAnswers) -> None:
    SystemStatus.model_validate(live.backend_status)  # what the fixtures are held to is real
    problems = {
        path.stem: shape_differences(load(path), live.backend_status) for path in BACKEND_FIXTURES
    }
    assert problems == {path.stem: [] for path in BACKEND_FIXTURES}
