"""CPU figures measure the time since the previous reading, whichever thread computes them."""

from __future__ import annotations

import threading
import time

import psutil
from erp_guardian_status.cpu_sampler import CpuSampler, busy_percent
from fastapi.testclient import TestClient

BUSY_S = 1.0


def _burn_one_core(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def test_cpu_percent_counts_load_since_the_first_request(client: TestClient) -> None:
    # The first request primes the readings on the event loop thread; the status is later
    # computed in a worker thread that never read the CPU before.
    assert client.get("/health").status_code == 200
    burner = threading.Thread(target=_burn_one_core, args=(BUSY_S,))
    burner.start()
    burner.join()
    system = client.get("/api/v1/system/status").json()["system"]
    # One core was busy for most of the window: far from the 0.0 of a reading over nothing.
    assert system["cpu_percent"] >= 100 / system["cpu_count"] / 4, system
    assert max(system["cpu_per_core"]) >= 25, system


def test_busy_share_leaves_out_idle_and_guest_time_and_backward_steps() -> None:
    before = {"user": 10.0, "nice": 0.0, "idle": 10.0, "iowait": 2.0, "guest": 5.0}
    after = {"user": 20.0, "nice": 0.0, "idle": 18.0, "iowait": 4.0, "guest": 10.0}
    # total 10 + 8 + 2 + 5 - 5 (guest is inside user) = 20; busy 20 - 8 - 2 = 10
    assert busy_percent(before, after) == 50.0
    assert busy_percent(after, {**after, "user": 5.0}) == 0.0  # a counter stepped back
    assert busy_percent(after, after) == 0.0


def test_the_sampler_agrees_with_psutil_read_in_one_thread() -> None:
    sampler = CpuSampler()
    sampler.prime()
    psutil.cpu_percent(interval=None)
    _burn_one_core(0.5)
    ours = sampler.read().percent
    theirs = psutil.cpu_percent(interval=None)
    assert abs(ours - theirs) <= 10, (ours, theirs)
