"""Reading events.jsonl fast: whole blocks through one compiled regex, hardly any `json.loads`.

A block whose every line is in the writer's own form (`writer.event_line`: the keys in
`Event.to_dict()` order, UTC time, a flat data object) gives columns straight from the regex:
each event's time, its "kind" (level, event, state, previous, reason as one piece of text: a
long log has only a few dozen different ones, so they are parsed once each) and, for a
recovery, its outage_s. Any other block is read line by line with `json.loads`: one with a
blank, torn or hand-made line, a NUL byte (what a power cut leaves), a carriage return, or a
third brace on a line (a brace in a detail, or two events run together after a torn write).

The lines are those the list-based reader saw: the rotated files oldest first, each decoded as
UTF-8 with replacement characters and split at universal newlines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

BLOCK_BYTES = 256 * 1024  # small enough to stay in the CPU cache between the passes

# A line in the writer's form gives its time, its kind (from level to reason) and, for a
# recovery (the empty group 3 takes part), its outage_s. The line's two braces are its own and
# its data object's: the first brace after the head must be that of `"data"`, and the data
# object holds none. The values are read as any text without a quote (the fastest loop of the
# regex engine): fromisoformat and kind_of check them, and a block with a value they refuse
# goes the slow way. A match never spans two lines in a block with as many matches as lines:
# each starts at a line's newline.
_NUMBER = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_WRITER_LINE = re.compile(
    r'\n\{"time": "([^"]{26}\+00:00)", "level": "([^"]+", '
    r'"event": "(?:recovered(?=")()|[^"]+)", "state": "[^"]+", '
    r'"previous": (?:"[^"]+"|null), "reason": "[^"]+)", '
    # a recovery's outage_s, the last on its line (the one json.loads keeps)
    r'(?(3)[^{\n]*, "outage_s": (null|' + _NUMBER + r'), "latency_ms": )'
    r'[^{]*, "data": \{[^{}\n]*\}\}(?=\n)'
)
_GROUPS = 5  # re.split gives, for each line: the text before it (""), then the 4 groups
_KIND = re.compile(
    r'([a-z_]+)", "event": "([a-z_]+)", "state": "([a-z_]+)", '
    r'"previous": (?:"([a-z_]+)"|null), "reason": "([a-z_]+)'
)


@dataclass(frozen=True)
class Kind:
    """What the summary needs of an event besides its time (and the outage of a recovery)."""

    level: str
    event: str
    state: str
    previous: str | None
    reason: str


@lru_cache(maxsize=4096)
def kind_of(text: str) -> Kind | None:
    """The kind column's text parsed (cached: a log has few different ones); None if it is
    not in the writer's form after all."""
    match = _KIND.fullmatch(text)
    if match is None:
        return None
    level, event, state, previous, reason = match.groups()
    return Kind(level, event, state, previous, reason)


@dataclass(frozen=True)
class Block:
    """Whole lines of events.jsonl, after the newline before the first; `times` and `kinds`
    are filled (one per line) only when every line is in the writer's form."""

    text: str
    times: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    outage_texts: list[str] = field(default_factory=list)  # a recovery's: null or a number

    def lines(self) -> list[str]:
        """Split at universal newlines, as a file opened in text mode reads them."""
        return self.text[1:].replace("\r\n", "\n").replace("\r", "\n").split("\n")[:-1]

    def outages(self) -> list[float | None]:
        """outage_s of each "recovered" event in order (None for null)."""
        return list(map(_json_number, self.outage_texts))


def _json_number(text: str) -> float | None:
    """The number as json.loads reads it, then made a float (an integer literal first
    becomes an int, so "-0" is 0.0, not -0.0)."""
    if text == "null":
        return None
    return float(text) if "." in text or "e" in text or "E" in text else float(int(text))


def blocks_of(paths: list[Path]) -> Iterator[Block]:
    """The blocks of the whole files in order (a file that cannot be read is skipped)."""
    for path in paths:
        try:
            yield from blocks_in(path, 0, None, BLOCK_BYTES)
        except OSError:
            continue


def blocks_in(path: Path, start: int, stop: int | None, block_bytes: int) -> Iterator[Block]:
    """The blocks of the bytes [start, stop) of a file (stop None: to its end); start must be
    that of a line, and so must stop, or the file's end. Raises OSError."""
    with path.open("rb") as handle:
        handle.seek(start)
        left = None if stop is None else stop - start

        def read() -> bytes:
            nonlocal left
            size = block_bytes if left is None else min(block_bytes, left)
            data = handle.read(size) if size else b""
            if left is not None:
                left -= len(data)
            return data

        yield from _blocks(read)


def _blocks(read: Callable[[], bytes]) -> Iterator[Block]:
    # Each block is read with the newline before it: the line regex starts at a newline.
    tail = b"\n"
    while data := read():
        data = tail + data
        cut = data.rfind(b"\n") + 1
        if cut == 1:
            tail = data  # a line longer than a block: read on
            continue
        tail = data[cut - 1 :]
        yield _block(str(memoryview(data)[:cut], "utf-8", "replace"))
    if tail != b"\n":
        yield _block(tail.decode("utf-8", errors="replace") + "\n")


def _block(text: str) -> Block:
    """A block of whole lines, each with the newline before it and the one after it."""
    if "\r" in text or "\x00" in text:
        return Block(text)
    # Flat lists, no tuple per line: [before, time, kind, recovered, outage, before, ...].
    parts = _WRITER_LINE.split(text)
    times = parts[1::_GROUPS]
    if len(times) != text.count("\n") - 1:
        return Block(text)
    return Block(text, times, parts[2::_GROUPS], list(filter(None, parts[4::_GROUPS])))
