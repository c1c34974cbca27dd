"""One spawned backend process: its output pump, its exit watcher, and how to end it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

from tray_app.i18n.catalogue import Message, MessageId
from tray_app.watchdog.model import Reason
from tray_app.watchdog.platform import ProcessPlatform, StopMethod

OutputSink = Callable[[bytes], None]
ExitCallback = Callable[[int], None]

_READ_CHUNK = 64 * 1024
_MAX_LINE = 64 * 1024  # longer lines are cut, so a child without newlines cannot exhaust memory
TAIL_LINES = 200


@dataclass(frozen=True)
class LaunchSpec:
    """What to run: the command, where, with which extra environment, and how to stop it."""

    argv: list[str]
    cwd: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    stop_method: StopMethod = StopMethod.OS_SIGNAL
    takes_socket: bool = False  # `{fd}` in argv is replaced by the guardian's listening socket


class BackendProcess:
    """A running child. Two daemon threads: one drains its output, one waits for its exit."""

    def __init__(
        self,
        spec: LaunchSpec,
        platform: ProcessPlatform,
        on_output: OutputSink,
        on_exit: ExitCallback,
        clock: Callable[[], float] = time.monotonic,
        listen_socket: socket.socket | None = None,
    ) -> None:
        """Spawn the child at once; raises OSError when it cannot be started.

        listen_socket: handed to a child whose spec takes it (`{fd}` in its argv)."""
        self._platform = platform
        self._on_output = on_output
        self._on_exit = on_exit
        self.tail: deque[str] = deque(maxlen=TAIL_LINES)
        self._stop_method = spec.stop_method
        self._stdin_lock = threading.Lock()
        env = {**os.environ, **spec.env, "PYTHONUNBUFFERED": "1"}
        # A foreign backend may read stdin: it gets nothing there unless it stops on EOF.
        stdin = subprocess.PIPE if spec.stop_method is StopMethod.PIPE_CLOSE else subprocess.DEVNULL
        argv, options = spec.argv, platform.popen_options(spec.stop_method)
        handed = listen_socket if spec.takes_socket else None
        if handed is not None:
            fd_text = platform.socket_argument(handed)
            argv = [part.replace("{fd}", fd_text) for part in argv]
            options.update(platform.handoff_popen_options(handed))
        self._popen: subprocess.Popen[bytes] = subprocess.Popen(
            argv,
            cwd=spec.cwd,
            env=env,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            **options,
        )
        self.pid = self._popen.pid
        self.started_at = clock()
        self._known_tree: set[psutil.Process] = set()
        self._psutil: psutil.Process | None = None
        platform.after_spawn(self._popen)
        if handed is not None:
            platform.hand_over(handed, self.pid, self.send_line)
        self._reader = threading.Thread(
            target=self._pump_output, name="backend-output", daemon=True
        )
        self._waiter = threading.Thread(target=self._wait_exit, name="backend-exit", daemon=True)
        self._reader.start()
        self._waiter.start()

    @property
    def returncode(self) -> int | None:
        return self._popen.returncode

    def is_running(self) -> bool:
        return self._popen.poll() is None

    def is_suspended(self) -> bool:
        """True when the OS has the process stopped (SIGSTOP): it cannot serve a graceful stop."""
        with contextlib.suppress(psutil.Error):
            process = self._as_psutil()
            return process is not None and process.status() == psutil.STATUS_STOPPED
        return False

    def rss_bytes(self) -> int | None:
        with contextlib.suppress(psutil.Error):
            process = self._as_psutil()
            return None if process is None else int(process.memory_info().rss)
        return None

    def request_stop(self) -> None:
        """Ask the backend to stop gracefully, the way its spawn chose; remember the tree in
        case it orphans."""
        self._remember_tree()
        if self._stop_method is StopMethod.PIPE_CLOSE:
            self._close_stdin()
        else:
            self._platform.request_stop(self._popen)

    def wait(self, timeout_s: float) -> bool:
        """Wait until the child has ended; False if it still runs after timeout_s."""
        try:
            self._popen.wait(timeout_s)
        except subprocess.TimeoutExpired:
            return False
        return True

    def send_line(self, text: str) -> bool:
        """One line to the child's stdin (the bundled backend's control channel); False if
        the pipe is closed or there is none."""
        with self._stdin_lock:
            stdin = self._popen.stdin
            if stdin is None or stdin.closed:
                return False
            try:
                stdin.write(text.encode("utf-8") + b"\n")
                stdin.flush()
            except (OSError, ValueError):
                return False
        return True

    def request_stack_dump(self) -> bool:
        return self._platform.request_stack_dump(self.pid)

    def kill_tree(self) -> None:
        """Kill the child and every descendant, including any that left the process group."""
        self._remember_tree()
        for proc in self._known_tree:
            with contextlib.suppress(psutil.Error):
                proc.kill()
        self._platform.kill_group(self._popen)
        with contextlib.suppress(ProcessLookupError):
            self._popen.kill()

    def reap_leftovers(self) -> None:
        """After the child exited: end descendants that would otherwise hold its port."""
        for proc in self._known_tree:
            with contextlib.suppress(psutil.Error):
                if proc.is_running():
                    proc.kill()
        self._platform.kill_group(self._popen)

    def drain_output(self, timeout_s: float) -> None:
        """Wait briefly until the output pump has read everything the child wrote."""
        self._reader.join(timeout_s)

    def _remember_tree(self) -> None:
        with contextlib.suppress(psutil.Error):
            process = self._as_psutil()
            if process is not None:
                self._known_tree.update(process.children(recursive=True))

    def _as_psutil(self) -> psutil.Process | None:
        """This child as psutil sees it; None once it has been reaped, when its PID may be
        another process's. One object for the child's life: making one reads /proc again for
        the creation time, and the RSS is read every monitor interval."""
        if self._popen.returncode is not None:
            return None
        if self._psutil is None:
            self._psutil = psutil.Process(self.pid)
        return self._psutil

    def _close_stdin(self) -> None:
        with self._stdin_lock, contextlib.suppress(OSError):
            if self._popen.stdin is not None:
                self._popen.stdin.close()

    def _wait_exit(self) -> None:
        returncode = self._popen.wait()
        self._close_stdin()  # our end of the pipe, so that restarts leak no handles
        self._on_exit(returncode)

    def _pump_output(self) -> None:
        stream = self._popen.stdout
        if stream is None:
            return
        pending = b""
        fd = stream.fileno()
        while True:
            try:
                chunk = os.read(fd, _READ_CHUNK)
            except OSError:
                break
            if not chunk:
                break
            pending += chunk
            *lines, pending = pending.split(b"\n")
            if len(pending) > _MAX_LINE:
                lines.append(pending[:_MAX_LINE])
                pending = b""
            for line in lines:
                self._emit(line)
        if pending:
            self._emit(pending)
        with contextlib.suppress(OSError):
            stream.close()

    def _emit(self, line: bytes) -> None:
        line = line.rstrip(b"\r")
        self.tail.append(line.decode("utf-8", "replace"))
        with contextlib.suppress(Exception):  # a broken sink must never block the child
            self._on_output(line)


def describe_end(platform: ProcessPlatform, returncode: int) -> tuple[Reason, Message]:
    """How a process ended, as a reason and words: the platform says "killed by SIGKILL" or
    "exit code 1" (0xC0000005 on Windows); its technical part becomes the parameter."""
    is_signal, how = platform.describe_exit(returncode)
    if is_signal:
        signal_name = how.removeprefix("killed by ")
        return Reason.SIGNAL, Message(MessageId.EXIT_SIGNAL, {"signal": signal_name})
    return Reason.EXIT_CODE, Message(MessageId.EXIT_CODE, {"code": how.removeprefix("exit code ")})
