"""The dashboard and the alert rules name only metrics the guardian really exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.metrics.scrape import samples
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.metrics.registry import GuardianMetrics
from tray_app.watchdog import EventName

MONITORING = Path(__file__).resolve().parents[2] / "monitoring"
_NAME = re.compile(r"\berp_guardian_[a-z_]+\b")


def exported_names(guard: StartGuard) -> set[str]:
    g = guard(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    metrics = GuardianMetrics(g.supervisor, backup_clock=lambda: 1.0)
    try:
        return {name for name, _labels in samples(metrics.exposition())}
    finally:
        metrics.close()


def test_dashboard_and_alerts_use_exported_metrics(guard: StartGuard) -> None:
    exported = exported_names(guard)
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text())
    exprs = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    used = {name for expr in exprs for name in _NAME.findall(expr)}
    used |= set(_NAME.findall((MONITORING / "alerts.yml").read_text()))
    assert used and used <= exported, f"not exported: {used - exported}"


def test_dashboard_panels_have_unique_ids_and_a_workstation_filter() -> None:
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text())
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    assert all(
        '$instance"' in target["expr"]
        for panel in dashboard["panels"]
        for target in panel["targets"]
    )
