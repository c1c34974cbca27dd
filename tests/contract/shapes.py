"""Compares the shape of two JSON values: the same keys at every level, the same value types.

A null on either side says nothing about the other side's type (the response models decide
what may be null); a list is compared item by item against the other list's first item.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "frontend" / "src" / "test" / "fixtures"


def fixture_files(pattern: str) -> list[Path]:
    found = sorted(FIXTURES.glob(pattern))
    assert found, f"no fixtures {pattern} in {FIXTURES}"
    return found


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):  # before int: a bool is an int in Python
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def shape_differences(
    fixture: Any, live: Any, path: str = "", free_form: frozenset[str] = frozenset()
) -> list[str]:
    """One line per difference, named by its path, e.g. 'system.memory.percent: ...'.

    `free_form` names objects whose keys vary (an event's `data`), as paths without list
    indices ("events.data"): only their type is compared.
    """
    kinds = json_kind(fixture), json_kind(live)
    if "null" in kinds:
        return []
    if kinds[0] != kinds[1]:
        return [f"{path or '.'}: the fixture has a {kinds[0]}, the live answer a {kinds[1]}"]
    if re.sub(r"\[\d+\]", "", path) in free_form:
        return []
    if isinstance(fixture, dict):
        problems = [f"{path}.{key}: missing".lstrip(".") for key in live if key not in fixture]
        problems += [
            f"{path}.{key}: not in the live answer".lstrip(".")
            for key in fixture
            if key not in live
        ]
        for key in fixture.keys() & live.keys():
            problems += shape_differences(
                fixture[key], live[key], f"{path}.{key}".lstrip("."), free_form
            )
        return problems
    if isinstance(fixture, list) and fixture and live:
        problems = []
        for index, item in enumerate(fixture):
            problems += shape_differences(item, live[0], f"{path}[{index}]", free_form)
        return problems
    return []
