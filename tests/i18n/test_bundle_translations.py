"""The executable keeps Qt's German catalogue (standard buttons) and drops Qt's others."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build"))
from bundle_trim import is_dropped, trim_datas


@pytest.mark.parametrize("root", ["PySide6/Qt/translations", "PySide6/translations"])
def test_qtbase_de_stays_and_other_qt_catalogues_go(root: str) -> None:
    assert not is_dropped(f"{root}/qtbase_de.qm")
    assert is_dropped(f"{root}/qtbase_fr.qm")
    assert is_dropped(f"{root}/qt_help_de.qm")
    assert is_dropped(f"{root}/qtdeclarative_de.qm")


def test_our_own_catalogues_are_kept() -> None:
    datas = [
        ("resources/translations/erp_guardian_de.qm", "/src/erp_guardian_de.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/qt/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/designer_de.qm", "/qt/designer_de.qm", "DATA"),
    ]
    kept = [name for name, _source, _kind in trim_datas(datas, [])]
    assert kept == [
        "resources/translations/erp_guardian_de.qm",
        "PySide6/Qt/translations/qtbase_de.qm",
    ]
