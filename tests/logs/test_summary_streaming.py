"""The streaming `logs summary` gives exactly the figures of the list-based one it replaced."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.logs import list_summary
from tray_app.logs import block_figures, event_fields
from tray_app.logs.analysis import format_summary, summarise_log
from tray_app.logs.event_fields import EventFields
from tray_app.logs.parallel_scan import ScanPlan
from tray_app.logs.writer import event_line
from tray_app.watchdog.model import Event, EventName, Level, Reason, State

START = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
UNTIL = START + timedelta(days=30)

# Lines the writer never writes, each unreadable in its own way (or blank: skipped).
BAD_LINES = [
    "not json",
    '{"time": "2026-03-01T07:00:00.000001+00:00", "level": "info", "event": "healthy", "sta',
    "[1, 2, 3]",
    '"just a string"',
    '{"level": "info", "event": "healthy"}',
    '{"time": "yesterday", "level": "info", "event": "healthy", "state": "healthy"}',
    '{"time": "2026-03-01T07:00:00+00:00", "level": "info", "event": "hea\x00\x00\x00',
    "",
    "   ",
]


DETAILS = ["ok", 'über "quoted" \\ text', "a, b"]


def _event(rng: random.Random, moment: datetime, details: list[str]) -> Event:
    name = rng.choice(list(EventName))
    extra: dict[str, object] = {}
    if name is EventName.RECOVERED:
        extra["outage_s"] = rng.choice([4, 2.5, 0.125, None, 12.345])
    if name in (EventName.EXITED, EventName.STOPPED):
        extra["data"] = {"delay_s": rng.choice([0.0, 1.0])}
    if name in (EventName.WARNING, EventName.WARNING_CLEARED):
        extra["data"] = {"rule": "backend_rss", "value": 812.5, "threshold": 800.0, "unit": "MB"}
    if name is EventName.INCIDENT:
        extra["data"] = {"id": f"i{rng.randint(1, 99)}", "file": None}
    detail = rng.choice(details)
    return Event(
        name=name,
        level=rng.choice(list(Level)),
        state=rng.choice(list(State)),
        previous=rng.choice([*State, None]),
        reason=rng.choice(list(Reason)),
        detail=detail,
        time=moment,
        pid=rng.choice([None, 4242]),
        latency_ms=rng.choice([None, 3.25]),
        exit_code=rng.choice([None, -9, 0]),
        **extra,  # type: ignore[arg-type]
    )


def write_log(
    folder: Path, count: int, seed: int, bad_every: int = 0, step_back: int = 0, braces: bool = True
) -> None:
    """events.jsonl and two rotated files: every event kind, some bad lines, and with
    step_back one clock step back (events written out of time order). A brace in a detail
    sends its block the slow way."""
    rng = random.Random(seed)
    details = [*DETAILS * 30, 'health says {"status": "degraded"}'] if braces else DETAILS
    moment = START
    lines = []
    for number in range(count):
        moment += timedelta(seconds=rng.choice([0, 0.5, 1, 7.25, 60, 3600]), microseconds=1)
        if step_back and number == count // 2:
            moment -= timedelta(seconds=step_back)
        line = event_line(_event(rng, moment, details).to_dict())
        if bad_every and number % bad_every == 0:
            # a torn write followed by the next event on the same line, or a line of its own
            lines.append(
                line[: rng.randint(20, 200)] + line if number % 3 else rng.choice(BAD_LINES)
            )
        lines.append(line)
    lines.append("")
    third = len(lines) // 3
    (folder / "events.jsonl.2").write_text("\n".join(lines[:third]) + "\n", encoding="utf-8")
    (folder / "events.jsonl.1").write_text("\n".join(lines[third : 2 * third]), encoding="utf-8")
    (folder / "events.jsonl").write_text("\n".join(lines[2 * third :]) + "\n", encoding="utf-8")


# Small blocks and ranges, so that every path is taken: in this process, and in two workers.
IN_PROCESS = ScanPlan(block_bytes=8192, range_bytes=64 * 1024, workers=1)
IN_WORKERS = ScanPlan(block_bytes=8192, range_bytes=64 * 1024, workers=2, parallel_from=0)
PLANS = [pytest.param(IN_PROCESS, id="in-process"), pytest.param(IN_WORKERS, id="in-workers")]


def both(
    folder: Path, since: datetime | None, plan: ScanPlan = IN_PROCESS
) -> tuple[dict[str, object], dict[str, object]]:
    streamed, _ = summarise_log(folder / "events.jsonl", since, UNTIL, plan)
    events, bad = list_summary.read_events(folder / "events.jsonl")
    listed = list_summary.summarise(events, since, UNTIL, bad)
    assert format_summary(streamed) == format_summary(listed)
    assert json.dumps(streamed.to_dict()) == json.dumps(listed.to_dict())
    return streamed.to_dict(), listed.to_dict()


SINCE = [None, START - timedelta(days=1), START + timedelta(hours=12), UNTIL + timedelta(days=1)]


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("since", SINCE)
def test_streaming_summary_equals_the_list_based_one(
    tmp_path: Path, since: datetime | None, plan: ScanPlan
) -> None:
    write_log(tmp_path, 6000, seed=11, bad_every=400)
    streamed, listed = both(tmp_path, since, plan)
    assert streamed == listed
    assert listed["unreadable_lines"] or since is not None


def test_streaming_summary_counts_most_blocks_in_bulk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path must really run, or its equality above proves nothing."""
    write_log(tmp_path, 6000, seed=12, braces=False)
    slow_lines = 0
    parse_line = event_fields.parse_line

    def counting(line: str) -> EventFields | None:
        nonlocal slow_lines
        slow_lines += 1
        return parse_line(line)

    monkeypatch.setattr(block_figures, "parse_line", counting)
    streamed, listed = both(tmp_path, None)
    assert streamed == listed
    assert slow_lines < 6000 / 5


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("since", SINCE[:3])
def test_a_clock_set_back_still_gives_the_same_figures(
    tmp_path: Path, since: datetime | None, plan: ScanPlan
) -> None:
    write_log(tmp_path, 3000, seed=13, bad_every=500, step_back=4 * 3600)
    streamed, listed = both(tmp_path, since, plan)
    assert streamed == listed


