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
    M.W_DISK_DB_TITLE: (
        "Low disk space (database)",
        "Wenig Speicherplatz (Datenbank)",
    ),
    M.W_DISK_DB_HINT: (
        "free disk on {volume} is {free_gb:.1f} GB, below {threshold_gb:.1f} GB: the database will stop growing when it is full",
        "Auf {volume} sind nur noch {free_gb:.1f} GB frei, weniger als {threshold_gb:.1f} GB: Ist der Datenträger voll, kann die Datenbank nicht mehr wachsen",
    ),
    M.W_DISK_DB_LOGS_HINT: (
        "free disk on {volume} is {free_gb:.1f} GB, below {threshold_gb:.1f} GB: the database will stop growing when it is full and the logs will stop recording",
        "Auf {volume} sind nur noch {free_gb:.1f} GB frei, weniger als {threshold_gb:.1f} GB: Ist der Datenträger voll, kann die Datenbank nicht mehr wachsen und die Protokolle zeichnen nichts mehr auf",
    ),
    M.W_DISK_LOGS_TITLE: (
        "Low disk space (logs)",
        "Wenig Speicherplatz (Protokolle)",
    ),
    M.W_DISK_LOGS_HINT: (
        "free disk on {volume} is {free_gb:.1f} GB, below {threshold_gb:.1f} GB: the logs need room to record what happens",
        "Auf {volume} sind nur noch {free_gb:.1f} GB frei, weniger als {threshold_gb:.1f} GB: Die Protokolle brauchen Platz, um aufzuzeichnen, was geschieht",
    ),
    M.W_MEMORY_TITLE: (
        "Low memory",
        "Wenig Arbeitsspeicher",
    ),
    M.W_MEMORY_HINT: (
        "only {available_mb:.0f} MB of memory is available, below {threshold_mb:.0f} MB: programs may slow down or be stopped by the system",
        "Nur noch {available_mb:.0f} MB Arbeitsspeicher frei, weniger als {threshold_mb:.0f} MB: Programme können langsam werden oder vom System beendet werden",
    ),
    M.W_RSS_TITLE: (
        "Backend uses much memory",
        "ERP-System belegt viel Arbeitsspeicher",
    ),
    M.W_RSS_HINT: (
        "the backend uses {rss_mb:.0f} MB of memory, above {threshold_mb:.0f} MB",
        "Das ERP-System belegt {rss_mb:.0f} MB Arbeitsspeicher, mehr als {threshold_mb:.0f} MB",
    ),
    M.W_GROWTH_TITLE: (
        "Backend memory keeps growing",
        "Arbeitsspeicher des ERP-Systems wächst ständig",
    ),
    M.W_GROWTH_HINT: (
        "the backend's memory grows steadily by {growth_mb:.0f} MB per hour: a leak that will end in a crash; plan a restart at a quiet time",
        "Der Arbeitsspeicher des ERP-Systems wächst stetig um {growth_mb:.0f} MB pro Stunde: Das endet in einem Absturz; planen Sie einen Neustart zu einer ruhigen Zeit",
    ),
    M.W_LATENCY_TITLE: (
        "Backend answers slowly",
        "ERP-System antwortet langsam",
    ),
    M.W_LATENCY_HINT: (
        "health checks take {latency_ms:.0f} ms (95th percentile), above {threshold_ms:.0f} ms: users will notice the ERP being slow",
        "Prüfungen dauern {latency_ms:.0f} ms (95. Perzentil), mehr als {threshold_ms:.0f} ms: Die Benutzer merken, dass das ERP-System langsam ist",
    ),
    M.W_RISING_TITLE: (
        "Backend is getting slower",
        "ERP-System wird langsamer",
    ),
    M.W_RISING_HINT: (
        "health checks are {factor:.1f} times slower than before",
        "Prüfungen sind {factor:.1f}-mal langsamer als vorher",
    ),
    M.W_CPU_TITLE: (
        "Backend keeps the processor busy",
        "ERP-System lastet den Prozessor aus",
    ),
    M.W_CPU_HINT: (
        "the backend's processes use {cpu_percent:.0f}% of a processor core (above {threshold_percent:.0f}%) for more than {sustained_s:.0f} s",
        "Die Prozesse des ERP-Systems belegen {cpu_percent:.0f} % eines Prozessorkerns (mehr als {threshold_percent:.0f} %) seit mehr als {sustained_s:.0f} s",
    ),
    M.W_DB_SIZE_TITLE: (
        "Database is large",
        "Datenbank ist groß",
    ),
    M.W_DB_SIZE_HINT: (
        "the database file is {size_mb:.0f} MB, above {threshold_mb:.0f} MB",
        "Die Datenbankdatei ist {size_mb:.0f} MB groß, mehr als {threshold_mb:.0f} MB",
    ),
    M.W_WAL_TITLE: (
        "Database journal is large",
        "Datenbank-Journal ist groß",
    ),
    M.W_WAL_HINT: (
        "the database's write-ahead log is {size_mb:.0f} MB, above {threshold_mb:.0f} MB: a long-running reader may keep it from being checkpointed",
        "Das Journal der Datenbank (WAL) ist {size_mb:.0f} MB groß, mehr als {threshold_mb:.0f} MB: Ein lange laufender Lesezugriff verhindert vielleicht, dass es zurückgeschrieben wird",
    ),
    M.W_RESTARTS_TITLE: (
        "Frequent restarts",
        "Häufige Neustarts",
    ),
    M.W_RESTARTS_HINT: (
        "the backend was restarted {restarts:.0f} times in 24 hours (more than {threshold:.0f}): look at the incidents",
        "Das ERP-System wurde in 24 Stunden {restarts:.0f}-mal neu gestartet (mehr als {threshold:.0f}): Sehen Sie sich die Störungen an",
    ),
    M.W_ERRORS_TITLE: (
        "Backend reports errors",
        "ERP-System meldet Fehler",
    ),
    M.W_ERRORS_HINT: (
        "the backend wrote {errors:.0f} error lines in the last minute (more than {threshold:.0f}): see backend.log",
        "Das ERP-System hat in der letzten Minute {errors:.0f} Fehlerzeilen geschrieben (mehr als {threshold:.0f}): Siehe Protokoll backend.log",
    ),
    M.W_DB_DEGRADED_TITLE: (
        "Database stays locked",
        "Datenbank bleibt gesperrt",
    ),
    M.W_DB_DEGRADED_HINT: (
        "the backend has reported its database as not usable for {seconds:.0f} s (more than {threshold_s:.0f} s): another program may hold the database file",
        "Das ERP-System meldet seine Datenbank seit {seconds:.0f} s als nicht nutzbar (mehr als {threshold_s:.0f} s): Vielleicht hält ein anderes Programm die Datenbankdatei",
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
    # The backup rules of the early warning.
    M.W_BACKUP_AGE_TITLE: (
        "No recent backup",
        "Keine aktuelle Sicherung",
    ),
    M.W_BACKUP_AGE_HINT: (
        "no good backup of the database for {hours:.0f} h (more than {threshold_h:.0f} h): make one with Backups… in the tray menu, and look in the log for why the daily backup is missing",
        "Seit {hours:.0f} Stunden gibt es keine gute Sicherung der Datenbank (mehr als {threshold_h:.0f} h): Legen Sie mit „Sicherungen…“ im Menü des Symbols in der Taskleiste eine an, und sehen Sie im Protokoll nach, warum die tägliche Sicherung fehlt",
    ),
    M.W_BACKUP_DISK_TITLE: (
        "Backups on a nearly full disk",
        "Sicherungen auf einem fast vollen Datenträger",
    ),
    M.W_BACKUP_DISK_HINT: (
        "the backups are on {volume}, the database's own disk, with only {free_gb:.1f} GB free (below {threshold_gb:.1f} GB): when it is full, the database and its backups fail together; choose a backup folder on another drive in the settings",
        "Die Sicherungen liegen auf {volume}, demselben Datenträger wie die Datenbank, und dort sind nur noch {free_gb:.1f} GB frei (weniger als {threshold_gb:.1f} GB): Ist er voll, fallen Datenbank und Sicherungen zugleich aus. Wählen Sie in den Einstellungen einen Sicherungsordner auf einem anderen Laufwerk",
    ),
}
