"""The y/N question before an install: No is the default; --yes answers for the user; with no
terminal nobody is asked and the output says how to install anyway."""

from __future__ import annotations

import io

import pytest

from tray_app.doctor.model import Fix, FixKind
from tray_app.doctor.output import terminal_confirm

INSTALL = Fix(FixKind.INSTALL_REQUIREMENTS, python="/erp/venv/bin/python", specs=("a>=1", "b"))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("typed", "answer"), [("y\n", True), ("ja\n", True), ("\n", False)])
def test_the_question_names_packages_and_python_and_defaults_to_no(
    typed: str, answer: bool
) -> None:
    out = io.StringIO()
    assert terminal_confirm(False, Terminal(typed), out)(INSTALL) is answer
    assert out.getvalue() == "Install a>=1, b into /erp/venv/bin/python with its pip? [y/N] "


def test_yes_asks_nothing_and_no_terminal_says_to_use_yes() -> None:
    out = io.StringIO()
    assert terminal_confirm(True, io.StringIO(""), out)(INSTALL) is True
    assert out.getvalue() == ""
    assert terminal_confirm(False, io.StringIO("y\n"), out)(INSTALL) is False
    assert "no terminal to answer on" in out.getvalue()
    assert "erp-guardian doctor --fix --yes" in out.getvalue()
