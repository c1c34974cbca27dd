"""The page knows every state, reason and event name the engine can send, and no others.

A value the page does not know shows as "undefined" where it names it (the message catalogue
has no text for it), and the page's types would lie about what the API sends.
"""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from tests.contract.shapes import REPO
from tray_app.watchdog import EventName, Health, Level, Reason, State

TYPES = REPO / "frontend" / "src" / "api" / "types.ts"
MESSAGES = REPO / "frontend" / "src" / "i18n" / "messages.ts"

# The page's name for each enum's union type, and the prefix of its message keys (if shown).
VOCABULARY: list[tuple[type[StrEnum], str, str | None]] = [
    (State, "WatchdogState", "state"),
    (Health, "Health", None),
    (Level, "EventLevel", None),
    (EventName, "EventName", "event"),
    (Reason, "Reason", "reason"),
]


def union_values(type_name: str) -> set[str]:
    """The string literals of `export type NAME = | "a" | "b";` in the page's API types."""
    found = re.search(rf"export type {type_name} =([^;]*);", TYPES.read_text(encoding="utf-8"))
    assert found, f"no union type {type_name} in {TYPES.name}"
    return set(re.findall(r'"(\w+)"', found.group(1)))


def message_keys() -> set[str]:
    """The keys of the English catalogue (the compiler makes every other language match it)."""
    text = MESSAGES.read_text(encoding="utf-8")
    english = re.search(r"const en = \{(.*?)\n\};", text, re.DOTALL)
    assert english, f"no English catalogue in {MESSAGES.name}"
    return set(re.findall(r'^\s*"([\w.]+)":', english.group(1), re.MULTILINE))


@pytest.mark.parametrize(
    ("enum", "type_name", "prefix"), VOCABULARY, ids=[item[1] for item in VOCABULARY]
)
def test_page_types_list_the_engine_values(
    enum: type[StrEnum], type_name: str, prefix: str | None
) -> None:
    assert union_values(type_name) == {member.value for member in enum}
    if prefix is not None:
        missing = {f"{prefix}.{member.value}" for member in enum} - message_keys()
        assert not missing, f"no text in the page's catalogue for {sorted(missing)}"
