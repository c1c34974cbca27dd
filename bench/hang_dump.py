"""How long a hung foreign backend waits between "hang declared" and "stack dumped" (py-spy).

    .venv/bin/python bench/hang_dump.py [--hangs N]

Runs a real Supervisor on the test service (`tests/programs/http_service.py --hang-after`),
which hangs by itself shortly after each start; the engine declares it hung, dumps it with
py-spy, stops it and starts it again. Prints the figure the report keeps (`dumped_after_ms`)
for each hang, and their median and maximum.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.waiting import free_port, wait_for
from tests.watchdog.harness import service_cmd
from tray_app.config import GuardianConfig
from tray_app.watchdog import Event, EventName, Supervisor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hangs", type=int, default=10)
    args = parser.parse_args()
    hung: list[Event] = []
    with tempfile.TemporaryDirectory() as folder:
        config = GuardianConfig(
            backend_cmd=service_cmd("--hang-after", "0.3"),
            port=free_port(),
            log_dir=str(Path(folder) / "log"),
            data_dir=str(Path(folder) / "data"),
            check_interval=0.2,
            check_timeout=0.2,
            failure_threshold=2,
            backoff_initial=0.1,
            backoff_max=0.5,
            max_restarts=args.hangs + 5,
            stats_interval=0,
        )
        supervisor = Supervisor(config)
        lock = threading.Lock()

        def record(event: Event) -> None:
            if event.name is EventName.HUNG:
                with lock:
                    hung.append(event)

        supervisor.subscribe(record)
        thread = supervisor.run_in_thread()
        try:
            wait_for(lambda: len(hung) >= args.hangs, timeout_s=30 * args.hangs, message="hangs")
        finally:
            supervisor.request_shutdown()
            thread.join(30)
    figures = []
    for number, event in enumerate(hung[: args.hangs], 1):
        dump = event.data["stack_dump"]
        figures.append(dump["dumped_after_ms"])
        found = "dumped" if dump["text"] else f"no dump: {dump['reason']}"
        print(f"hang {number:2}: {dump['dumped_after_ms']:7.1f} ms  ({found})")
    print(
        f"hang declared -> stack dumped: median {statistics.median(figures):.1f} ms, "
        f"max {max(figures):.1f} ms over {len(figures)} hangs"
    )


if __name__ == "__main__":
    main()
