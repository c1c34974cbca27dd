"""When is the next daily restart: the next local HH:MM after now."""

from __future__ import annotations

from datetime import datetime, time, timedelta


def next_daily(hh_mm: str, now: datetime) -> datetime:
    """The next moment (aware, local time) whose clock shows hh_mm, strictly after now."""
    hour, minute = (int(part) for part in hh_mm.split(":"))
    local_now = now.astimezone()
    candidate = datetime.combine(local_now.date(), time(hour, minute), local_now.tzinfo)
    if candidate <= local_now:
        candidate += timedelta(days=1)
    return candidate
