# ruff: noqa: E501  (one sentence per line: wrapped, a text could not be found with grep)
"""The engine's words in English and German, side by side so that they stay in step.

English is what the log files say (keep its vocabulary stable: logs are searched); German is
for office staff: "Sie", short, the plain words first and the technical detail after them.
"""

from __future__ import annotations

from tray_app.i18n.message_ids import MessageId as M

ENGINE_TEXTS: dict[M, tuple[str, str]] = {
    M.NOT_STARTED: (
        "not started",
        "nicht gestartet",
    ),
    M.START_STARTUP: (
        "starting the backend",
        "ERP-System wird gestartet",
    ),
    M.START_AGAIN: (
        "starting the backend again",
        "ERP-System wird erneut gestartet",
    ),
    M.START_COOLDOWN: (
        "one more try after giving up",
        "noch ein Versuch nach dem Aufgeben",
    ),
    M.START_RETRY: (
        "trying again",
        "neuer Versuch",
    ),
    M.START_USER: (
        "started by the user",
        "von Ihnen gestartet",
    ),
    M.START_RESUMED: (
        "watchdog resumed; starting the backend",
        "Überwachung fortgesetzt; ERP-System wird gestartet",
    ),
    M.START_RESTARTING: (
        "restarting the backend",
        "ERP-System wird neu gestartet",
    ),
    M.START_AFTER_PORT_HOLDER: (
        "stopped {holder}; starting",
        "{holder} beendet; ERP-System wird gestartet",
    ),
    M.STARTED_PID: (
        "{what} (PID {pid})",
        "{what} (PID {pid})",
    ),
    M.THE_OTHER_PROGRAM: (
        "the other program",
        "das andere Programm",
    ),
    M.ANOTHER_PROGRAM: (
        "another program",
        "ein anderes Programm",
    ),
    M.SPAWN_FAILED: (
        "the backend could not be started: {error}",
        "Das ERP-System konnte nicht gestartet werden: {error}",
    ),
    M.PORT_USED: (
        "port {port} is used by another program",
        "Port {port} ist von einem anderen Programm belegt",
    ),
    M.PORT_USED_BY: (
        "port {port} is used by {name} (PID {pid})",
        "Port {port} ist belegt von {name} (PID {pid})",
    ),
    M.STALE_REPLACED: (
        "stopped a backend left by an earlier run (PID {pid})",
        "Ein ERP-System aus einem früheren Lauf wurde beendet (PID {pid})",
    ),
    M.STOP_USER: (
        "stopping the backend on request",
        "ERP-System wird auf Ihren Wunsch beendet",
    ),
    M.STOP_RESTART_USER: (
        "restarting the backend on request",
        "ERP-System wird auf Ihren Wunsch neu gestartet",
    ),
    M.STOP_NEW_SETTINGS: (
        "applying new settings",
        "neue Einstellungen werden übernommen",
    ),
    M.STOP_SHUTDOWN: (
        "supervisor quitting",
        "ERP Guardian wird beendet",
    ),
    M.STOPPED_ON_REQUEST: (
        "stopped on request",
        "auf Ihren Wunsch beendet",
    ),
    M.SUPERVISOR_STOPPED: (
        "supervisor stopped",
        "ERP Guardian wurde beendet",
    ),
    M.PAUSED: (
        "watchdog paused: the backend is not checked or restarted",
        "Überwachung angehalten: Das ERP-System wird nicht geprüft und nicht neu gestartet",
    ),
    M.RESUMED: (
        "watchdog resumed",
        "Überwachung fortgesetzt",
    ),
    M.KILLED: (
        "killed the backend's process tree (PID {pid}): it did not stop in time",
        "Das ERP-System wurde zwangsweise beendet (PID {pid}): Es hat sich nicht rechtzeitig beendet",
    ),
    M.EXIT_SIGNAL: (
        "killed by {signal}",
        "Signal {signal}",
    ),
    M.EXIT_CODE: (
        "exit code {code}",
        "Exit-Code {code}",
    ),
    M.EXITED: (
        "backend ended: {how}",
        "Das ERP-System wurde beendet ({how})",
    ),
    M.EXITED_PAUSED: (
        "backend ended while paused: {how}",
        "Das ERP-System wurde während der Pause beendet ({how})",
    ),
    M.RESTARTING: (
        "{cause}; restarting {when} (attempt {attempt} of {max_restarts})",
        "{cause}; Neustart {when} (Versuch {attempt} von {max_restarts})",
    ),
    M.WHEN_NOW: (
        "now",
        "sofort",
    ),
    M.WHEN_IN: (
        "in {seconds:g} s",
        "in {seconds:g} s",
    ),
    M.HUNG_STOPPED: (
        "hung backend stopped: {how}",
        "Das hängende ERP-System wurde beendet ({how})",
    ),
    M.STOPPED: (
        "backend stopped: {how}",
        "ERP-System beendet ({how})",
    ),
    M.GAVE_UP: (
        "gave up after {max_restarts} restarts within {window_s:g} s; {retry}",
        "Nach {max_restarts} Neustarts innerhalb von {window_s:g} s aufgegeben; {retry}",
    ),
    M.RETRY_NONE: (
        "no automatic retry: restart it by hand",
        "kein automatischer neuer Versuch: Bitte starten Sie es selbst neu",
    ),
    M.RETRY_AT: (
        "one more try at {time}",
        "noch ein Versuch um {time}",
    ),
    M.RECOVERED: (
        "back after an outage of {outage_s:.1f} s",
        "wieder erreichbar nach {outage_s:.1f} s Ausfall",
    ),
    M.RECOVERED_DEGRADED: (
        "back after an outage of {outage_s:.1f} s, but {detail}",
        "wieder erreichbar nach {outage_s:.1f} s Ausfall, aber {detail}",
    ),
    M.CHECK_FAILED: (
        "check {failures} of {threshold} failed: {detail}",
        "Prüfung {failures} von {threshold} fehlgeschlagen: {detail}",
    ),
    M.CHECK_FAILED_GRACE: (
        "not healthy within the startup grace; {detail}",
        "nach dem Start nicht rechtzeitig bereit; {detail}",
    ),
    M.HUNG: (
        "backend hung ({detail})",
        "Das ERP-System hängt ({detail})",
    ),
    M.BUDGET_RESTORED: (
        "stable for {seconds:g} s: restart budget restored",
        "seit {seconds:g} s stabil: Neustart-Zähler zurückgesetzt",
    ),
    M.PROBE_TIMEOUT: (
        "no answer within {timeout_s:g} s",
        "keine Antwort innerhalb von {timeout_s:g} s",
    ),
    M.PROBE_REFUSED: (
        "connection refused",
        "Verbindung abgelehnt",
    ),
    M.PROBE_HTTP_STATUS: (
        "{detail}",
        "Fehlerantwort ({detail})",
    ),
    M.PROBE_BAD_RESPONSE: (
        "{detail}",
        "ungültige Antwort ({detail})",
    ),
    M.PROBE_CONNECTION_ERROR: (
        "{detail}",
        "Verbindungsfehler ({detail})",
    ),
    M.PROBE_ANSWERS: (
        "answers in {latency_ms:.0f} ms",
        "antwortet in {latency_ms:.0f} ms",
    ),
    M.PROBE_ANSWERED_PLAIN: (
        "answered (not JSON)",
        "antwortet (kein JSON)",
    ),
    M.PROBE_DEGRADED: (
        "degraded",
        "eingeschränkt",
    ),
    M.PROBE_DEGRADED_CHECKS: (
        "degraded ({checks})",
        "eingeschränkt ({checks})",
    ),
    M.WARNING_CLEARED: (
        "{title}: back to normal ({value:g} {unit})",
        "{title}: wieder normal ({value:g} {unit})",
    ),
    M.RESTART_RSS_LIMIT: (
        "restarting the backend: it uses {rss_mb:.1f} MB, above the hard limit of {limit_mb:g} MB",
        "Das ERP-System wird neu gestartet: Es belegt {rss_mb:.1f} MB Arbeitsspeicher, mehr als die Grenze von {limit_mb:g} MB",
    ),
    M.RESTART_SCHEDULED: (
        "daily restart at {when}, as configured",
        "täglicher Neustart um {when}, wie eingestellt",
    ),
    M.INCIDENT: (
        "incident {id}: {what}; {outcome}",
        "Störung {id}: {what}; {outcome}",
    ),
    M.INCIDENT_RECOVERED: (
        "recovered after {outage_s:.1f} s",
        "nach {outage_s:.1f} s wiederhergestellt",
    ),
    M.INCIDENT_NOT_RECOVERED: (
        "not recovered: {detail}",
        "nicht wiederhergestellt: {detail}",
    ),
    # The warm standby.
    M.STANDBY_WARMING: (
        "warming a standby backend (PID {pid})",
        "Ein Ersatzprozess wird vorbereitet (PID {pid})",
    ),
    M.STANDBY_READY: (
        "the standby (PID {pid}) is ready after {warm_ms:.0f} ms",
        "Der Ersatzprozess ist bereit (PID {pid}, nach {warm_ms:.0f} ms)",
    ),
    M.PROMOTED: (
        "the standby (PID {pid}) took over",
        "Der Ersatzprozess hat übernommen (PID {pid})",
    ),
    M.STOP_DATABASE_DAMAGED: (
        "the database is damaged: stopping the standby that took over (PID {pid})",
        "Die Datenbank ist beschädigt: Der Ersatzprozess, der übernommen hat, wird beendet (PID {pid})",
    ),
    M.INCIDENT_SERVED_BY_STANDBY: (
        "served by the standby after {ms} ms",
        "nach {ms} ms vom Ersatzprozess übernommen",
    ),
    M.STANDBY_PROMOTIONS: (
        "{count} of them by the standby taking over",
        "davon {count} durch Übernahme des Ersatzprozesses",
    ),
    M.STANDBY_SPAWN_FAILED: (
        "no standby: it could not be started: {error}",
        "Kein Ersatzprozess: Er konnte nicht gestartet werden: {error}",
    ),
    M.STANDBY_EXITED: (
        "the standby (PID {pid}) ended: {how}; a new one is warmed",
        "Der Ersatzprozess wurde beendet (PID {pid}, {how}); ein neuer wird vorbereitet",
    ),
    M.STANDBY_NOT_READY: (
        "the standby (PID {pid}) did not get ready within {grace_s:g} s; a new one is warmed",
        "Der Ersatzprozess ist nicht innerhalb von {grace_s:g} s bereit geworden (PID {pid}); ein neuer wird vorbereitet",
    ),
    M.STANDBY_NOT_ANSWERING: (
        "the standby (PID {pid}) did not answer for {silent_s:.1f} s; a new one is warmed",
        "Der Ersatzprozess hat {silent_s:.1f} s lang nicht geantwortet (PID {pid}); ein neuer wird vorbereitet",
    ),
    M.STANDBY_NOT_WANTED: (
        "standby (PID {pid}) ended: the standby is not wanted with these settings",
        "Der Ersatzprozess wurde beendet (PID {pid}): Mit diesen Einstellungen wird kein Ersatzprozess verwendet",
    ),
    M.STANDBY_BACKEND_STOPPED: (
        "standby (PID {pid}) ended: the backend was stopped",
        "Der Ersatzprozess wurde beendet (PID {pid}), weil das ERP-System beendet wurde",
    ),
    M.STANDBY_SHUTDOWN: (
        "standby (PID {pid}) ended: the guardian is shutting down",
        "Der Ersatzprozess wurde beendet (PID {pid}), weil ERP Guardian beendet wird",
    ),
}
