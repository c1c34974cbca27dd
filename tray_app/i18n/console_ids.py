"""Stable ids of the console's words (headless lines, doctor, logs summary, config, CLI errors);
texts in console_texts.py. Dotted, lowercase, never renamed."""

from __future__ import annotations

from enum import StrEnum


class ConsoleId(StrEnum):
    """One sentence of the command line, with named parameters."""