def test_lines_in_other_layouts_and_line_ends_are_read_as_before(tmp_path: Path) -> None:
    rows = [
        {"time": "2026-03-01T06:00:00+00:00", "event": "starting", "state": "starting"},
        {"state": "healthy", "event": "healthy", "time": "2026-03-01T06:00:05+01:00"},
        {
            "time": "2026-03-01T06:10:00+00:00",
            "event": "starting",
            "previous": "backoff",
            "state": "x",
        },
    ]
    text = "\r\n".join(json.dumps(row, separators=(",", ":")) for row in rows) + "\r"
    (tmp_path / "events.jsonl").write_text(text, encoding="utf-8", newline="")
    streamed, listed = both(tmp_path, None)
    assert streamed == listed
    assert listed["restarts_by_reason"] == {"unknown": 1}


def test_an_event_without_time_zone_is_unreadable(tmp_path: Path) -> None:
    """The list-based summary crashed on it (naive and aware times do not compare)."""
    row = {"time": "2026-03-01T06:00:00", "event": "healthy", "state": "healthy"}
    (tmp_path / "events.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    summary, events_read = summarise_log(tmp_path / "events.jsonl", None, UNTIL)
    assert (summary.unreadable_lines, events_read) == (1, 0)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 10_000),
    block_bytes=st.integers(300, 20_000),
    range_bytes=st.integers(200, 100_000),
    # The 400 events span about 70 hours: the window starts and ends among them, or not.
    since_hours=st.one_of(st.none(), st.integers(-2, 75)),
    until_hours=st.integers(-1, 75),
    step_back=st.sampled_from([0, 0, 90, 4 * 3600]),
    braces=st.booleans(),
)
def test_any_window_and_any_cut_give_the_list_based_figures(
    tmp_path_factory: pytest.TempPathFactory,
    seed: int,
    block_bytes: int,
    range_bytes: int,
    since_hours: int | None,
    until_hours: int,
    step_back: int,
    braces: bool,
) -> None:
    """The window may start or end anywhere (also before, between or after the events), the
    log may be cut into blocks and ranges of any size: the figures stay the oracle's."""
    folder = tmp_path_factory.mktemp("log")
    write_log(folder, 400, seed=seed, bad_every=97, step_back=step_back, braces=braces)
    since = None if since_hours is None else START + timedelta(hours=since_hours)
    until = START + timedelta(hours=until_hours)
    plan = ScanPlan(block_bytes=block_bytes, range_bytes=range_bytes, workers=1)
    streamed, _ = summarise_log(folder / "events.jsonl", since, until, plan)
    events, bad = list_summary.read_events(folder / "events.jsonl")
    listed = list_summary.summarise(events, since, until, bad)
    assert streamed.to_dict() == listed.to_dict()
