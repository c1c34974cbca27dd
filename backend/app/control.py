"""The guardian's channel to the backend: lines on the backend's stdin, answers on stdout.

The guardian holds the other end of our stdin. It writes one command a line:
- `promote`: a standby starts serving on the socket it was handed;
- `ping`: answered with a `pong` line at once, so a standby is checked on its own (it serves
  no HTTP before it is promoted);
- `socket <base64>` (Windows only, first line): the listening socket, as `socket.share()`
  wrote it for our PID.
End of file asks for a graceful stop; it also comes when the guardian dies, however it dies.
"""

from __future__ import annotations

import base64
import logging
import sys
import threading
from collections.abc import Callable
from typing import BinaryIO

log = logging.getLogger(__name__)

# Lines the guardian's output pump looks for (tray_app/watchdog/standby.py has the same words).
MARK = "erp-guardian-standby:"
READY_LINE = f"{MARK} ready"
PONG_LINE = f"{MARK} pong"
SERVING_LINE = f"{MARK} serving"


def say(line: str) -> None:
    """One marker line on stdout, in one write, so log lines cannot cut it."""
    if sys.stdout is not None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def read_shared_socket(stream: BinaryIO) -> bytes:
    """The first line on stdin: `socket <base64>` (Windows socket handoff)."""
    line = stream.readline().strip()
    word, _, payload = line.partition(b" ")
    if word != b"socket" or not payload:
        raise OSError(f"expected the shared socket on stdin, got {line[:40]!r}")
    return base64.b64decode(payload)


class StdinControl:
    """Reads the guardian's commands on a daemon thread; `on_stop` runs once, on EOF."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.promoted = threading.Event()
        self.closed = threading.Event()
        self.wake = threading.Event()  # set by promote and by EOF: a standby stops waiting
        self._on_stop: Callable[[], None] | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        threading.Thread(target=self._read, name="stdin-control", daemon=True).start()

    def on_stop(self, callback: Callable[[], None]) -> None:
        """Run callback on EOF (now, if stdin has already closed)."""
        with self._lock:
            self._on_stop = callback
            closed = self.closed.is_set()
        if closed:
            callback()

    def _read(self) -> None:
        try:
            for raw in iter(self._stream.readline, b""):
                self._command(raw.strip())
            why = "stdin closed"
        except (OSError, ValueError) as error:  # no usable stdin: nobody could ask through it
            why = f"stdin unreadable ({error})"
        log.info("%s: shutting down gracefully", why)
        with self._lock:
            self.closed.set()
            callback = self._on_stop
        self.wake.set()
        if callback is not None:
            callback()

    def _command(self, line: bytes) -> None:
        if line == b"ping":
            say(PONG_LINE)
        elif line == b"promote":
            self.promoted.set()
            self.wake.set()
        # anything else is ignored: a newer guardian may know more words
