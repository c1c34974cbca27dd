"""The guardian's own listening socket, handed to each backend it starts.

As with systemd's socket activation, the port stays open while no backend serves it: a
connection that arrives between a crash and the next backend's first accept() waits in the
kernel's backlog instead of being refused. The backlog is LISTEN_BACKLOG; Linux caps it at
net.core.somaxconn (4096 by default since 5.4), Windows at its own SOMAXCONN limit (200 for
non-server editions is the usual figure; a larger request is cut down silently).

The socket lives as long as a backend should serve; a stop on request or giving up closes it,
so that a client is refused at once instead of waiting for nobody.
"""

from __future__ import annotations

import contextlib
import socket

from tray_app.watchdog.platform import ProcessPlatform

LISTEN_BACKLOG = 4096  # 4 clients x a 3 s hang needs far less; a burst of a whole office fits


class GuardianListener:
    """At most one bound socket, for one (host, port)."""

    def __init__(self, platform: ProcessPlatform) -> None:
        self._platform = platform
        self._sock: socket.socket | None = None
        self._address: tuple[str, int] | None = None

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def socket_for(self, host: str, port: int) -> socket.socket | None:
        """The bound socket if it listens on host:port, else None."""
        return self._sock if self._address == (host, port) else None

    def bind(self, host: str, port: int) -> socket.socket:
        """Listen on host:port (closing any other address first); raises OSError."""
        self.close()
        family, _kind, _proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = self._platform.make_probe_socket(family)  # the reuse flags of this platform
        try:
            sock.bind(address)
            sock.listen(LISTEN_BACKLOG)
        except OSError:
            sock.close()
            raise
        self._sock, self._address = sock, (host, port)
        return sock

    def close(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.close()
        self._sock = self._address = None
