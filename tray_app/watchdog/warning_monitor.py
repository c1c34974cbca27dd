"""Which early warnings are active: pure decisions over the rules of `early_warning`.

A `Reading` comes in, `WarningMonitor.update` says which warnings were raised and which cleared.
A rule fires when its value passes the threshold (and, for sustained rules, stays past it long
enough); it clears only when the value is back past a lower level, so a value near the line
raises one warning, not many.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from tray_app.i18n.catalogue import Message, render
from tray_app.watchdog.early_warning import Rule
from tray_app.watchdog.model import ActiveWarning
from tray_app.watchdog.reading import Reading


@dataclass(frozen=True)
class WarningChange:
    raised: bool  # False: cleared
    warning: ActiveWarning
    words: Message  # what its event says: the hint when raised, back to normal when cleared


class WarningMonitor:
    """Tracks which rules are active; one instance per supervisor, used by its loop only."""

    def __init__(self, rules: list[Rule], hysteresis: float) -> None:
        self.rules = rules
        self.hysteresis = hysteresis
        self._active: dict[str, ActiveWarning] = {}
        self._past_since: dict[str, float] = {}

    def active(self) -> tuple[ActiveWarning, ...]:
        return tuple(self._active.values())

    def reconfigure(self, rules: list[Rule], hysteresis: float) -> list[WarningChange]:
        """New thresholds; warnings of rules switched off are cleared."""
        old = {rule.key: rule for rule in self.rules}
        self.rules, self.hysteresis = rules, hysteresis
        keys = {rule.key for rule in rules}
        gone = [w for key, w in self._active.items() if key not in keys]
        for warning in gone:
            del self._active[warning.rule]
        return [WarningChange(False, w, old[w.rule].back_to_normal(w.value)) for w in gone]

    def update(self, reading: Reading, now: datetime) -> list[WarningChange]:
        changes = []
        for rule in self.rules:
            value = rule.value_of(reading)
            if value is None:
                continue
            change = self._judge(rule, value, reading, now)
            if change is not None:
                changes.append(change)
        return changes

    def _judge(
        self, rule: Rule, value: float, reading: Reading, now: datetime
    ) -> WarningChange | None:
        active = self._active.get(rule.key)
        if active is not None:
            if rule.is_clear(value, self.hysteresis):
                del self._active[rule.key]
                self._past_since.pop(rule.key, None)
                cleared = replace(active, value=round(value, 3))
                return WarningChange(False, cleared, rule.back_to_normal(value))
            return None
        if not rule.is_past(value):
            self._past_since.pop(rule.key, None)
            return None
        since = self._past_since.setdefault(rule.key, reading.at)
        if reading.at - since < rule.sustain_s:
            return None
        title = Message(rule.title)
        hint = rule.hint(reading, value, rule.threshold)
        warning = ActiveWarning(
            rule=rule.key,
            title=render(title, "en"),
            value=round(value, 3),
            threshold=rule.threshold,
            unit=rule.unit,
            hint=render(hint, "en"),
            since=now,
            title_message=title,
            hint_message=hint,
        )
        self._active[rule.key] = warning
        return WarningChange(True, warning, hint)
