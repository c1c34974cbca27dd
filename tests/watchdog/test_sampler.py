"""The statistics line and the early warning each see the CPU of their own interval."""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

import psutil
import pytest

from tray_app.config import GuardianConfig
from tray_app.watchdog import stats
from tray_app.watchdog.readings import ReadingCollector
from tray_app.watchdog.sampler import CpuMeter

FakeTimes = namedtuple("FakeTimes", "user system idle iowait guest guest_nice")


class FakeCpuClock:
    """CPU times that advance only when told: `run(seconds, busy_share)`; psutil's own type
    with this platform's fields, so it can stand in for `psutil.cpu_times`."""

    def __init__(self) -> None:
        self._type = type(psutil.cpu_times())
        self.user = 1000.0
        self.idle = 5000.0

    def run(self, seconds: float, busy_share: float) -> None:
        self.user += seconds * busy_share
        self.idle += seconds * (1 - busy_share)

    def __call__(self, percpu: bool = False) -> object:
        assert not percpu
        fields = dict.fromkeys(self._type._fields, 0.0)
        return self._type(**{**fields, "user": self.user, "idle": self.idle})


def test_statistics_and_early_warning_each_see_their_own_interval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Statistics every 60 s, readings every 5 s, on one thread, as the supervisor's loop
    does: with one shared psutil baseline the statistics saw only the last 5 s."""
    clock = FakeCpuClock()
    monkeypatch.setattr(psutil, "cpu_times", clock)
    config = GuardianConfig(log_dir=str(tmp_path / "log"), data_dir=str(tmp_path / "data"))
    stats.sample(config.data_path, None)  # the supervisor's first statistics call primes
    readings = ReadingCollector(config)

    seen_by_readings = []
    for step in range(12):  # one minute: 30 s fully busy, then 30 s idle
        clock.run(5.0, busy_share=1.0 if step < 6 else 0.0)
        if step == 5:  # a statistics line half-way, just before a look: it must take nothing
            assert stats.sample(config.data_path, None)["cpu_percent"] == 100.0
        seen_by_readings.append(readings.read(float(step * 5), None).cpu_percent)
    minute = stats.sample(config.data_path, None)

    assert seen_by_readings == [100.0] * 6 + [0.0] * 6
    assert minute["cpu_percent"] == 0.0  # the 30 s since the half-way line were idle
    clock.run(60.0, busy_share=0.25)
    assert stats.sample(config.data_path, None)["cpu_percent"] == 25.0


def test_cpu_meter_counts_iowait_as_idle_and_guest_time_once() -> None:
    times = FakeTimes(user=100.0, system=0.0, idle=100.0, iowait=0.0, guest=0.0, guest_nice=0.0)
    meter = CpuMeter(lambda: times)
    meter.prime()
    # 11 s: 3 s user of which 1 s guest (counted inside user on Linux), 5 s idle, 3 s iowait.
    times = FakeTimes(user=103.0, system=0.0, idle=105.0, iowait=3.0, guest=1.0, guest_nice=0.0)
    assert meter.percent() == round(3 / 11 * 100, 1)


def test_first_reading_without_a_baseline_is_zero_and_a_stalled_clock_is_zero() -> None:
    times = FakeTimes(1.0, 0.0, 1.0, 0.0, 0.0, 0.0)
    meter = CpuMeter(lambda: times)
    assert meter.percent() == 0.0
    assert meter.percent() == 0.0  # no time passed between the two readings


def test_cpu_meter_on_the_real_machine_gives_a_share() -> None:
    meter = CpuMeter()
    meter.prime()
    sum(i * i for i in range(200_000))  # some work, so the kernel's counters move
    assert 0.0 <= meter.percent() <= 100.0
