"""Response models of the supervisor's web API: what the page receives, as OpenAPI shows it.

The engine's dataclasses stay free of pydantic; these models read their `to_dict()` form, so the
JSON the page gets is the JSON the logs hold (times in UTC; pydantic writes them with a `Z`).
The page's TypeScript types are generated from the OpenAPI document these models make
(scripts/gen_api_types.sh). Unknown keys are refused, so a field added to the engine fails
the web tests until it is added here too, instead of vanishing from the page unnoticed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tray_app.i18n.catalogue import Message, render_both
from tray_app.watchdog import Event, Snapshot
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


def message_to_words(data: Any, keys: tuple[str, ...]) -> Any:
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
        return message_to_words(data, ("title_message", "hint_message"))


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
        return message_to_words(data, ("message", "last_failure_message"))

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
        return message_to_words(data, ("message",))

    @classmethod
    def of(cls, event: Event) -> WatchdogEvent:
        return cls.model_validate(event.to_dict(with_message=True))


class WatchdogEvents(ApiModel):
    events: list[WatchdogEvent] = Field(description="Newest last")


class ActionAccepted(ApiModel):
    """The command was queued; the snapshot and the events show what it did."""

    accepted: bool
    action: UserCommand
