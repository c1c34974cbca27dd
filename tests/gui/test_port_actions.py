"""The two ways out of a port held by another program: the question, and the new port saved."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.gui.conftest import make_snapshot
from tray_app.config import GuardianConfig
from tray_app.gui.dialogs import UserQuestions
from tray_app.gui.port_actions import choose_other_port, holder_to_stop
from tray_app.watchdog.model import PortHolder, State


def _questions(answer: bool, port: int | None, shown: list[str]) -> UserQuestions:
    def confirm(_title: str, text: str) -> bool:
        shown.append(text)
        return answer

    return UserQuestions(confirm=confirm, ask_port=lambda _current: port)


def test_a_foreign_holder_is_stopped_only_after_a_yes() -> None:
    snapshot = make_snapshot(
        State.BLOCKED, port_holder=PortHolder(port=8765, pid=99, name="nginx", ours=False)
    )
    asked: list[str] = []
    assert holder_to_stop(snapshot, _questions(False, None, asked), str) is None
    assert "Stop nginx (PID 99)?" in asked[0]
    assert holder_to_stop(snapshot, _questions(True, None, asked), str) is not None


def test_a_backend_of_ours_is_stopped_without_a_question() -> None:
    snapshot = make_snapshot(
        State.BLOCKED, port_holder=PortHolder(port=8765, pid=99, name="python", ours=True)
    )
    asked: list[str] = []
    assert holder_to_stop(snapshot, _questions(False, None, asked), str) is not None
    assert asked == []


def test_another_port_is_saved_and_the_same_port_changes_nothing(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    config = GuardianConfig(port=8765)
    assert choose_other_port(config, file, _questions(True, 8765, []), str) is None
    assert not file.exists()
    changed = choose_other_port(config, file, _questions(True, 9100, []), str)
    assert changed is not None and changed.port == 9100
    assert tomllib.loads(file.read_text(encoding="utf-8"))["port"] == 9100
