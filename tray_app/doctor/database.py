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
from tray_app.doctor.model import Check, Fix, FixKind, Status, words
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.console_ids import ConsoleId

CHECK_ID = "backend.database"
TITLE = words(C.DOCTOR_T_DATABASE)
BUSY_TIMEOUT_S = 5.0
_SHOWN_PROBLEMS = 3  # quick_check lists every damaged page; the first few say enough


def database_check(config: GuardianConfig) -> Check:
    path = config.database_file
    where = str(path)
    if not path.exists():
        return _missing(path, bundled=not config.backend_cmd)
    if not path.is_file():
        return _fail(C.DOCTOR_NOT_A_FILE, where, C.DOCTOR_DB_IS_FOLDER_HINT)
    if not os.access(path, os.R_OK):
        return _fail(C.DOCTOR_CANNOT_READ, where, C.DOCTOR_READ_ACCESS_HINT)
    if not _writable(path):
        return _fail(C.DOCTOR_DB_READ_ONLY, where, C.DOCTOR_DB_READ_ONLY_HINT)
    if not os.access(path.parent, os.W_OK):
        return _fail(C.DOCTOR_DB_FOLDER_READ_ONLY, str(path.parent), C.DOCTOR_DB_FOLDER_HINT)
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
            words(C.DOCTOR_DB_NOT_CREATED, path=str(path)),
            words(C.DOCTOR_RUN_FIX),
            Fix(FixKind.CREATE_DATABASE, path=path),
        )
    return Check(
        CHECK_ID,
        TITLE,
        Status.WARN,
        words(C.DOCTOR_MISSING, path=str(path)),
        words(C.DOCTOR_DB_MISSING_HINT),
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
                words(C.DOCTOR_DB_LOCKED, path=str(path), error=str(error)),
                words(C.DOCTOR_DB_LOCKED_HINT),
            )
        return _damaged(path, str(error))
    except sqlite3.DatabaseError as error:  # "file is not a database"
        return _damaged(path, str(error))
    if rows == ["ok"]:
        return Check(CHECK_ID, TITLE, Status.OK, words(C.DOCTOR_DB_OK, path=str(path)))
    return _damaged(path, "; ".join(rows[:_SHOWN_PROBLEMS]))


def _damaged(path: Path, said: str) -> Check:
    detail = words(C.DOCTOR_DB_DAMAGED, path=str(path), error=said)
    return Check(CHECK_ID, TITLE, Status.FAIL, detail, words(C.DOCTOR_DB_DAMAGED_HINT))


def _fail(detail: ConsoleId, path: str, hint: ConsoleId) -> Check:
    return Check(CHECK_ID, TITLE, Status.FAIL, words(detail, path=path), words(hint))
