"""Files of ours damaged on disk (hand-edited, cut short by a full disk) break no answer."""

from __future__ import annotations

import json
import subprocess
import sys

import requests

from tests.reliability.faults import REPO_ROOT
from tests.watchdog.harness import service_cmd
from tests.web.conftest import StartWeb
from tray_app.logs.incidents import incidents_dir
from tray_app.watchdog import EventName

GOOD: dict[str, object] = {  # the keys of a report of ours (the typed API lists what it reads)
    "id": "20261128-100000-000-signal",
    "started_at": "2026-11-28T10:00:00+00:00",
    "reason": "signal",
    "recovered": True,
    "recovery_s": 0.4,
    "detail": "backend ended: killed by signal 9",
}
DAMAGED: list[dict[str, object]] = [
    {"id": "bad-time", "started_at": "not a time"},
    {"id": "no-zone", "started_at": "2026-11-28T11:00:00"},  # naive next to aware times
]


def test_damaged_incident_report_is_skipped_not_fatal(web: StartWeb) -> None:
    g, server = web(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    folder = incidents_dir(g.logs.directory)
    folder.mkdir(parents=True, exist_ok=True)
    for report in [GOOD, *DAMAGED]:
        (folder / f"{report['id']}.json").write_text(json.dumps(report))

    listed = requests.get(f"{server.base_url}/api/watchdog/incidents", timeout=5)
    cli = subprocess.run(
        [sys.executable, "-m", "tray_app", "logs", "incidents", "--log-dir", str(g.logs.directory)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.status_code == 200, listed.text
    assert GOOD["id"] in [item["id"] for item in listed.json()["incidents"]]
    assert cli.returncode == 0 and "Traceback" not in cli.stderr, cli.stderr
