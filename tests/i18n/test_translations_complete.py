"""Every tr() text has a German translation, and the .ts keeps no text the code dropped.

pyside6-lupdate runs over the sources into a copy of each .ts (the repository's files stay
as they are); an "unfinished" entry is a new text nobody translated yet, a "vanished" or
"obsolete" one a text the code no longer has. Fix with scripts/update_translations.sh and a
German text in the <translation> element.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))


def lupdate_into(copy: Path) -> None:
    tools = ROOT / ".venv" / "bin"
    environ = {**os.environ, "TS_FILES": str(copy), "KEEP_OBSOLETE": "1"}
    if (tools / "pyside6-lupdate").exists():
        environ["LUPDATE"] = str(tools / "pyside6-lupdate")
        environ["LRELEASE"] = str(tools / "pyside6-lrelease")
    script = ROOT / "scripts" / "update_translations.sh"
    result = subprocess.run(["bash", str(script)], env=environ, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def problems(ts: Path) -> list[str]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or "(shared)"
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                found.append(f"missing: [{name}] {message.findtext('source')!r}")
                continue
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete"):
                found.append(f"{kind}: [{name}] {message.findtext('source')!r}")
            elif not "".join(translation.itertext()).strip():
                found.append(f"empty: [{name}] {message.findtext('source')!r}")
    return found


def test_there_is_a_german_catalogue() -> None:
    assert [ts.name for ts in TS_FILES] == ["erp_guardian_de.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_every_text_is_translated_and_none_vanished(ts: Path, tmp_path: Path) -> None:
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    lupdate_into(copy)
    assert (tmp_path / ts.with_suffix(".qm").name).stat().st_size > 0
    found = problems(copy)
    assert not found, "run scripts/update_translations.sh and translate:\n" + "\n".join(found)


def test_the_check_sees_an_untranslated_text(tmp_path: Path) -> None:
    """The check itself can fail: a translation removed from a copy is reported."""
    copy = tmp_path / TS_FILES[0].name
    text = TS_FILES[0].read_text(encoding="utf-8")
    copy.write_text(
        text.replace(
            "<translation>&amp;Beenden</translation>",
            '<translation type="unfinished"></translation>',
            1,
        ),
        "utf-8",
    )
    lupdate_into(copy)
    assert "unfinished: [TrayIcon] '&Quit'" in problems(copy)
