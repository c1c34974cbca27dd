"""Runs a command at once the first time, and from the second start on only after a delay.

    python slow_restart.py COUNT_FILE DELAY_S -- COMMAND [ARG...]

A backend whose restart takes as long as the one-file executable's cold start (about 3 s), so
an outage lasts long enough for the page to show it. The command replaces this process (exec),
so the supervisor's PID is the backend's PID and its kill of the process tree still works.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    if len(argv) < 4 or argv[2] != "--":
        raise SystemExit(__doc__)
    count_file, delay_s, command = Path(argv[0]), float(argv[1]), argv[3:]
    starts = int(count_file.read_text()) + 1 if count_file.exists() else 1
    count_file.write_text(str(starts))
    if starts > 1:
        time.sleep(delay_s)  # the slow cold start this program stands for
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
