"""Health answers that are odd (200 but not JSON) or late (slower than check_timeout)."""

from __future__ import annotations

import requests

from tests.reliability.faults import assert_every_event_logged
from tests.watchdog.harness import StartGuard, bundled_backend_env, service_cmd
from tray_app.logs.incidents import list_incidents
from tray_app.watchdog import EventName, Reason, State


def test_health_answering_200_with_a_body_that_is_not_json_counts_as_alive(
    guard: StartGuard,
) -> None:
    # Documented: any 2xx is alive, whatever the body; many services answer plain "OK".
    g = guard(backend_cmd=service_cmd("--body-not-json"), check_interval=0.2)
    healthy = g.wait_event(EventName.HEALTHY)
    assert healthy.detail == "answered (not JSON)"
    pid = g.backend_pid()
    g.wait_checks(10)
    assert g.names() == ["starting", "healthy"]
    snapshot = g.supervisor.snapshot()
    assert snapshot.state is State.HEALTHY and snapshot.pid == pid
    assert snapshot.backend_status is None  # no "status" field to report
    assert_every_event_logged(g)


def test_health_slower_than_the_check_timeout_is_a_hang_and_is_restarted(
    guard: StartGuard,
) -> None:
    g = guard(backend_env=bundled_backend_env(), check_interval=0.3, check_timeout=0.3)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    pid = g.backend_pid()
    mark = len(g.events)
    slow = requests.post(
        f"http://127.0.0.1:{g.config.port}/api/v1/faults/slow-health",
        params={"ms": 2000},
        timeout=5,
    )
    assert slow.ok, slow.text

    hung = g.wait_event(EventName.HUNG, after=mark)
    assert hung.reason is Reason.HANG and "no answer within 0.3 s" in hung.detail
    g.wait_event(EventName.INCIDENT, after=mark, timeout_s=30)
    names = g.lifecycle_names(mark)
    assert names[:3] == ["check_failed", "check_failed", "hung"], names
    assert names[-2:] == ["recovered", "incident"], names
    # A cold start, or the warm standby promoted if it was ready in time.
    assert {"starting", "promoted"} & set(names[3:]), names
    assert g.backend_pid() != pid
    assert g.supervisor.snapshot().state is State.HEALTHY  # the new backend is not slow
    assert [i.reason for i in list_incidents(g.logs.directory)] == ["hang"]
    assert_every_event_logged(g)
