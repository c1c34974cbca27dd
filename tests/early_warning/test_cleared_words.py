"""A cleared warning shows its value as the warning showed it: 27 ms, not 27.374 ms."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tests.early_warning.test_hysteresis import BASE, NOW, _monitor
from tray_app.config import GuardianConfig
from tray_app.i18n.catalogue import render
from tray_app.watchdog.early_warning import Rule, build_rules

RULES = {rule.key: rule for rule in build_rules(GuardianConfig())}  # every rule is on by default
VALUE = 27.374


def _number_in(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d.,])", text) is not None


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("key", sorted(RULES))
def test_the_cleared_value_is_rounded_as_the_warning_rounds_it(key: str, language: str) -> None:
    rule: Rule = RULES[key]
    hint = render(rule.hint(BASE, VALUE, rule.threshold), language)
    cleared = render(rule.back_to_normal(VALUE), language)
    shown = re.search(r"\(([^\s()]+) [^()]*\)$", cleared)
    assert shown is not None, cleared
    assert _number_in(hint, shown.group(1)), (hint, cleared)


def test_latency_back_to_normal_reads_in_whole_milliseconds() -> None:
    monitor = _monitor(warn_latency_p95_ms=250)
    (raised,) = monitor.update(replace(BASE, latency_p95_ms=312.5), NOW)
    assert render(raised.words, "en").startswith("health checks take 312 ms")
    (cleared,) = monitor.update(replace(BASE, latency_p95_ms=27.374), NOW)
    assert not cleared.raised and cleared.warning.value == 27.374  # the figure keeps its detail
    assert render(cleared.words, "en") == "Backend answers slowly: back to normal (27 ms)"
    assert render(cleared.words, "de") == "ERP-System antwortet langsam: wieder normal (27 ms)"


def test_a_rule_switched_off_clears_with_its_own_rounding() -> None:
    monitor = _monitor(warn_disk_free_gb=5)
    monitor.update(replace(BASE, db_volume_free_bytes=int(3.14159 * 1024**3)), NOW)
    settings = GuardianConfig(warn_disk_free_gb=0)
    (cleared,) = monitor.reconfigure(build_rules(settings), settings.warning_hysteresis)
    assert render(cleared.words, "de") == "Wenig Speicherplatz (Datenbank): wieder normal (3,1 GB)"
