"""Response models of the incident routes: the list of outages and one outage's report.

Beside `schemas.py` and built the same way, from the incident files of tray_app/logs: the
engine's messages in both languages, unknown keys refused except in a report (a file written
by another version may hold keys this one does not know). What this version cannot read is
left out and logged, so that one damaged file does not hide the others.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from typing import Any

from pydantic import ConfigDict, Field, ValidationError, model_validator

from tray_app.logs.incidents import IncidentSummary as IncidentRecord
from tray_app.watchdog.hang_dump import DumpMethod
from tray_app.watchdog.model import Reason
from tray_app.watchdog.stack_dump import DumpProblem
from tray_app.web.schemas import ApiModel, WatchdogEvent, Words, message_to_words

log = logging.getLogger("erp_guardian.web")


class IncidentSummary(ApiModel):
    """One outage (crash, hang, gave up) in the list of incidents."""

    id: str
    started_at: datetime
    reason: Reason
    recovered: bool
    recovery_s: float | None = Field(description="null when the backend did not come back")
    detail: str
    message: Words | None = Field(description="detail in both languages")

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: Any) -> Any:
        return message_to_words(data, ("message",))

    @classmethod
    def of(cls, summary: IncidentRecord) -> IncidentSummary:
        return cls.model_validate(dataclasses.asdict(summary))


class WatchdogIncidents(ApiModel):
    incidents: list[IncidentSummary] = Field(description="Oldest first")

    @classmethod
    def of(cls, summaries: list[IncidentRecord]) -> WatchdogIncidents:
        """Reports this version cannot read (a reason it does not know) are left out, as
        damaged files are: one must not hide the others."""
        readable = []
        for summary in summaries:
            try:
                readable.append(IncidentSummary.of(summary))
            except ValidationError as error:
                log.warning("incident %s left out of the list: %s", summary.id, error)
        return cls(incidents=readable)


class StackDump(ApiModel):
    """A hang's stack dump, taken before the backend was stopped, or why there is none."""

    method: DumpMethod = Field(description="py_spy from outside, or the backend's faulthandler")
    pid: int
    text: str | None = Field(description="The threads, when py-spy read them")
    problem: DumpProblem | None = Field(description="Why there is no text (py-spy only)")
    reason: str = Field(description="That reason in plain English, or where the dump is")
    detail: str = Field(description="py-spy's own words about its failure")
    dumped_after_ms: float | None = Field(description='From "hang declared" to "stack dumped"')


class IncidentReport(ApiModel):
    """What the engine saw of one outage. Read from a file: keys of other versions pass."""

    model_config = ConfigDict(extra="allow")

    id: str
    reason: Reason
    detail: str
    message: Words | None = Field(
        default=None, description="detail in both languages; null in reports of old versions"
    )
    started_at: datetime
    ended_at: datetime | None
    recovered: bool
    recovery_s: float | None
    timeline: list[WatchdogEvent]
    backend_output_tail: list[str] = Field(
        description="The backend's last output lines before the failure (a stack dump included)"
    )
    figures_before: dict[str, int | float | str | None] = Field(
        description="System and backend figures from just before; null where not measured"
    )
    stack_dump: StackDump | None = Field(
        default=None, description="A hang's stack dump; null for other outages and old reports"
    )

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: Any) -> Any:
        return message_to_words(data, ("message",))

    @classmethod
    def read(cls, report: dict[str, Any]) -> IncidentReport | None:
        """The report as the page gets it, or None when this version cannot read it."""
        try:
            return cls.model_validate(report)
        except ValidationError as error:
            log.warning("incident %s cannot be read: %s", report.get("id"), error)
            return None
