"""Splitting a command typed as one string, by the rules of the platform's own shell.

A user on Windows writes `C:\\ERP\\venv\\Scripts\\python.exe -m uvicorn erp.main:app` and
expects the backslashes to stay; POSIX shell rules (shlex) would eat them. mslex implements
cmd.exe's and CommandLineToArgvW's rules, so quotes work as cmd.exe users expect.
"""

from __future__ import annotations

import os
import shlex

import mslex


class CommandSyntaxError(ValueError):
    """The text cannot be split into a command; the message says why, for the user."""


def split_command(text: str, *, windows: bool | None = None) -> list[str]:
    """argv from a command line; `windows` defaults to the platform this runs on."""
    if windows is None:
        windows = os.name == "nt"
    try:
        if windows:
            # ucrt=True: the modern C runtime's rules, which every current Python follows.
            return mslex.split(text, like_cmd=True, check=True, ucrt=True)
        return shlex.split(text)
    except ValueError as error:
        raise CommandSyntaxError(_explain(str(error), windows)) from None


def join_command(argv: list[str], *, windows: bool | None = None) -> str:
    """The inverse of split_command: one line that splits back into argv."""
    if windows is None:
        windows = os.name == "nt"
    return mslex.join(argv) if windows else shlex.join(argv)


def _explain(message: str, windows: bool) -> str:
    if windows and "metacharacter" in message.lower():
        return (
            "contains a cmd.exe operator (& | < > ^ %) outside quotes; quote it, or give "
            "the command as a list in config.toml"
        )
    if "quotation" in message.lower() or "quote" in message.lower():
        return "a quote is not closed"
    return message
