"""The committed OpenAPI documents and the page's generated types match the servers' code.

Change a response model and forget `scripts/gen_api_types.py`, and the page's types (and the
fixture checks, which read the same documents) would describe an API that no longer exists.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.contract.openapi import FRONTEND, REPO

GENERATED = [
    "openapi/guardian.json",
    "openapi/backend.json",
    "src/api/generated/guardian.ts",
    "src/api/generated/backend.ts",
]


def test_committed_schemas_and_page_types_are_fresh(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_api_types.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    stale = [
        name
        for name in GENERATED
        if (tmp_path / name).read_bytes() != (FRONTEND / name).read_bytes()
    ]
    assert not stale, (
        f"stale: {stale}; run `.venv/bin/python scripts/gen_api_types.py` and commit the result"
    )
