"""The tray words the engine's messages in the Qt language: a notification, the warnings panel."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.gui.i18n_fixtures import speaking
from tray_app.config import GuardianConfig
from tray_app.gui.notifications import NotificationPolicy
from tray_app.gui.warnings_panel import WarningsPanel
from tray_app.i18n.catalogue import Message, MessageId, render
from tray_app.watchdog.model import ActiveWarning, Event, EventName, Level, Reason, State

T0 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def blocked_event() -> Event:
    message = Message(MessageId.PORT_USED_BY, {"port": 8765, "name": "nginx", "pid": 99})
    return Event(
        name=EventName.BLOCKED,
        level=Level.ERROR,
        state=State.BLOCKED,
        previous=State.STARTING,
        reason=Reason.PORT_IN_USE,
        detail=render(message, "en"),
        time=T0,
        message=message,
    )


def disk_warning() -> ActiveWarning:
    title = Message(MessageId.W_DISK_DB_TITLE)
    hint = Message(
        MessageId.W_DISK_DB_HINT, {"volume": "/data", "free_gb": 1.5, "threshold_gb": 5.0}
    )
    return ActiveWarning(
        "disk_free_db", render(title, "en"), 1.5, 5.0, "GB", render(hint, "en"), T0, title, hint
    )


@pytest.mark.usefixtures("qtbot")  # a QApplication for the translators
@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [("de", "Port 8765 ist belegt von nginx", "is used by"), ("en", "is used by nginx", "belegt")],
)
def test_a_notification_words_the_engine_in_the_qt_language(
    qm_dir: Path, language: str, expected: str, absent: str
) -> None:
    with speaking(language, qm_dir):
        policy = NotificationPolicy(GuardianConfig(), clock=lambda: 0.0)
        [notification] = policy.on_event(blocked_event(), None)
    assert expected in notification.body and absent not in notification.body


def test_the_warnings_panel_shows_german_title_and_hint(qtbot: Any, qm_dir: Path) -> None:
    with speaking("de", qm_dir):
        panel = WarningsPanel()
        qtbot.addWidget(panel)
        panel.show_warnings((disk_warning(),))
        text = panel.body.text()
    assert "Wenig Speicherplatz (Datenbank)" in text and "1,5 GB frei" in text
    assert "free disk" not in text
