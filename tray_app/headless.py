"""`erp-guardian run --headless`: the engine in a thread, the console, Ctrl-C or SIGTERM to stop."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from tray_app.backup.service import BackupService
from tray_app.config import GuardianConfig
from tray_app.console import ConsoleReporter
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import say
from tray_app.i18n.console import console_language
from tray_app.logs.writer import GuardianLogs
from tray_app.watchdog import Supervisor

WebStarter = Callable[[Supervisor, GuardianConfig], object | None]

# How long the main thread sleeps between looks at its stop flag when nothing wakes it. On
# POSIX Ctrl-C or SIGTERM interrupts the wait and the handler sets the flag at once, so this
# only bounds how long a dead engine thread (or a signal another thread took) goes unnoticed;
# each wake-up costs an idle guardian CPU. On Windows a wait ignores Ctrl-C until it times out
# (CPython gh-74157, fixed in 3.14), so there it stays short.
_STOP_POLL_S = 0.5 if sys.platform == "win32" else 5.0


def build_supervisor(
    config: GuardianConfig, logs: GuardianLogs, **engine_options: Any
) -> Supervisor:
    """A supervisor whose events and backend output go to the log files, and whose listeners
    (tray, page, console) hear when a log file cannot be written."""
    supervisor = Supervisor(config, output_sink=logs.on_backend_output, **engine_options)
    supervisor.subscribe(logs.on_event)
    logs.on_problem = supervisor.report_log_error
    if logs.problem:
        supervisor.report_log_error(logs.problem)
    return supervisor


def _start_page(
    starter: WebStarter | None,
    supervisor: Supervisor,
    config: GuardianConfig,
    console: ConsoleReporter,
) -> object | None:
    """The status page, or one clear line saying why there is none; guarding goes on."""
    if starter is None:
        return None
    try:
        web = starter(supervisor, config)
    except OSError as error:
        address = f"{config.web_host}:{config.web_port}"
        problem = error.strerror or str(error)
        console.write(
            say(C.HEADLESS_NO_STATUS_PAGE, console.language, address=address, error=problem)
        )
        return None
    if web is not None:
        console.write(say(C.HEADLESS_STATUS_PAGE, console.language, url=getattr(web, "url", "")))
    return web


def _start_metrics(supervisor: Supervisor, config: GuardianConfig, *, page: bool) -> Any:
    """The metrics (listening before the engine's first event), the textfile and the Kuma push;
    None when nothing would read them: prometheus_client then is not even imported, which
    keeps `run --backend-only` within its memory target."""
    if not (page or config.metrics_textfile or config.push_url):
        return None
    from tray_app.metrics.registry import metrics_of
    from tray_app.metrics.runner import MetricsRunner

    return MetricsRunner(metrics_of(supervisor)).start()


def run_headless(
    config: GuardianConfig,
    *,
    supervise: bool = True,
    web_starter: WebStarter | None = None,
    console: ConsoleReporter | None = None,
) -> int:
    """Supervise until Ctrl-C or SIGTERM, then stop the backend gracefully; returns 0."""
    console = console or ConsoleReporter(language=console_language(config.language))
    logs = GuardianLogs(config)
    if logs.problem:
        console.write(say(C.HEADLESS_LOG_PROBLEM, console.language, problem=logs.problem))
    supervisor = build_supervisor(config, logs)
    supervisor.subscribe(console)
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    metrics = _start_metrics(supervisor, config, page=web_starter is not None)
    thread = supervisor.run_in_thread() if supervise else None  # the backend first: it is the job
    backups = BackupService(config, supervisor) if supervise else None
    if backups is not None:
        supervisor.recovery.use_backup(backups.before_restart)  # a copy before each recovery
        backups.start()  # the daily backup and the control channel of `erp-guardian backup`
        if metrics is not None:
            metrics.use_backup_ages(backups.last_good_age_s)
    web = _start_page(web_starter, supervisor, config, console)
    try:
        while not stop.wait(_STOP_POLL_S):
            if thread is not None and not thread.is_alive():
                break
    finally:
        if backups is not None:
            backups.close()
        supervisor.request_shutdown()
        if thread is not None:
            # Bounded: a graceful stop, then the kill after stop_timeout, then a margin.
            thread.join(config.stop_timeout + 5)
        if metrics is not None:
            metrics.stop()  # after the engine: the last textfile shows it stopped
        stop_web = getattr(web, "stop", None)
        if callable(stop_web):
            stop_web()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        logs.close()
    return 0
