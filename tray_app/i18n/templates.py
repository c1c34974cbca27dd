"""Every template by language: the engine's and the console's tables together."""

from __future__ import annotations

from tray_app.i18n.console_ids import ConsoleId
from tray_app.i18n.console_texts import CONSOLE_TEXTS
from tray_app.i18n.engine_texts import ENGINE_TEXTS
from tray_app.i18n.message_ids import MessageId
from tray_app.i18n.warning_texts import WARNING_TEXTS

PAIRS: dict[MessageId | ConsoleId, tuple[str, str]] = {
    **{key: texts for key, texts in ENGINE_TEXTS.items()},
    **{key: texts for key, texts in WARNING_TEXTS.items()},
    **{key: texts for key, texts in CONSOLE_TEXTS.items()},
}

TEMPLATES: dict[str, dict[MessageId | ConsoleId, str]] = {
    "en": {key: en for key, (en, _de) in PAIRS.items()},
    "de": {key: de for key, (_en, de) in PAIRS.items()},
}
