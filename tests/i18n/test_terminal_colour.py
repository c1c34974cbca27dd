"""Headless output is coloured on a terminal only, and never with NO_COLOR."""

from __future__ import annotations

import os
import pty
from collections.abc import Iterator
from typing import TextIO

import pytest

from tray_app.console import use_colour


@pytest.fixture
def terminal() -> Iterator[TextIO]:
    main, secondary = pty.openpty()
    stream = os.fdopen(secondary, "w")
    try:
        yield stream
    finally:
        stream.close()
        os.close(main)


def test_a_terminal_gets_colour(terminal: TextIO, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(terminal)


def test_no_color_switches_it_off(terminal: TextIO, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(terminal)


def test_a_pipe_gets_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "w") as stream:
        assert not use_colour(stream)
    os.close(read_end)
