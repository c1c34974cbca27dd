"""The textfile for windows_exporter's and node_exporter's textfile collectors.

Written whole to a temporary file beside it, then moved over it with os.replace: an exporter
reading at that moment sees the old figures or the new ones, never half a file. The temporary
name does not end in .prom, so the collectors never read it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("erp_guardian.metrics")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace path's content with data in one step; raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


class TextfileWriter:
    """Writes the textfile; a failure is logged once, and once more when it works again."""

    def __init__(self) -> None:
        self._failing = False

    def write(self, path: Path, data: bytes) -> bool:
        try:
            write_atomically(path, data)
        except OSError as error:
            if not self._failing:
                log.warning("cannot write the metrics textfile %s: %s", path, error)
            self._failing = True
            return False
        if self._failing:
            log.info("the metrics textfile %s is written again", path)
        self._failing = False
        return True
