"""The two ways out of a port held by another program: stop that program, or use another port."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tray_app.config import ConfigError, GuardianConfig, save_config, validate_values
from tray_app.gui.dialogs import UserQuestions
from tray_app.watchdog.model import PortHolder
from tray_app.watchdog.snapshot import Snapshot


def holder_to_stop(
    snapshot: Snapshot | None, questions: UserQuestions, tr: Callable[[str], str]
) -> PortHolder | None:
    """The program to stop, once the user agreed (a backend of ours needs no question)."""
    holder = snapshot.port_holder if snapshot else None
    if holder is None or holder.pid is None:
        return None
    if not holder.ours:
        question = tr(
            "Stop {name} (PID {pid})? It is not part of ERP Guardian; anything it is doing "
            "will be lost."
        ).format(name=holder.name or tr("the other program"), pid=holder.pid)
        if not questions.confirm(tr("Stop another program"), question):
            return None
    return holder


def choose_other_port(
    config: GuardianConfig, config_file: Path, questions: UserQuestions, tr: Callable[[str], str]
) -> GuardianConfig | None:
    """Ask for a port and save it; the new settings, or None (cancelled, same, or refused)."""
    port = questions.ask_port(config.port)
    if port is None or port == config.port:
        return None
    try:
        changed = validate_values({**config.model_dump(), "port": port})
        save_config(changed, config_file)
    except (ConfigError, OSError) as error:
        questions.show_message(tr("Use another port"), str(error))
        return None
    return changed
