"""`erp-guardian logs summary`: uptime, restarts, outages and errors from events.jsonl."""

from __future__ import annotations

from contextlib import closing
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import Message, MessageId, render, say
from tray_app.i18n.console import console_language
from tray_app.logs.block_figures import events_of
from tray_app.logs.event_scan import blocks_of
from tray_app.logs.parallel_scan import ScanPlan, scan_files
from tray_app.logs.reading import rotated_set
from tray_app.logs.scan_workers import WorkerDied
from tray_app.logs.summary_builder import OutOfOrder, SummaryBuilder


@dataclass
class Summary:
    since: str | None
    until: str | None
    events: int
    supervised_s: float = 0.0
    serving_s: float = 0.0
    uptime_percent: float | None = None
    restarts: int = 0
    restarts_by_reason: dict[str, int] = field(default_factory=dict)
    promotions: int = 0  # restarts that were a warm standby taking over
    failures: int = 0
    outages: int = 0
    mttr_s: float | None = None
    mtbf_s: float | None = None
    longest_outage_s: float | None = None
    levels: dict[str, int] = field(default_factory=dict)
    unreadable_lines: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarise_log(
    path: Path, since: datetime | None, until: datetime, plan: ScanPlan | None = None
) -> tuple[Summary, int]:
    """Figures over [since, until] from events.jsonl and its rotated files, and how many
    readable events they hold in all. Reads them once, in constant memory, a big log on every
    core (parallel_scan.py); only a log that is not in time order (a clock set back) is
    sorted in memory instead."""
    paths = rotated_set(path)
    plan = plan or ScanPlan()
    try:
        try:
            builder = _streamed(paths, since, until, plan)
        except WorkerDied:  # killed, out of memory: read here again
            builder = _streamed(paths, since, until, replace(plan, workers=1))
    except OutOfOrder:
        builder = _sorted_builder(paths, since, until)
    return _summary(builder), builder.events_read


def _streamed(
    paths: list[Path], since: datetime | None, until: datetime, plan: ScanPlan
) -> SummaryBuilder:
    builder = SummaryBuilder(since, until)
    # closing: on OutOfOrder the workers stop before the sorted reading starts
    with closing(scan_files(paths, since, until, plan)) as results:
        for result in results:
            builder.add_result(result)
    return builder


def _sorted_builder(paths: list[Path], since: datetime | None, until: datetime) -> SummaryBuilder:
    builder = SummaryBuilder(since, until)
    events = []
    for block in blocks_of(paths):
        for fields in events_of(block):
            if fields is None:
                builder.unreadable += 1
            else:
                events.append(fields)
    events.sort(key=attrgetter("time"))  # stable: equal times stay in file order
    for event in events:
        builder.add(event)
    return builder


def _summary(builder: SummaryBuilder) -> Summary:
    builder.finish()
    assert builder.start is not None
    start = builder.start
    summary = Summary(
        since=start.isoformat(),
        until=builder.until.isoformat(),
        events=builder.window,
        unreadable_lines=builder.unreadable,
    )
    supervised_s = builder.supervised.total_seconds()
    serving_s = builder.serving.total_seconds()
    if supervised_s > 0:
        summary.uptime_percent = round(100 * serving_s / supervised_s, 3)
    summary.supervised_s = round(supervised_s, 3)
    summary.serving_s = round(serving_s, 3)
    summary.restarts = sum(builder.reasons.values())
    summary.restarts_by_reason = dict(builder.reasons.most_common())
    summary.promotions = builder.promotions
    summary.levels = dict(builder.levels.most_common())
    summary.failures = builder.failures
    summary.outages = builder.outages
    if builder.outages:
        summary.mttr_s = round(builder.outage_total_s / builder.outages, 3)
    if builder.longest_outage_s is not None:
        summary.longest_outage_s = round(builder.longest_outage_s, 3)
    if summary.failures:
        summary.mtbf_s = round(summary.serving_s / summary.failures, 3)
    return summary


def format_summary(summary: Summary, language: str | None = None) -> str:
    """The summary for a person, in `language` (None: the environment's, see i18n/console.py)."""
    lang = language or console_language()

    def seconds(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f} s"

    labels = [C.SUMMARY_PERIOD, C.SUMMARY_EVENTS, C.SUMMARY_UPTIME, C.SUMMARY_RESTARTS]
    labels += [C.SUMMARY_FAILURES, C.SUMMARY_OUTAGES, C.SUMMARY_MTTR, C.SUMMARY_MTBF]
    labels += [C.SUMMARY_LONGEST, C.SUMMARY_LEVELS, C.SUMMARY_UNREADABLE]
    width = max(len(say(label, lang)) for label in labels) + 2

    def line(label: C, value: object) -> str:
        return f"{say(label, lang) + ':':<{width}}{value}"

    uptime = "-" if summary.uptime_percent is None else f"{summary.uptime_percent:.3f} %"
    serving, supervised = seconds(summary.serving_s), seconds(summary.supervised_s)
    lines = [
        line(C.SUMMARY_PERIOD, f"{summary.since} .. {summary.until}"),
        line(C.SUMMARY_EVENTS, summary.events),
        line(
            C.SUMMARY_UPTIME,
            say(
                C.SUMMARY_UPTIME_VALUE, lang, uptime=uptime, serving=serving, supervised=supervised
            ),
        ),
        line(C.SUMMARY_RESTARTS, summary.restarts),
    ]
    lines += [f"  {reason:<16}{count}" for reason, count in summary.restarts_by_reason.items()]
    if summary.promotions:
        promoted = Message(MessageId.STANDBY_PROMOTIONS, {"count": summary.promotions})
        lines.append(f"  {render(promoted, lang)}")
    levels = ", ".join(f"{k} {v}" for k, v in summary.levels.items()) or "-"
    lines += [
        line(C.SUMMARY_FAILURES, say(C.SUMMARY_FAILURES_VALUE, lang, count=summary.failures)),
        line(C.SUMMARY_OUTAGES, summary.outages),
        line(C.SUMMARY_MTTR, seconds(summary.mttr_s)),
        line(C.SUMMARY_MTBF, seconds(summary.mtbf_s)),
        line(C.SUMMARY_LONGEST, seconds(summary.longest_outage_s)),
        line(C.SUMMARY_LEVELS, levels),
    ]
    if summary.unreadable_lines:
        skipped = say(C.SUMMARY_SKIPPED, lang, count=summary.unreadable_lines)
        lines.append(line(C.SUMMARY_UNREADABLE, skipped))
    return "\n".join(lines)
