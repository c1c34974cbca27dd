"""Is the guarded ERP's SQLite file there, readable, writable and sound (`PRAGMA quick_check`)?

The check opens the file read-only through a URI, so a missing file is reported instead of
created, and a running ERP is not disturbed by a writer.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from tray_app.config import GuardianConfig
from tray_app.doctor.model import Check, Fix, FixKind, Status

CHECK_ID = "backend.database"
TITLE = "database"
BUSY_TIMEOUT_S = 5.0
_SHOWN_PROBLEMS = 3  # quick_check lists every damaged page; the first few say enough


def database_check(config: GuardianConfig) -> Check:
    path = config.database_file
    if not path.exists():
        return _missing(path, bundled=not config.backend_cmd)
    if not path.is_file():
        return _fail(f"{path} is not a file", "Check database_path: it names a folder.")
    if not os.access(path, os.R_OK):
        return _fail(f"{path} cannot be read", "Give the user running ERP Guardian read access.")
    if not _writable(path):
        return _fail(
            f"{path} is read-only: the ERP cannot save anything",
            "Make the file and its folder writable for the user running ERP Guardian "
            "(on Windows: clear the file's read-only attribute).",
        )
    if not os.access(path.parent, os.W_OK):
        return _fail(
            f"{path.parent} is read-only: SQLite cannot write its journal beside the database",
            "Make the database's folder writable for the user running ERP Guardian.",
        )
    return _quick_check(path)


def _writable(path: Path) -> bool:
    # The mode bits too: root (or an administrator) passes os.access on a file that is marked
    # read-only, yet such a file says someone meant it not to change.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)


def _missing(path: Path, bundled: bool) -> Check:
    if bundled:
        return Check(
            CHECK_ID,
            TITLE,
            Status.WARN,
            f"{path} not created yet",
            "erp-guardian doctor --fix",
            Fix(FixKind.CREATE_DATABASE, path=path),
        )
    return Check(
        CHECK_ID,
        TITLE,
        Status.WARN,
        f"{path} does not exist",
        "Most ERPs create it at their first start; if it should exist, check database_path.",
    )


def _quick_check(path: Path) -> Check:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return Check(
                CHECK_ID,
                TITLE,
                Status.WARN,
                f"{path} is locked by another program, not checked ({error})",
                "Run doctor again when the ERP is idle.",
            )
        return _damaged(path, str(error))
    except sqlite3.DatabaseError as error:  # "file is not a database"
        return _damaged(path, str(error))
    if rows == ["ok"]:
        return Check(CHECK_ID, TITLE, Status.OK, f"{path}: quick_check ok")
    return _damaged(path, "; ".join(rows[:_SHOWN_PROBLEMS]))


def _damaged(path: Path, said: str) -> Check:
    return _fail(
        f"{path} is not a sound SQLite database: {said}",
        "Stop the ERP and restore the database from a backup; keep a copy of this file for "
        "support.",
    )


def _fail(detail: str, hint: str) -> Check:
    return Check(CHECK_ID, TITLE, Status.FAIL, detail, hint)
