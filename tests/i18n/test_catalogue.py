"""The engine's and the console's catalogue: every id has English and German with the same
parameters, every id is used by the code, and the English rendering is what the logs said."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from tray_app.i18n.catalogue import Message, MessageId, render, render_both
from tray_app.i18n.console_ids import ConsoleId
from tray_app.i18n.templates import PAIRS

ROOT = Path(__file__).resolve().parents[2]
ALL_IDS = [*MessageId, *ConsoleId]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("message_id", ALL_IDS, ids=str)
def test_every_id_has_both_languages_with_the_same_parameters(message_id: MessageId) -> None:
    en, de = PAIRS[message_id]
    assert en.strip() and de.strip()
    assert fields(en) == fields(de), (en, de)


def test_ids_are_dotted_lowercase_and_unique() -> None:
    values = [message_id.value for message_id in ALL_IDS]
    assert len(values) == len(set(values))
    assert all(re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", value) for value in values), values


def test_every_id_is_used_by_the_code() -> None:
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "tray_app").rglob("*.py")
        if path.parent.name != "i18n"
    )
    unused = [
        message_id.name
        for message_id in ALL_IDS
        if not re.search(rf"\b(MessageId|ConsoleId|M|C)\.{message_id.name}\b", sources)
    ]
    assert unused == []


def test_german_has_no_english_words_of_the_engine() -> None:
    english = re.compile(r"\b(the|backend ended|restarting|attempt|killed by|failed)\b")
    leaks = [de for _en, de in PAIRS.values() if english.search(re.sub(r"\{[^}]*\}", "", de))]
    assert leaks == []


def test_a_crash_with_restart_reads_in_both_languages() -> None:
    how = Message(MessageId.EXIT_SIGNAL, {"signal": "SIGKILL"})
    cause = Message(MessageId.EXITED, {"how": how})
    when = Message(MessageId.WHEN_IN, {"seconds": 1.5})
    message = Message(
        MessageId.RESTARTING, {"cause": cause, "when": when, "attempt": 1, "max_restarts": 5}
    )
    assert render_both(message) == {
        "en": "backend ended: killed by SIGKILL; restarting in 1.5 s (attempt 1 of 5)",
        "de": "Das ERP-System wurde beendet (Signal SIGKILL); Neustart in 1,5 s (Versuch 1 von 5)",
    }
    assert Message.from_dict(message.to_dict()) == message
    assert render(message, "fr") == render(message, "en")


def test_an_unknown_id_from_a_newer_version_is_no_message() -> None:
    assert Message.from_dict({"id": "event.from_the_future", "params": {}}) is None
