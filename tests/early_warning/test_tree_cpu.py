"""The backend tree's CPU meter: who is in the tree is looked for again every rescan interval
and when the backend's PID changes; in between only the known processes are read.

Each test drives a real parent process that starts and ends children on command, and passes
the meter its own `now`, so what is a rescan and what is not is decided by the test, not by
the time the machine takes.
"""

from __future__ import annotations

import contextlib
import itertools
import subprocess
import sys
from collections.abc import Iterator

import psutil
import pytest

from tests.waiting import wait_for
from tray_app.watchdog.tree_cpu import TreeCpuMeter

PARENT = """
import subprocess, sys
children = []
for line in sys.stdin:
    word = line.strip()
    if word == "end":
        child = children.pop()
        child.kill()
        child.wait()
    else:
        code = "while True: pass" if word == "busy" else "import time; time.sleep(600)"
        child = subprocess.Popen([sys.executable, "-c", code])
        children.append(child)
    print(child.pid, flush=True)
"""

RESCAN_S = 30.0


class Parent:
    """A backend stand-in: `start("busy" | "idle")` and `end()` return the child's PID."""

    def __init__(self) -> None:
        self.popen = subprocess.Popen(
            [sys.executable, "-c", PARENT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.pid = self.popen.pid

    def _say(self, word: str) -> int:
        assert self.popen.stdin is not None and self.popen.stdout is not None
        self.popen.stdin.write(word + "\n")
        self.popen.stdin.flush()
        return int(self.popen.stdout.readline())

    def start(self, kind: str) -> int:
        return self._say(kind)

    def end(self) -> int:
        return self._say("end")

    def kill_tree(self) -> None:
        try:
            tree = [psutil.Process(self.pid), *psutil.Process(self.pid).children(recursive=True)]
        except psutil.Error:
            tree = []
        for process in tree:
            with contextlib.suppress(psutil.Error):
                process.kill()
        self.popen.kill()
        self.popen.wait(10)
        psutil.wait_procs(tree, timeout=10)


@pytest.fixture
def parents() -> Iterator[list[Parent]]:
    started: list[Parent] = []
    try:
        yield started
    finally:
        for parent in started:
            parent.kill_tree()


def _parent(parents: list[Parent]) -> Parent:
    parent = Parent()
    parents.append(parent)
    return parent


def test_a_child_started_after_a_scan_is_counted_from_the_next_rescan(
    parents: list[Parent],
) -> None:
    parent = _parent(parents)
    meter = TreeCpuMeter(rescan_interval_s=RESCAN_S)
    meter.percent(parent.pid, now=0.0)
    assert meter.pids == {parent.pid}
    child = parent.start("busy")
    meter.percent(parent.pid, now=RESCAN_S - 1)
    assert meter.pids == {parent.pid}  # not looked for before the rescan
    meter.percent(parent.pid, now=RESCAN_S)
    assert meter.pids == {parent.pid, child}
    seen: list[float | None] = []

    def child_counted() -> bool:
        seen.append(meter.percent(parent.pid, now=RESCAN_S + 1))  # no rescan: known ones only
        return (seen[-1] or 0.0) > 50.0

    wait_for(child_counted, timeout_s=15, interval_s=0.3, describe=lambda: seen)


def test_a_rescan_keeps_what_it_measured_of_the_known_processes(parents: list[Parent]) -> None:
    """A rescan that took new psutil objects for known processes would say 0 after each."""
    parent = _parent(parents)
    parent.start("busy")
    meter = TreeCpuMeter(rescan_interval_s=RESCAN_S)
    rescans = itertools.count()
    seen: list[float | None] = []

    def counted_on_a_rescan() -> bool:
        seen.append(meter.percent(parent.pid, now=next(rescans) * RESCAN_S))  # each one rescans
        return (seen[-1] or 0.0) > 50.0

    wait_for(counted_on_a_rescan, timeout_s=15, interval_s=0.3, describe=lambda: seen)


def test_a_child_that_ended_is_dropped_at_the_next_reading(parents: list[Parent]) -> None:
    parent = _parent(parents)
    child = parent.start("idle")
    meter = TreeCpuMeter(rescan_interval_s=RESCAN_S)
    meter.percent(parent.pid, now=0.0)
    assert meter.pids == {parent.pid, child}
    assert parent.end() == child
    assert meter.percent(parent.pid, now=1.0) is not None
    assert meter.pids == {parent.pid}


def test_a_new_backend_pid_is_scanned_at_once(parents: list[Parent]) -> None:
    first, second = _parent(parents), _parent(parents)
    child = second.start("idle")
    meter = TreeCpuMeter(rescan_interval_s=RESCAN_S)
    meter.percent(first.pid, now=0.0)
    assert meter.pids == {first.pid}
    meter.percent(second.pid, now=1.0)  # a restarted backend: long before the rescan is due
    assert meter.pids == {second.pid, child}


def test_a_backend_that_ended_gives_no_figure_and_is_looked_for_again(
    parents: list[Parent],
) -> None:
    parent = _parent(parents)
    meter = TreeCpuMeter(rescan_interval_s=RESCAN_S)
    meter.percent(parent.pid, now=0.0)
    parent.kill_tree()
    assert meter.percent(parent.pid, now=1.0) is None
    assert meter.pids == frozenset()
    assert meter.percent(None, now=2.0) is None  # no backend: no figure, not the machine's
