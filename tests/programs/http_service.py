"""A tiny misbehaving HTTP service for the watchdog's tests (standard library only).

    python http_service.py --port P [--ignore-sigterm] [--fork-child] [--flood]
        [--status ok|degraded] [--body-not-json] [--exit-after S CODE] [--start-delay S]
        [--leak-mb-per-s N] [--errors-per-s N] [--tick] [--hang-after S] [--db PATH]

GET /health answers {"status": ...}; GET /hang makes every later request hang.
--hang-after S does the same by itself after S seconds, from a thread that then waits forever
in `hold_the_ledger_lock`: a stack dump of the hung service names that function.
--db PATH: /health tries a write lock on that SQLite file and says "degraded" while another
program holds it, as the bundled backend does.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = threading.Event()


def health(args: argparse.Namespace) -> dict[str, object]:
    if not args.db:
        return {"status": args.status}
    try:
        connection = sqlite3.connect(args.db, timeout=0.05)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.rollback()
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        check = {"ok": False, "detail": str(error)}
        return {"status": "degraded", "checks": {"database": check}}
    return {"status": args.status}


def make_handler(args: argparse.Namespace) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/hang":
                HANG.set()
            if HANG.is_set():
                time.sleep(3600)
            if args.body_not_json:
                body = b"<html>not json</html>"
            else:
                body = json.dumps(health(args)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *items: object) -> None:  # noqa: ARG002
            return

    return Handler


def flood() -> None:
    line = "x" * 1000 + "\n"
    while True:
        sys.stdout.write(line * 100)


def every(interval_s: float, action: Callable[[], None]) -> None:
    def loop() -> None:
        while True:
            action()
            time.sleep(interval_s)

    threading.Thread(target=loop, daemon=True).start()


LEAKED: list[bytes] = []


def leak(megabytes: float) -> None:
    # Touch every page, so the memory really counts in RSS.
    LEAKED.append(b"x" * int(megabytes * 1024 * 1024))


def hold_the_ledger_lock() -> None:
    HANG.set()
    threading.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--status", default="ok")
    parser.add_argument("--ignore-sigterm", action="store_true")
    parser.add_argument("--fork-child", action="store_true")
    parser.add_argument("--flood", action="store_true")
    parser.add_argument("--body-not-json", action="store_true")
    parser.add_argument("--start-delay", type=float, default=0.0)
    parser.add_argument("--exit-after", nargs=2, type=float, metavar=("SECONDS", "CODE"))
    parser.add_argument("--leak-mb-per-s", type=float, default=0.0)
    parser.add_argument("--errors-per-s", type=float, default=0.0)
    parser.add_argument("--tick", action="store_true", help="print a numbered line every 0.1 s")
    parser.add_argument("--hang-after", type=float, metavar="SECONDS")
    parser.add_argument("--db", help="SQLite file whose write lock /health checks")
    args = parser.parse_args()
    if args.ignore_sigterm:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(args.start_delay)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args))
    if args.fork_child and os.fork() == 0:
        # The grandchild keeps serving on the inherited socket after its parent dies.
        server.serve_forever()
        return
    print(f"listening on {args.port} (pid {os.getpid()})", flush=True)
    if args.flood:
        threading.Thread(target=flood, daemon=True).start()
    if args.leak_mb_per_s:
        every(0.1, lambda: leak(args.leak_mb_per_s / 10))
    if args.errors_per_s:
        every(1 / args.errors_per_s, lambda: print("ERROR something failed", flush=True))
    if args.tick:
        ticks = iter(range(10**9))
        every(0.1, lambda: print(f"tick {next(ticks)}", flush=True))
    if args.hang_after is not None:
        threading.Timer(args.hang_after, hold_the_ledger_lock).start()
    if args.exit_after:
        seconds, code = args.exit_after
        threading.Timer(seconds, lambda: os._exit(int(code))).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
