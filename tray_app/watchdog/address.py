"""The backend's address: the URL clients use and the socket that tests whether it is free.

One place for every caller (probe, port check, tray client, page proxy): written apart they
drifted, and an IPv6 host such as ::1 ended in "http://::1:8765" and in an IPv4 port check.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

LOOPBACK_V4 = "127.0.0.1"
LOOPBACK_V6 = "::1"
# A server bound to a wildcard is reached on the loopback address of the same family.
_LOOPBACK_OF_WILDCARD = {"": LOOPBACK_V4, "0.0.0.0": LOOPBACK_V4, "::": LOOPBACK_V6}


def bare_host(host: str) -> str:
    """The host without brackets or blanks: "[::1]" -> "::1"."""
    host = host.strip()
    if host.startswith("[") and host.endswith("]"):
        return host[1:-1]
    return host


def is_ipv6(host: str) -> bool:
    """True for an IPv6 address; names and IPv4 addresses never contain a colon."""
    return ":" in bare_host(host)


def connect_host(host: str) -> str:
    """Where a client on this machine reaches a server bound to host."""
    host = bare_host(host)
    return _LOOPBACK_OF_WILDCARD.get(host, host)


def url_host(host: str) -> str:
    """connect_host as it is written in a URL: IPv6 in brackets."""
    host = connect_host(host)
    return f"[{host}]" if is_ipv6(host) else host


def backend_base_url(host: str, port: int) -> str:
    """http://HOST:PORT for a backend bound to host:port, e.g. "http://[::1]:8765"."""
    return f"http://{url_host(host)}:{port}"


@dataclass(frozen=True)
class BindTarget:
    """What a listener on host would bind: the address family and the host to bind to."""

    family: socket.AddressFamily
    host: str


def bind_target(host: str) -> BindTarget:
    """The family and host the backend's own bind would use for host.

    Addresses decide by their form; a name is resolved the way the backend resolves it
    (getaddrinfo, passive, first answer), and an unresolvable name stays IPv4 so that the
    bind itself reports the failure.
    """
    host = bare_host(host)
    if not host:
        return BindTarget(socket.AF_INET, host)  # "" binds every IPv4 address
    try:
        version = ipaddress.ip_address(host).version
    except ValueError:
        return _resolved_bind_target(host)
    return BindTarget(socket.AF_INET6 if version == 6 else socket.AF_INET, host)


def _resolved_bind_target(host: str) -> BindTarget:
    try:
        family, _, _, _, address = socket.getaddrinfo(
            host, None, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, IndexError):
        return BindTarget(socket.AF_INET, host)
    return BindTarget(socket.AddressFamily(family), str(address[0]))
