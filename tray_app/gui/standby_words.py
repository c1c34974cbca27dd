"""The warm standby in words, for the tray's tooltip and menu and the status window.

One place, so that the tray and the window say the same: "Standby: ready (PID 4242)" or
"warming", and how often a standby took over.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tray_app.watchdog.roles import StandbyInfo, StandbyState
from tray_app.watchdog.snapshot import Snapshot


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh).
    return QCoreApplication.translate("", text)


def standby_state_text(info: StandbyInfo | None) -> str:
    """ "ready (PID 4242)", "warming (PID 4242)", or "none"."""
    if info is None:
        return _tr("none")
    if info.state is StandbyState.READY:
        return _tr("ready (PID {pid})").format(pid=info.pid)
    return _tr("warming (PID {pid})").format(pid=info.pid)


def standby_line(snapshot: Snapshot) -> str | None:
    """ "Standby: ready (PID 4242)"; None while there is no standby process."""
    if snapshot.standby is None:
        return None
    return _tr("Standby: {state}").format(state=standby_state_text(snapshot.standby))


def promotions_line(snapshot: Snapshot) -> str | None:
    """ "Standby took over: 2"; None until one did."""
    if not snapshot.promotions:
        return None
    return _tr("Standby took over: {count}").format(count=snapshot.promotions)
