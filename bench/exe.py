"""Size and start time of the built executable: one file against one folder, in one run.

Builds nothing: run `bash build/build.sh` and `bash build/build.sh --onedir` first. For each
mode, each build is started once to warm up (creates the database; not counted), then
`--runs` times in alternation, each time in the same sandbox (own HOME, XDG folders, TMPDIR)
on fresh free ports: the time from exec to the first 200 {"status": "ok"} from the backend's
/health (polled every 10 ms), then SIGTERM, and the next start waits until the one-file
unpack folder is gone.

Modes:
  tray       the default command on Xvfb with a tray host (trayer): what a double-click runs
  headless   `run --headless`: the same supervisor and page, no Qt
  offscreen  the default command with QT_QPA_PLATFORM=offscreen: no tray there, so the app
             waits TRAY_WAIT_S (3 s) for one before it falls back to headless

    .venv/bin/python bench/exe.py [--runs 5] [--modes tray,headless] [--with-untrimmed]

Targets (issue 6): one file < 60 MB; healthy within 2.5 s one-file and 1.5 s one-folder.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.exe.harness import Sandbox, run_exe, start_exe  # noqa: E402
from tests.waiting import free_port, wait_for  # noqa: E402
from tests.x_screen import tray_screen  # noqa: E402

DIST = ROOT / "build" / "dist"
ONE_FILE = DIST / "erp-guardian"
ONE_FOLDER = DIST / "erp-guardian-onedir" / "erp-guardian"
UNTRIMMED = DIST / "untrimmed" / "erp-guardian"
MB = 1_000_000
TARGET_SIZE_MB = 60
MODE_ARGS = {"tray": [], "headless": ["run", "--headless"], "offscreen": []}


@dataclass
class Build:
    name: str
    exe: Path
    target_s: float
    one_file: bool = True
    timings: dict[str, list[float]] = field(default_factory=dict)
    version_s: list[float] = field(default_factory=list)

    def size_bytes(self) -> int:
        if self.one_file:
            return self.exe.stat().st_size
        files = self.exe.parent.rglob("*")
        return sum(p.lstat().st_size for p in files if p.is_file() and not p.is_symlink())


def time_to_healthy(build: Build, sandbox: Sandbox, args: list[str]) -> float:
    port, web_port = free_port(), free_port()
    started = time.monotonic()
    run = start_exe(build.exe, sandbox, *args, name="bench", port=port, web_port=web_port)
    try:
        while True:
            reply = run.health()
            if reply and reply.get("status") == "ok":
                elapsed = time.monotonic() - started
                break
            if run.process.poll() is not None or time.monotonic() - started > 60:
                raise RuntimeError(f"{build.name}: no healthy backend:\n{run.output()}")
            time.sleep(0.01)
        run.terminate()
        return elapsed
    finally:
        sandbox.kill_processes()
        run.process.wait(10)
        wait_for(lambda: not sandbox.unpack_folders(), timeout_s=20, message="unpack cleanup")


def time_version(build: Build, sandbox: Sandbox) -> float:
    started = time.monotonic()
    code, output = run_exe(build.exe, sandbox, "--version")
    if code != 0:
        raise RuntimeError(f"{build.name} --version: {output}")
    return time.monotonic() - started


@contextmanager
def mode_sandboxes(mode: str, builds: list[Build], root: Path) -> Iterator[dict[str, Sandbox]]:
    with ExitStack() as stack:
        extra: dict[str, str] = {}
        if mode == "tray":
            extra = {
                "DISPLAY": stack.enter_context(tray_screen(first_display=150)),
                "QT_QPA_PLATFORM": "xcb",
            }
        yield {b.name: Sandbox.create(root / f"{mode}-{b.name}", **extra) for b in builds}


def measure(builds: list[Build], modes: list[str], runs: int, root: Path) -> None:
    version_box = Sandbox.create(root / "version")
    for build in builds:
        time_version(build, version_box)  # warm-up: page cache
    for _ in range(runs):
        for build in builds:
            build.version_s.append(time_version(build, version_box))
    for mode in modes:
        with mode_sandboxes(mode, builds, root) as boxes:
            for build in builds:  # warm-up: creates the database, fills the page cache
                time_to_healthy(build, boxes[build.name], MODE_ARGS[mode])
            for _ in range(runs):
                for build in builds:
                    seconds = time_to_healthy(build, boxes[build.name], MODE_ARGS[mode])
                    build.timings.setdefault(mode, []).append(seconds)


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def report(builds: list[Build], modes: list[str], runs: int) -> None:
    print(f"\nERP Guardian executable, median of {runs} starts (min-max)\n")
    for build in builds:
        size_mb = build.size_bytes() / MB
        target = f"  target < {TARGET_SIZE_MB} MB: {verdict(size_mb < TARGET_SIZE_MB)}"
        print(f"{build.name:18} size {size_mb:6.1f} MB{target if build.one_file else ''}")
    print()
    rows = [("--version", [b.version_s for b in builds])]
    rows += [(f"healthy ({mode})", [b.timings[mode] for b in builds]) for mode in modes]
    print(f"{'exec to':22}" + "".join(f"{b.name:>24}" for b in builds))
    for label, series in rows:
        cells = [
            f"{statistics.median(s):.2f} s ({min(s):.2f}-{max(s):.2f})".rjust(24) for s in series
        ]
        print(f"{label:22}" + "".join(cells))
    print()
    for build in builds:
        limit = build.target_s
        for mode in modes:
            median = statistics.median(build.timings[mode])
            print(
                f"{build.name} {mode}: {median:.2f} s, target {limit} s: {verdict(median < limit)}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--with-untrimmed", action="store_true", help="also the build of build.sh --no-trim"
    )
    parser.add_argument("--modes", default="tray,headless", help="of: tray, headless, offscreen")
    args = parser.parse_args()
    modes = [mode for mode in args.modes.split(",") if mode]
    unknown = [mode for mode in modes if mode not in MODE_ARGS]
    if unknown or args.runs < 1:
        parser.error(f"unknown mode(s) {unknown}" if unknown else "--runs must be >= 1")
    if "tray" in modes and not (shutil.which("Xvfb") and shutil.which("trayer")):
        print("no Xvfb or trayer: skipping the tray mode")
        modes.remove("tray")
    builds = [Build("one-file", ONE_FILE, 2.5), Build("one-folder", ONE_FOLDER, 1.5, False)]
    if args.with_untrimmed:
        builds.append(Build("one-file untrimmed", UNTRIMMED, 2.5))
    missing = [str(b.exe) for b in builds if not b.exe.is_file()]
    if missing:
        print(f"missing {', '.join(missing)}: run bash build/build.sh [--onedir|--no-trim]")
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-exe-") as root:
        try:
            measure(builds, modes, args.runs, Path(root))
        except (RuntimeError, subprocess.SubprocessError) as error:
            print(f"failed: {error}")
            return 1
    report(builds, modes, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
