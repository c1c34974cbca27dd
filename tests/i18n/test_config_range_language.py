"""A config error names the allowed range in the user's language: "0,05 bis 3600 Sekunden",
not "0.05 to 3600 seconds", from the real `config validate`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w


def validate(tmp_path: Path, lang: str, **values: object) -> str:
    config = tmp_path / "config.toml"
    config.write_bytes(tomli_w.dumps({"check_interval": -1, **values}).encode())
    kept = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run(
        [sys.executable, "-m", "tray_app", "config", "validate", str(config)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**kept, "LANG": lang, "NO_COLOR": "1"},
        timeout=60,
    )
    assert result.returncode != 0, result
    return result.stderr


@pytest.mark.parametrize(
    ("lang", "values"), [("de_DE.UTF-8", {}), ("C", {"language": "de"})], ids=["lang", "setting"]
)
def test_the_range_of_a_bad_interval_is_german(
    tmp_path: Path, lang: str, values: dict[str, str]
) -> None:
    said = validate(tmp_path, lang, **values)
    allowed = said.partition("erlaubt: ")[2].partition(" (")[0]
    assert allowed == "0,05 bis 3600 Sekunden", said  # pydantic's own words after it stay
    assert "seconds" not in said, said


def test_the_range_stays_english_under_lang_c(tmp_path: Path) -> None:
    said = validate(tmp_path, "C")
    assert "(allowed: 0.05 to 3600 seconds)" in said, said


def test_a_size_names_its_own_unit_not_seconds(tmp_path: Path) -> None:
    said = validate(tmp_path, "de_DE.UTF-8", check_interval=1.0, warn_disk_free_gb=-1.0)
    assert "warn_disk_free_gb = -1.0: ungültiger Wert, erlaubt: 0 bis 1000000,0 GB (" in said
    assert "Sekunden" not in said, said
