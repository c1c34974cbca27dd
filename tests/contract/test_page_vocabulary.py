"""The page has a text for every state, reason and event name the engine can send.

The page's types list the values (generated from the OpenAPI document, which a test keeps
fresh); a value without a catalogue entry would show as "undefined" where the page names it.
"""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from tests.contract.openapi import FRONTEND, document
from tray_app.watchdog import EventName, Reason, State

MESSAGES = FRONTEND / "src" / "i18n" / "messages.ts"

# Each enum the page names in words, and the prefix of its message keys.
NAMED: list[tuple[type[StrEnum], str]] = [
    (State, "state"),
    (EventName, "event"),
    (Reason, "reason"),
]


def message_keys() -> set[str]:
    """The keys of the English catalogue (the compiler makes every other language match it)."""
    text = MESSAGES.read_text(encoding="utf-8")
    english = re.search(r"const en = \{(.*?)\n\};", text, re.DOTALL)
    assert english, f"no English catalogue in {MESSAGES.name}"
    return set(re.findall(r'^\s*"([\w.]+)":', english.group(1), re.MULTILINE))


@pytest.mark.parametrize(("enum", "prefix"), NAMED, ids=[prefix for _, prefix in NAMED])
def test_page_has_a_text_for_every_value(enum: type[StrEnum], prefix: str) -> None:
    # The values the page's types are generated from are the engine's.
    values = document("guardian")["components"]["schemas"][enum.__name__]["enum"]
    assert set(values) == {member.value for member in enum}
    missing = {f"{prefix}.{value}" for value in values} - message_keys()
    assert not missing, f"no text in the page's catalogue for {sorted(missing)}"
