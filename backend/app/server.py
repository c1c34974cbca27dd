"""Serving the app with uvicorn on a socket we bind ourselves or were handed.

Binding first lets the CLI turn "port in use" into one clear line and exit code 3 (uvicorn
would log and exit with its own code). Under the guardian the socket is usually its own,
handed over with `--fd` (see tray_app/watchdog/listener.py). Platform code for sockets and
signals lives here.
"""

from __future__ import annotations

import contextlib
import errno
import faulthandler
import logging
import signal
import socket
import sys
from collections.abc import Iterator
from types import FrameType
from typing import BinaryIO

import uvicorn
from fastapi import FastAPI

from backend.app.control import StdinControl, read_shared_socket

log = logging.getLogger(__name__)


class PortInUseError(OSError):
    """Another program already listens on the address."""


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port; PortInUseError if it is taken."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if sys.platform == "win32":
            # On Windows SO_REUSEADDR would let us steal a port in use; this forbids sharing.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            # Lets a restarted backend bind while old connections sit in TIME_WAIT.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as error:
        sock.close()
        if _is_addr_in_use(error):
            raise PortInUseError(error.errno, f"{host}:{port} is already in use") from None
        raise
    sock.setblocking(False)
    return sock


def adopt_socket(fd_option: str, stdin: BinaryIO) -> socket.socket:
    """The listening socket the guardian handed over (`--fd`): a file descriptor we inherited
    (POSIX, as systemd's socket activation passes it), or `share` on Windows: the bytes of
    `socket.share(our pid)` arrive as the first line on stdin."""
    if fd_option == "share":
        if sys.platform != "win32":
            raise OSError("--fd share is for Windows; pass a file descriptor number")
        sock = socket.fromshare(read_shared_socket(stdin))
    else:
        sock = socket.socket(fileno=int(fd_option))
    sock.setblocking(False)
    return sock


def _is_addr_in_use(error: OSError) -> bool:
    windows_in_use = 10048  # WSAEADDRINUSE
    return error.errno in (errno.EADDRINUSE, windows_in_use) or (
        getattr(error, "winerror", None) == windows_in_use
    )


def register_stack_dump_signal() -> bool:
    """SIGUSR1 dumps all threads' stacks to stderr (the watchdog asks for it on a hang)."""
    if sys.platform == "win32" or sys.stderr is None:
        return False
    faulthandler.register(signal.SIGUSR1, file=sys.stderr, all_threads=True)
    return True


@contextlib.contextmanager
def _quiet_stop_signals() -> Iterator[list[int]]:
    """After a graceful stop uvicorn re-raises the signal it caught; with these handlers in
    place that re-raise is only noted, so the process exits 0 instead of dying by signal."""
    received: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    stop_signals = [signal.SIGINT, signal.SIGTERM]
    if sys.platform == "win32":
        stop_signals.append(signal.SIGBREAK)
    previous = {sig: signal.signal(sig, note) for sig in stop_signals}
    try:
        yield received
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def prepare_server(app: FastAPI) -> uvicorn.Server:
    """The uvicorn server, its config loaded (protocol classes imported, app wrapped): our own
    logging config, no access log (ours is)."""
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
    )
    config.load()
    return uvicorn.Server(config)


def serve(server: uvicorn.Server, sock: socket.socket, control: StdinControl | None) -> None:
    """Run uvicorn until SIGTERM/SIGINT, or until stdin closes when the guardian controls us.

    The stop through stdin is the same on every OS: setting should_exit is what uvicorn's own
    signal handler does (without noting a signal to re-raise); its main loop looks at it every
    0.1 s."""
    if control is not None:
        control.on_stop(lambda: setattr(server, "should_exit", True))
    with _quiet_stop_signals() as received:
        server.run(sockets=[sock])
    if received:
        log.info("stopped by signal %s", signal.Signals(received[0]).name)
    elif control is not None and control.closed.is_set():
        log.info("stopped because stdin closed")
