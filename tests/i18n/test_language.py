"""The language follows the setting, else LANGUAGE/LC_ALL/LC_MESSAGES/LANG, else the system."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tray_app.config import ConfigError, GuardianConfig, validate_values
from tray_app.i18n.language import resolve_language, resolve_locale


def no_system_language() -> str | None:
    return None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT.UTF-8"}, "de"),
        ({"LC_MESSAGES": "de_CH.utf8@euro", "LANG": "en_US.UTF-8"}, "de"),
        ({"LC_ALL": "de_DE", "LC_MESSAGES": "en_GB", "LANG": "en_US"}, "de"),
        ({"LANGUAGE": "de:en", "LC_ALL": "en_US.UTF-8"}, "de"),
        ({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, "de"),  # first supported preference
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "de_DE.UTF-8"}, "de"),  # empty means unset
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "de_DE.UTF-8"}, "en"),  # LC_ALL wins over LANG
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # unknown: English
        ({"LANGUAGE": "fr", "LANG": "de_DE"}, "en"),  # LANGUAGE comes first, even if unknown
        ({}, "en"),
    ],
)
def test_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert resolve_language("auto", environ, no_system_language) == expected


def test_the_territory_is_kept_for_formats() -> None:
    assert resolve_locale("auto", {"LANG": "de_AT.UTF-8"}, no_system_language) == "de_AT"
    assert resolve_locale("auto", {"LANG": "C.UTF-8"}, no_system_language) == "en"


def test_a_chosen_language_wins_over_the_environment() -> None:
    assert resolve_language("en", {"LANG": "de_DE.UTF-8"}, no_system_language) == "en"
    assert resolve_language("de", {"LANG": "en_US.UTF-8"}, no_system_language) == "de"


def test_the_system_language_is_asked_when_the_environment_is_silent() -> None:
    assert resolve_language("auto", {}, lambda: "de_DE") == "de"
    assert resolve_language("auto", {"LANG": "en_US"}, lambda: "de_DE") == "en"
    assert resolve_language("auto", {}, lambda: "ja_JP") == "en"


def test_a_german_locale_that_is_not_generated_is_still_german() -> None:
    """This machine may have only C and C.UTF-8: setlocale would fail; the resolver does not."""
    code = "from tray_app.i18n.language import resolve_language; print(resolve_language())"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    environ["LANG"] = "de_DE.UTF-8"
    result = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "de", result.stderr


def test_the_setting_takes_auto_de_en_and_refuses_others() -> None:
    assert GuardianConfig().language == "auto"
    assert validate_values({"language": "de"}).language == "de"
    with pytest.raises(ConfigError, match="language"):
        validate_values({"language": "fr"})
