"""Response models of the supervisor's web API: what the page receives, as OpenAPI shows it.

The engine's dataclasses stay free of pydantic; these models read their `to_dict()` form, so the
JSON the page gets is the JSON the logs hold (times in UTC; pydantic writes them with a `Z`).
The page's TypeScript types are generated from the OpenAPI document these models make
(scripts/gen_api_types.sh). Unknown keys are refused, so a field added to the engine fails
the web tests until it is added here too, instead of vanishing from the page unnoticed.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tray_app.i18n.catalogue import Message, render_both
from tray_app.logs.incidents import IncidentSummary as IncidentRecord
from tray_app.watchdog import Event, Snapshot
from tray_app.watchdog.hang_dump import DumpMethod
from tray_app.watchdog.model import (
    EventName,
    GuidanceAction,
    GuidanceId,
    Health,
    Level,
    Reason,
    State,
    UserCommand,
)
from tray_app.watchdog.roles import StandbyState
from tray_app.watchdog.stack_dump import DumpProblem

log = logging.getLogger("erp_guardian.web")


class ApiModel(BaseModel):
    # Every field is in every answer: the schema marks them all required, nulls included.
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class ErrorDetail(ApiModel):
    """Every error answer but 422: {"detail": "what went wrong"}."""

    detail: str


class Words(ApiModel):
    """One of the engine's texts in both languages, rendered from its one catalogue
    (tray_app/i18n); the page shows the language it speaks."""

    en: str
    de: str


def words_of(message: Any) -> dict[str, str] | None:
    """A message's JSON form ({"id", "params"}) in both languages; None for none or an id
    this version does not know (the page then shows the English detail)."""
    if isinstance(message, Message):
        return render_both(message)
    if not isinstance(message, dict):
        return None
    known = Message.from_dict(message)
    return render_both(known) if known else None


def _message_to_words(data: Any, keys: tuple[str, ...]) -> Any:
    """Before validation: each message ({"id", "params"}) becomes its words, so the page
    needs no second catalogue for the engine's words (a dict with "en" is words already)."""
    if isinstance(data, dict):
        data = dict(data)
        for key in keys:
            value = data.get(key)
            if not (isinstance(value, Words) or (isinstance(value, dict) and "en" in value)):
                data[key] = words_of(value)
    return data


class PortHolder(ApiModel):
    """The program holding the backend's port when it is not our child."""

    port: int
    pid: int | None
    name: str | None
    ours: bool = Field(description="A backend left behind by an earlier run of ERP Guardian")


class ActiveWarning(ApiModel):
    """An early-warning rule that fired and has not cleared yet."""

    rule: str = Field(description="e.g. disk_free_db, backend_rss, latency_p95")
    title: str
    value: float
    threshold: float
    unit: str
    hint: str = Field(description="What the value means, in plain words")
    since: datetime
    title_message: Words | None = Field(description="title in both languages")
    hint_message: Words | None = Field(description="hint in both languages")

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: Any) -> Any:
        return _message_to_words(data, ("title_message", "hint_message"))


class Guidance(ApiModel):
    """What a yellow or red state means and what the user can do; the page words it by id."""

    id: GuidanceId
    params: dict[str, str] = Field(description="Values the text names (module, port, ...)")
    lines: list[str] = Field(description="Evidence: the last output lines, lock holders, an error")
    actions: list[GuidanceAction] = Field(description="What helps, in the order to offer it")


class StandbyInfo(ApiModel):
    """The warm standby backend that takes over when the serving one dies or hangs."""

    state: StandbyState = Field(description="warming, or ready to take over")
    pid: int
    since: datetime = Field(description="When it reached this state")


class WatchdogStatus(ApiModel):
    """The supervisor's snapshot: state, counters, last failure and warnings."""

    state: State
    health: Health = Field(description="The colour group of the state")
    detail: str = Field(description="What the state means right now, in plain words")
    pid: int | None
    health_url: str
    started_at: datetime | None = Field(description="When the current process was spawned")
    uptime_s: float | None
    restart_count: int = Field(description="Restarts since the supervisor started")
    attempt: int = Field(description="Restarts within the current restart window")
    max_restarts: int
    consecutive_failures: int
    failure_threshold: int
    last_failure_at: datetime | None
    last_failure_reason: Reason | None
    last_failure_detail: str | None
    last_check_at: datetime | None
    last_check_latency_ms: float | None
    next_check_at: datetime | None
    next_start_at: datetime | None = Field(
        description="When a backoff ends or the retry after giving up happens"
    )
    port_holder: PortHolder | None
    backend_status: str | None = Field(description='The last /health "status" ("ok", "degraded")')
    time: datetime
    warnings: list[ActiveWarning] = Field(description="Empty when all is well")
    allowed_commands: list[UserCommand] = Field(
        description="The commands that make sense now; the page offers exactly these"
    )
    guidance: Guidance | None = Field(description="null while the state is green or grey")
    message: Words | None = Field(description="detail in both languages")
    last_failure_message: Words | None = Field(description="last_failure_detail in both languages")
    standby: StandbyInfo | None = Field(description="The warm standby; null while there is none")
    promotions: int = Field(description="Times a standby took over since the supervisor started")

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: Any) -> Any:
        return _message_to_words(data, ("message", "last_failure_message"))

    @classmethod
    def of(cls, snapshot: Snapshot) -> WatchdogStatus:
        return cls.model_validate(snapshot.to_dict())


class WatchdogEvent(ApiModel):
    """One thing the watchdog did or saw (a line of events.jsonl)."""

    time: datetime
    level: Level
    event: EventName
    state: State
    previous: State | None
    reason: Reason
    detail: str
    pid: int | None
    attempt: int = Field(description="Restart attempt within the current window")
    outage_s: float | None
    latency_ms: float | None
    exit_code: int | None
    data: dict[str, Any] = Field(description="Figures of this kind of event, e.g. a warning's")
    message: Words | None = Field(
        description="detail in both languages; null: a technical text, only in English"
    )

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: Any) -> Any:
        return _message_to_words(data, ("message",))

    @classmethod
    def of(cls, event: Event) -> WatchdogEvent:
        return cls.model_validate(event.to_dict(with_message=True))


class WatchdogEvents(ApiModel):
    events: list[WatchdogEvent] = Field(description="Newest last")


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
        return _message_to_words(data, ("message",))

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
        return _message_to_words(data, ("message",))

    @classmethod
    def read(cls, report: dict[str, Any]) -> IncidentReport | None:
        """The report as the page gets it, or None when this version cannot read it."""
        try:
            return cls.model_validate(report)
        except ValidationError as error:
            log.warning("incident %s cannot be read: %s", report.get("id"), error)
            return None


class ActionAccepted(ApiModel):
    """The command was queued; the snapshot and the events show what it did."""

    accepted: bool
    action: UserCommand
