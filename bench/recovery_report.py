"""The figures of bench/recovery.py and the side-by-side table with the issue's targets."""

from __future__ import annotations

import contextlib
import os
import statistics
from dataclasses import dataclass, field

RECOVERY_OVER_COLD_START_S = 0.050  # median SIGKILL recovery minus the backend's cold start
HANG_BACK_S = 4.0  # median SIGSTOP -> healthy at the default settings
IDLE_CPU_PERCENT = 0.3  # of one core
IDLE_RSS_MB = 40.0
MB = 1_000_000


@dataclass
class Runner:
    """What one guardian did, with the cold starts taken beside its kills."""

    name: str
    kills_s: list[float] = field(default_factory=list)
    cold_beside_s: list[float] = field(default_factory=list)  # cold starts just before kills
    respawns_s: list[float] = field(default_factory=list)  # SIGKILL -> new process spawned
    hangs_s: list[float] = field(default_factory=list)
    hang_note: str = ""  # why there is no hang figure
    idle_cpu_s: float | None = None
    idle_seconds: float | None = None
    idle_rss_bytes: int | None = None


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def maximum(values: list[float]) -> float | None:
    return max(values) if values else None


def cpu_percent(runner: Runner) -> float | None:
    if runner.idle_cpu_s is None or not runner.idle_seconds:
        return None
    return runner.idle_cpu_s / runner.idle_seconds * 100


def _secs(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f} s"


def _over(value: float | None, cold: float | None) -> str:
    return "-" if value is None or cold is None else f"{value - cold:+.3f} s"


def _verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("met" if ok else "NOT MET")


def table(cold_starts_s: list[float], guardian: Runner, other: Runner) -> str:
    """One row per figure: ERP Guardian, supervisord, the target, and whether it is met.

    Recovery is compared with the cold starts taken beside each runner's kills (same minutes,
    same load); the cold starts taken up front are shown for reference.
    """
    g_cold, o_cold = median(guardian.cold_beside_s), median(other.cold_beside_s)
    g_kill, o_kill = median(guardian.kills_s), median(other.kills_s)
    g_hang = median(guardian.hangs_s)
    g_cpu = cpu_percent(guardian)
    g_rss, o_rss = guardian.idle_rss_bytes, other.idle_rss_bytes
    over = None if g_kill is None or g_cold is None else g_kill - g_cold
    kill_ok = None if over is None else over <= RECOVERY_OVER_COLD_START_S
    other_hang = other.hang_note or _secs(median(other.hangs_s))
    rows = [
        (f"backend cold start up front, median of {len(cold_starts_s)}",
         _secs(median(cold_starts_s)), "", "", None),
        ("backend cold start beside the kills, median", _secs(g_cold), _secs(o_cold), "", None),
        ("SIGKILL -> new backend spawned, median", _secs(median(guardian.respawns_s)),
         _secs(median(other.respawns_s)), "", None),
        ("SIGKILL -> healthy, median", _secs(g_kill), _secs(o_kill), "", None),
        ("SIGKILL -> healthy, max", _secs(maximum(guardian.kills_s)),
         _secs(maximum(other.kills_s)), "", None),
        ("  minus cold start beside the kills", _over(g_kill, g_cold), _over(o_kill, o_cold),
         f"<= {RECOVERY_OVER_COLD_START_S * 1000:.0f} ms", kill_ok),
        ("SIGSTOP -> healthy, median", _secs(g_hang), other_hang, f"< {HANG_BACK_S:g} s",
         None if g_hang is None else g_hang < HANG_BACK_S),
        ("SIGSTOP -> healthy, max", _secs(maximum(guardian.hangs_s)), "", "", None),
        ("idle CPU, % of one core", _pct(guardian), _pct(other), f"< {IDLE_CPU_PERCENT:g} %",
         None if g_cpu is None else g_cpu < IDLE_CPU_PERCENT),
        ("idle CPU seconds", _cpu_s(guardian), _cpu_s(other), "", None),
        ("idle RSS (max sampled)", _mb(g_rss), _mb(o_rss), f"< {IDLE_RSS_MB:g} MB",
         None if g_rss is None else g_rss / MB < IDLE_RSS_MB),
    ]  # fmt: skip
    head = ("", guardian.name, other.name, "target", "ERP Guardian")
    lines = [head] + [(a, b, c, d, _verdict(ok)) for a, b, c, d, ok in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = [
        " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in lines
    ]
    text.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(row.rstrip() for row in text)


def _tick_s() -> float:
    """psutil's CPU times come in clock ticks (10 ms on Linux): the smallest non-zero reading."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        return 1 / os.sysconf("SC_CLK_TCK")
    return 0.01


def _pct(runner: Runner) -> str:
    percent = cpu_percent(runner)
    if percent is None or runner.idle_seconds is None:
        return "-"
    if runner.idle_cpu_s == 0:  # below one tick: say the bound rather than 0
        return f"< {_tick_s() / runner.idle_seconds * 100:.3f} %"
    return f"{percent:.3f} %"


def _cpu_s(runner: Runner) -> str:
    if runner.idle_cpu_s is None or runner.idle_seconds is None:
        return "-"
    spent = f"< {_tick_s():.2f}" if runner.idle_cpu_s == 0 else f"{runner.idle_cpu_s:.2f}"
    return f"{spent} s in {runner.idle_seconds:.0f} s"


def _mb(value: int | None) -> str:
    return "-" if value is None else f"{value / MB:.1f} MB"
