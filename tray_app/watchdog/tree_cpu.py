"""The CPU the backend's process tree uses: the backend and every descendant (a reloader, worker
processes), not the whole machine, where a virus scan or a backup would raise false alarms.

psutil's `Process.cpu_percent(interval=None)` measures since the previous call *on the same
Process object*; a new object's first call only takes the baseline and says 0.0. So the meter
keeps each process's object from one reading to the next, and drops those that ended.
"""

from __future__ import annotations

import psutil


class TreeCpuMeter:
    """Percent of one core (as `top` shows it: 100 is one core fully busy, more is possible
    with several processes or threads). One meter per consumer, used from one thread."""

    def __init__(self) -> None:
        self._known: dict[int, psutil.Process] = {}

    def percent(self, root_pid: int | None) -> float | None:
        """The tree's CPU since the previous call; None without a backend. Processes seen for
        the first time count 0 on this call (their baseline is taken now)."""
        if root_pid is None:
            self._known.clear()
            return None
        tree = self._tree(root_pid)
        if tree is None:
            self._known.clear()
            return None
        total = 0.0
        kept: dict[int, psutil.Process] = {}
        for found in tree:
            known = self._known.get(found.pid)
            # psutil compares pid and creation time: a reused pid is a new process.
            process = known if known is not None and known == found else found
            try:
                total += process.cpu_percent(interval=None)
            except psutil.Error:
                continue  # ended between the listing and the reading
            kept[process.pid] = process
        self._known = kept
        return round(total, 1)

    def _tree(self, root_pid: int) -> list[psutil.Process] | None:
        try:
            root = self._known.get(root_pid) or psutil.Process(root_pid)
            if not root.is_running():
                root = psutil.Process(root_pid)
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return None
