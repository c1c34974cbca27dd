"""The engine's and the console's words: stable message ids with parameters, rendered per language.

A typed Python table instead of gettext .po files: no gettext toolchain is installed where this
is built, the engine must import nothing but the standard library, and a table keyed by an enum
lets mypy and a test check that every id has both languages with the same parameters.

The engine records a `Message` (id + parameters) where it used to write an English sentence;
its English rendering stays the event's `detail`, so the log files keep their vocabulary, and
the tray, the console and the page render the same message in the user's language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Union

from tray_app.i18n.console_ids import ConsoleId
from tray_app.i18n.message_ids import MessageId

# A parameter is a value, or a message of its own rendered in the same language ("{cause}").
Param = Union[str, int, float, "Message"]  # a forward reference: `X | "Message"` fails
AnyId = MessageId | ConsoleId
LANGUAGES = ("en", "de")


@dataclass(frozen=True)
class Message:
    """What to say, as an id and values; never a sentence."""

    id: AnyId
    params: Mapping[str, Param] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (events.jsonl, incident files, the web API): nested messages as dicts."""
        return {
            "id": self.id.value,
            "params": {
                key: value.to_dict() if isinstance(value, Message) else value
                for key, value in self.params.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Message | None:
        """The message back from its JSON form; None for an id this version does not know."""
        message_id = _id_of(str(data.get("id", "")))
        if message_id is None:
            return None
        params: dict[str, Param] = {}
        for key, value in dict(data.get("params") or {}).items():
            if isinstance(value, Mapping):
                nested = cls.from_dict(value)
                if nested is None:
                    return None
                params[key] = nested
            else:
                params[key] = value
        return cls(message_id, params)


def _id_of(value: str) -> AnyId | None:
    for kind in (MessageId, ConsoleId):
        try:
            return kind(value)
        except ValueError:
            continue
    return None


class _Formatter(string.Formatter):
    """str.format with nested messages rendered first and German decimal commas."""

    def __init__(self, language: str) -> None:
        self._language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return format(render(value, self._language), format_spec)
        text = format(value, format_spec)
        if self._language == "de" and isinstance(value, float):
            text = text.replace(".", ",")
        return text


def template(message_id: AnyId, language: str) -> str:
    from tray_app.i18n.templates import TEMPLATES

    table = TEMPLATES.get(language) or TEMPLATES["en"]
    return table[message_id]


def render(message: Message, language: str) -> str:
    """The message in 'de' or 'en' (anything else: English)."""
    return _Formatter(language).format(template(message.id, language), **message.params)


def render_both(message: Message) -> dict[str, str]:
    """{"en": ..., "de": ...}: what the web API sends, so the page needs no second catalogue."""
    return {language: render(message, language) for language in LANGUAGES}


def say(message_id: AnyId, language: str, **params: Param) -> str:
    """Shorthand for the console: render(Message(id, params), language)."""
    return render(Message(message_id, params), language)


__all__ = [
    "LANGUAGES",
    "ConsoleId",
    "Message",
    "MessageId",
    "Param",
    "render",
    "render_both",
    "say",
]
