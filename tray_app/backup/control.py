"""The guardian's local control channel: how `erp-guardian backup ...` reaches a running one.

`multiprocessing.connection` from the standard library: a Unix socket in a private temporary
folder (a named pipe on Windows), and an HMAC challenge with a random key before anything is
read. The address and the key sit in a file only the user can read, beside the instance locks
and keyed, like them, by the backend's port. Not an HTTP route on the page server: that server
is optional (web_port = 0, `run --backend-only`), and a restore must never be reachable from a
browser. Messages are JSON (never pickle): {"op": ..., "id": ...} in, {"ok", "detail", ...} out.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Any

from tray_app.config import default_data_dir

log = logging.getLogger("erp_guardian.backup.control")

Handler = Callable[[dict[str, Any]], dict[str, Any]]
if sys.platform == "win32":
    from multiprocessing.connection import PipeConnection

    FAMILY = "AF_PIPE"
    AnyConnection = Connection | PipeConnection
else:
    FAMILY = "AF_UNIX"
    AnyConnection = Connection


class ControlUnavailable(Exception):
    """No guardian answers on the control channel; the message says why."""


def control_file(port: int, folder: Path | None = None) -> Path:
    return (folder or default_data_dir() / "locks") / f"guardian-control-{port}.json"


@dataclass(frozen=True)
class ControlAddress:
    address: str
    authkey: bytes

    def write(self, path: Path) -> None:
        """Created with mode 0600 before a byte is written, then renamed into place."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"address": self.address, "authkey": self.authkey.hex()}, handle)
        os.replace(tmp, path)

    @classmethod
    def read(cls, path: Path) -> ControlAddress:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(str(data["address"]), bytes.fromhex(str(data["authkey"])))


class ControlServer:
    """Accepts one request per connection, each in a thread of its own (a restore takes a
    while; a list asked for meanwhile still answers)."""

    def __init__(self, path: Path, handler: Handler) -> None:
        self.path = path
        self._handler = handler
        self._authkey = secrets.token_bytes(32)
        self._listener = Listener(family=FAMILY, authkey=self._authkey)
        self._address = str(self._listener.address)
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, name="control", daemon=True)

    def start(self) -> None:
        ControlAddress(self._address, self._authkey).write(self.path)
        self._thread.start()

    def stop(self) -> None:
        self._closing.set()
        with contextlib.suppress(OSError, ControlUnavailable):
            _connect(ControlAddress(self._address, self._authkey)).close()  # wakes accept()
        self._thread.join(5.0)
        self._listener.close()
        with contextlib.suppress(OSError):
            if ControlAddress.read(self.path).address == self._address:  # still ours
                self.path.unlink()

    def _accept_loop(self) -> None:
        while not self._closing.is_set():
            try:
                connection = self._listener.accept()
            except (OSError, EOFError) as error:  # a client that failed the challenge
                if self._closing.is_set():
                    return
                log.warning("control channel: connection refused: %s", error)
                continue
            if self._closing.is_set():
                connection.close()
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: AnyConnection) -> None:
        with connection:
            try:
                request = json.loads(connection.recv_bytes(64 * 1024))
                answer = self._handler(request if isinstance(request, dict) else {})
            except (OSError, EOFError):
                return
            except ValueError as error:
                answer = {"ok": False, "detail": f"bad request: {error}"}
            with contextlib.suppress(OSError):
                connection.send_bytes(json.dumps(answer).encode("utf-8"))


def _connect(address: ControlAddress) -> AnyConnection:
    try:
        return Client(address.address, family=FAMILY, authkey=address.authkey)
    except (OSError, EOFError) as error:
        raise ControlUnavailable(f"the guardian does not answer ({error})") from None


def ask_guardian(path: Path, request: dict[str, Any], timeout_s: float) -> dict[str, Any]:
    """Send one request to the guardian whose control file is `path`; its answer."""
    try:
        address = ControlAddress.read(path)
    except FileNotFoundError:
        raise ControlUnavailable("the running guardian has no control channel") from None
    except (OSError, ValueError, KeyError) as error:
        raise ControlUnavailable(f"{path} cannot be read: {error}") from None
    with _connect(address) as connection:
        connection.send_bytes(json.dumps(request).encode("utf-8"))
        if not connection.poll(timeout_s):
            raise ControlUnavailable(f"the guardian did not answer within {timeout_s:.0f} s")
        answer = json.loads(connection.recv_bytes())
    return answer if isinstance(answer, dict) else {"ok": False, "detail": "bad answer"}
