"""The CPU the backend's process tree uses: the backend and every descendant (a reloader, worker
processes), not the whole machine, where a virus scan or a backup would raise false alarms.

psutil's `Process.cpu_percent(interval=None)` measures since the previous call *on the same
Process object*; a new object's first call only takes the baseline and says 0.0. So the meter
keeps each process's object from one reading to the next, and drops those that ended.

Finding the tree is the expensive part: psutil's `children(recursive=True)` reads the parent of
every process on the machine (each /proc/*/stat on Linux, a snapshot of all processes on
Windows), where reading the CPU of the tree's own two or three processes reads only theirs. So
the meter rescans the tree's membership every `RESCAN_INTERVAL_S` (and at once when the
backend's PID changes), and in between reads the CPU of the processes it knows. A process
started in between is counted from the next rescan; one that ended is dropped at the next
reading.
"""

from __future__ import annotations

import psutil

RESCAN_INTERVAL_S = 30.0


class TreeCpuMeter:
    """Percent of one core (as `top` shows it: 100 is one core fully busy, more is possible
    with several processes or threads). One meter per consumer, used from one thread."""

    def __init__(self, rescan_interval_s: float = RESCAN_INTERVAL_S) -> None:
        self._rescan_interval_s = rescan_interval_s
        self._known: dict[int, psutil.Process] = {}
        self._root_pid: int | None = None
        self._rescan_at = 0.0

    @property
    def pids(self) -> frozenset[int]:
        """The processes the next reading covers (the root among them), as of the last one."""
        return frozenset(self._known)

    def percent(self, root_pid: int | None, now: float) -> float | None:
        """The tree's CPU since the previous call; None without a backend. `now` is the loop's
        monotonic clock. Processes seen for the first time count 0 on this call (their
        baseline is taken now)."""
        if root_pid is None:
            self._forget()
            return None
        if root_pid != self._root_pid or now >= self._rescan_at:
            if not self._rescan(root_pid):
                self._forget()
                return None
            self._root_pid, self._rescan_at = root_pid, now + self._rescan_interval_s
        total = 0.0
        for pid, process in list(self._known.items()):
            try:
                # psutil compares pid and creation time: a reused pid is a new process, and
                # cpu_percent alone would read the newcomer under the old object.
                if not process.is_running():
                    raise psutil.NoSuchProcess(pid)
                total += process.cpu_percent(interval=None)
            except psutil.Error:
                del self._known[pid]  # ended since the last reading
        if root_pid not in self._known:
            self._forget()  # the backend itself ended: its tree is looked for again next time
            return None
        return round(total, 1)

    def _rescan(self, root_pid: int) -> bool:
        """Look for the tree's members again; the objects of those still there are kept."""
        try:
            root = self._known.get(root_pid)
            if root is None or not root.is_running():
                root = psutil.Process(root_pid)
            found = [root, *root.children(recursive=True)]
        except psutil.Error:
            return False
        kept: dict[int, psutil.Process] = {}
        for process in found:
            known = self._known.get(process.pid)
            kept[process.pid] = known if known is not None and known == process else process
        self._known = kept
        return True

    def _forget(self) -> None:
        self._known = {}
        self._root_pid = None
