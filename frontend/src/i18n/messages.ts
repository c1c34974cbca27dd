/**
 * The one message catalogue of the page: every text a user reads comes from here.
 *
 * `en` defines the keys; `de` must translate every one of them (the compiler checks it).
 * Placeholders are written `{name}` and filled by `t(key, params)`.
 */

const en = {
  "app.title": "ERP Guardian",
  "app.subtitle": "Status of the ERP backend",
  "app.loading": "Loading the status…",

  "refresh.button": "Refresh",
  "refresh.interval": "Update every",
  "refresh.intervalOption": "{seconds} s",
  "refresh.lastUpdate": "Updated {time}",
  "refresh.never": "Not updated yet",
  "refresh.hidden": "Paused while the page is hidden",

  "error.watchdog": "ERP Guardian does not answer ({detail}). The figures shown are from {time}.",
  "error.watchdogNoData": "ERP Guardian does not answer ({detail}). Is the tray app running?",
  "error.unexpectedAnswer": "the backend's port answers, but not with the ERP backend's status",

  "state.stopped": "Stopped",
  "state.starting": "Starting",
  "state.healthy": "Healthy",
  "state.degraded": "Degraded",
  "state.unhealthy": "Not answering",
  "state.stopping": "Stopping",
  "state.backoff": "Waiting to restart",
  "state.gave_up": "Gave up",
  "state.blocked": "Cannot start",
  "state.paused": "Paused",

  "watchdog.title": "Watchdog",
  "watchdog.uptime": "Uptime",
  "watchdog.restarts": "Restarts",
  "watchdog.pid": "Process ID",
  "watchdog.checkLatency": "Health check",
  "watchdog.lastCheck": "Last check",
  "watchdog.lastFailure": "Last failure",
  "watchdog.none": "–",
  "watchdog.standby": "Standby",
  "watchdog.standbyReady": "ready (PID {pid})",
  "watchdog.standbyWarming": "warming (PID {pid})",
  "watchdog.promotions": "Standby took over",

  "outage.title": "The ERP backend does not answer",
  "outage.starting": "Starting the backend",
  "outage.restarting": "Restarting, attempt {attempt} of {max}",
  "outage.waiting": "Waiting {seconds} s before the next start",
  "outage.waitingAttempt": "Waiting {seconds} s before the next start (attempt {attempt} of {max})",
  "outage.gaveUp": "Gave up at {time}: open the logs",
  "outage.gaveUpHint": "The backend failed too often in a short time. Fix the cause, then start it again.",
  "outage.nextTry": "Next automatic try at {time}.",
  "outage.blocked": "The backend cannot be started",
  "outage.portHolder": "Port {port} is used by {name} (PID {pid})",
  "outage.portHolderOurs": "Port {port} is held by a backend left from an earlier run (PID {pid})",
  "outage.portHolderUnknown": "Port {port} is used by another program",
  "outage.unhealthy": "The backend does not answer: {failures} of {threshold} checks failed",
  "outage.stopping": "Stopping the backend",
  "outage.stopped": "The backend is stopped",
  "outage.paused": "The watchdog is paused; the backend is left as it is",
  "outage.running": "The watchdog sees the backend running, but its status does not answer",
  "outage.lastFailure": "Last failure: {reason} – {detail}",
  "outage.statusDetail": "Status request: {detail}",
  "outage.staleFigures": "Last known figures from {time}",

  "degraded.title": "The backend answers but reports a problem",
  "degraded.databaseError": "Database: {detail}",

  "reason.user": "user action",
  "reason.startup": "start-up",
  "reason.exit_code": "exit code",
  "reason.signal": "signal",
  "reason.timeout": "timeout",
  "reason.connection_refused": "connection refused",
  "reason.connection_error": "connection error",
  "reason.http_status": "HTTP error",
  "reason.bad_response": "bad answer",
  "reason.dependency": "dependency failed",
  "reason.check_passed": "check passed",
  "reason.hang": "hang",
  "reason.startup_grace": "no answer after start",
  "reason.port_in_use": "port in use",
  "reason.spawn_failed": "could not start",
  "reason.restart_limit": "restart limit",
  "reason.cooldown": "retry after pause",
  "reason.stop_timeout": "stop timeout",
  "reason.stable": "stable",
  "reason.shutdown": "shutdown",
  "reason.stats": "statistics",
  "reason.log_io": "log file error",
  "reason.early_warning": "early warning",
  "reason.rss_limit": "memory limit",
  "reason.scheduled": "daily restart",
  "reason.database_damaged": "database damaged",

  "event.starting": "Started",
  "event.healthy": "Healthy",
  "event.recovered": "Recovered",
  "event.degraded": "Degraded",
  "event.check_failed": "Check failed",
  "event.hung": "Hung",
  "event.exited": "Exited",
  "event.stopping": "Stopping",
  "event.stopped": "Stopped",
  "event.killed": "Killed",
  "event.backoff": "Waiting",
  "event.gave_up": "Gave up",
  "event.blocked": "Blocked",
  "event.paused": "Paused",
  "event.resumed": "Resumed",
  "event.stale_replaced": "Old backend replaced",
  "event.budget_restored": "Restart budget restored",
  "event.stats": "Statistics",
  "event.log_error": "Log error",
  "event.warning": "Warning",
  "event.warning_cleared": "Warning cleared",
  "event.incident": "Incident report",
  "event.backup": "Backup taken",
  "event.backup_failed": "Backup failed",
  "event.database_damaged": "Database damaged",
  "event.standby_warming": "Standby starting",
  "event.standby_ready": "Standby ready",
  "event.standby_replaced": "Standby replaced",
  "event.promoted": "Standby took over",

  "events.title": "Recent restarts",
  "events.none": "No restarts recorded.",
  "events.outage": "down {seconds} s",
  "events.actionRestart": "Restart",

  "warnings.title": "Active warnings",
  "warnings.figures": "{value}, threshold {threshold} · since {since}",
  "warnings.markOne": "1 active warning",
  "warnings.markMany": "{count} active warnings",
  "warnings.newOne": "New warning: {titles}",
  "warnings.newMany": "New warnings: {titles}",

  "rule.disk_free_db": "Low disk space (database)",
  "rule.disk_free_logs": "Low disk space (logs)",
  "rule.memory_available": "Low memory",
  "rule.backend_rss": "Backend uses much memory",
  "rule.backend_rss_growth": "Backend memory keeps growing",
  "rule.latency_p95": "Backend answers slowly",
  "rule.latency_rising": "Backend is getting slower",
  "rule.cpu_sustained": "Processor busy",
  "rule.db_size": "Database is large",
  "rule.wal_size": "Database journal is large",
  "rule.restarts_24h": "Frequent restarts",
  "rule.errors_per_minute": "Backend reports errors",

  "measure.gb": "{value} GB",
  "measure.mb": "{value} MB",
  "measure.mbPerHour": "{value} MB/h",
  "measure.ms": "{value} ms",
  "measure.factor": "{value}×",
  "measure.percent": "{value}%",
  "measure.restarts": "{value} restarts",
  "measure.perMinute": "{value}/min",
  "measure.other": "{value} {unit}",

  "incidents.title": "Recent incidents",
  "incidents.none": "No incidents recorded.",
  "incidents.recovered": "Recovered in {duration}",
  "incidents.notRecovered": "Not recovered",

  "incident.title": "Incident of {time}",
  "incident.loading": "Loading the report…",
  "incident.failed": "The report could not be loaded: {detail}",
  "incident.what": "What happened",
  "incident.reason": "Reason",
  "incident.started": "Started",
  "incident.ended": "Ended",
  "incident.outcome": "Outcome",
  "incident.timeline": "Timeline",
  "incident.figures": "Figures just before",
  "incident.noFigures": "None measured.",
  "incident.output": "Last output of the backend ({count} lines)",
  "incident.noOutput": "The backend printed nothing.",
  "incident.close": "Close",

  "figure.db_volume": "Database volume",
  "figure.db_volume_free_bytes": "Free on the database volume",
  "figure.log_volume": "Log volume",
  "figure.log_volume_free_bytes": "Free on the log volume",
  "figure.memory_available_bytes": "Available memory",
  "figure.cpu_percent": "CPU",
  "figure.backend_rss_bytes": "Backend memory",
  "figure.rss_growth_mb_per_hour": "Backend memory growth",
  "figure.latency_p95_ms": "Health check (95th percentile)",
  "figure.latency_rise_factor": "Health check slowdown",
  "figure.db_bytes": "Database file",
  "figure.wal_bytes": "WAL file",
  "figure.restarts_24h": "Restarts in 24 hours",
  "figure.errors_per_minute": "Error lines per minute",

  "cpu.title": "CPU",
  "cpu.overall": "Overall",
  "cpu.core": "Core {index}",
  "cpu.cores": "{count} cores",
  "cpu.load": "Load {values}",

  "memory.title": "Memory",
  "memory.ram": "RAM",
  "memory.swap": "Swap",
  "memory.noSwap": "No swap",
  "memory.usedOf": "{used} of {total}",

  "disk.title": "Disk",
  "disk.free": "{free} free",

  "database.title": "Database",
  "database.size": "Size",
  "database.sizeDetail": "{file} file + {wal} WAL",
  "database.latency": "Query latency",
  "database.integrity": "Integrity",
  "database.integrityOk": "OK",
  "database.integrityFailed": "Failed: {result}",
  "database.checkedAt": "checked {time}",
  "database.table": "Table",
  "database.rows": "Rows",
  "database.noTables": "No tables",
  "database.error": "The database could not be read: {detail}",

  "process.title": "Backend process",
  "process.host": "Host",
  "process.version": "Version",
  "process.memory": "Memory",
  "process.threads": "Threads",
  "process.uptime": "Uptime",
  "process.cache": "Status cache",
  "process.cacheAge": "Figures {age} old",

  "figures.unavailable": "Not available",
  "figures.errors": "Some figures could not be read",

  "history.title": "Last 10 minutes",
  "history.cpu": "CPU",
  "history.ram": "RAM",
  "history.latency": "Health check latency",
  "history.empty": "Collecting…",

  "actions.restart": "Restart backend",
  "actions.stop": "Stop backend",
  "actions.start": "Start backend",
  "actions.pause": "Pause watchdog",
  "actions.resume": "Resume watchdog",
  "actions.resetCache": "Reset status cache",
  "actions.accepted.restart": "Restart requested",
  "actions.accepted.stop": "Stop requested",
  "actions.accepted.start": "Start requested",
  "actions.accepted.pause": "Pause requested",
  "actions.accepted.resume": "Resume requested",
  "actions.resetDone": "Status cache cleared",
  "actions.forbidden": "The page's token was refused: open the page again from the tray menu.",
  "actions.failed": "Failed: {detail}",
  "actions.confirmStopTitle": "Stop the ERP backend?",
  "actions.confirmStopBody": "Nobody can work with the ERP until it is started again.",
  "actions.cancel": "Cancel",
  "actions.confirmStop": "Stop",

  "unit.bytes": "{value} B",
  "unit.kb": "{value} KB",
  "unit.mb": "{value} MB",
  "unit.gb": "{value} GB",
  "unit.tb": "{value} TB",
  "unit.ms": "{value} ms",
  "unit.s": "{value} s",

  // Guided fixes (issue 12): what a yellow or red state means, and what helps.
  "guidance.label": "What happened and what you can do",
  "guidance.starting.title": "The ERP system is starting",
  "guidance.starting.text": "This usually takes a few seconds. Nothing to do.",
  "guidance.stopping.title": "The ERP system is stopping",
  "guidance.stopping.text": "It is being shut down and will be restarted if needed. Nothing to do.",
  "guidance.not_answering.title": "The ERP system does not answer",
  "guidance.not_answering.text":
    "{failures} of {threshold} checks failed. If it stays silent, ERP Guardian restarts it by itself.",
  "guidance.restarting.title": "The ERP system stopped and is being restarted",
  "guidance.restarting.text": "ERP Guardian starts it again shortly. Its last output is shown below.",
  "guidance.degraded.title": "The ERP system works with restrictions",
  "guidance.degraded.text": "A part it needs is not available. A restart would not help; see below why.",
  "guidance.database_locked.title": "The database is locked by another program",
  "guidance.database_locked.text":
    "The ERP system cannot write to {database} because the program below holds it. Close that program or finish what it is doing; the ERP system then works normally again by itself.",
  "guidance.gave_up.title": "The ERP system keeps stopping: ERP Guardian has stopped restarting it",
  "guidance.gave_up.text": "Its last output is shown below. Look at the log for more, fix the cause, then try again.",
  "guidance.missing_module.title": "A part of the ERP system is missing",
  "guidance.missing_module.text":
    "The ERP system needs the Python module “{module}”, which is not installed. “Check and fix” can install it.",
  "guidance.missing_program.title": "The ERP program was not found",
  "guidance.missing_program.text":
    "“{program}” does not exist on this computer. Check the command in the settings, or let “Check and fix” look for the problem.",
  "guidance.port_in_use.title": "Another program uses the ERP system's port",
  "guidance.port_in_use.text": "Port {port} is used by {holder}.",
  "guidance.cannot_start.title": "The ERP system cannot be started",
  "guidance.cannot_start.text": "The reason is shown below. “Check and fix” can look for the problem.",
  "guidance.otherProgram": "another program",
  "guidance.tryAgain": "Try again",
  "guidance.openLog":
    "The full log: in the tray icon's menu, “Log viewer”; the incident reports are listed on this page.",
  "guidance.checkAndFix": "“Check and fix” is in the tray icon's menu, on the computer running ERP Guardian.",
  "guidance.stopPortHolder": "To stop that program, use “Stop that program…” in the tray icon's menu.",

  "incident.stackDump": "Stack dump",
  "incident.stackDumpTaken": "Taken {ms} ms after the hang was noticed, before the backend was stopped.",
  "incident.stackDumpOwn": "The backend wrote its own stack dump to its output: see its last lines below.",
  "incident.noStackDump.no_tool": "No stack dump: py-spy is not installed.",
  "incident.noStackDump.not_python": "No stack dump: the backend is not a Python program.",
  "incident.noStackDump.no_permission": "No stack dump: the system did not allow reading the backend.",
  "incident.noStackDump.timed_out": "No stack dump: py-spy did not answer in time.",
  "incident.noStackDump.failed": "No stack dump: py-spy could not read the backend ({detail}).",
  "figure.backend_cpu_percent": "Backend CPU (one core = 100 %)",
  "figure.db_degraded_s": "Database not usable for (s)",
  "rule.db_degraded": "Database stays locked",

  // Backups of the ERP's database (issue 15): the status line, the guidance, the warnings.
  "backups.lastGood": "Last good backup: {ago}",
  "backups.tooOld": "Last good backup: {ago} (older than {hours} hours)",
  "backups.none": "No backup yet",
  "backups.noneGood": "No good backup: every backup failed its check",
  "guidance.database_damaged.title": "The database is damaged",
  "guidance.database_damaged.text":
    "After the ERP system ended unexpectedly, a check of {database} found damage (shown below). It was not started again, so that nothing is written into the damaged file. You can restore the last good backup, or start it anyway.",
  "guidance.restoreBackup":
    "Restore a backup in the tray's Backups window, or with “erp-guardian backup restore ID” on the computer running ERP Guardian.",
  "rule.backup_age": "No recent backup",
  "rule.backup_disk": "Backups on a nearly full disk",
  "figure.backup_age_s": "Since the last good backup",
  "figure.backup_shared_volume": "Volume of database and backups",
  "figure.backup_volume_free_bytes": "Free on the backups' volume",
};

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  "app.title": "ERP Guardian",
  "app.subtitle": "Status des ERP-Backends",
  "app.loading": "Status wird geladen…",

  "refresh.button": "Aktualisieren",
  "refresh.interval": "Aktualisieren alle",
  "refresh.intervalOption": "{seconds} s",
  "refresh.lastUpdate": "Aktualisiert {time}",
  "refresh.never": "Noch nicht aktualisiert",
  "refresh.hidden": "Pausiert, solange die Seite verborgen ist",

  "error.watchdog": "ERP Guardian antwortet nicht ({detail}). Die Werte stammen von {time}.",
  "error.watchdogNoData": "ERP Guardian antwortet nicht ({detail}). Läuft die Tray-App?",
  "error.unexpectedAnswer":
    "der Port des Backends antwortet, aber nicht mit dem Status des ERP-Backends",

  "state.stopped": "Gestoppt",
  "state.starting": "Startet",
  "state.healthy": "In Ordnung",
  "state.degraded": "Eingeschränkt",
  "state.unhealthy": "Antwortet nicht",
  "state.stopping": "Wird gestoppt",
  "state.backoff": "Wartet auf Neustart",
  "state.gave_up": "Aufgegeben",
  "state.blocked": "Start nicht möglich",
  "state.paused": "Pausiert",

  "watchdog.title": "Watchdog",
  "watchdog.uptime": "Laufzeit",
  "watchdog.restarts": "Neustarts",
  "watchdog.pid": "Prozess-ID",
  "watchdog.checkLatency": "Health-Check",
  "watchdog.lastCheck": "Letzte Prüfung",
  "watchdog.lastFailure": "Letzter Fehler",
  "watchdog.none": "–",
  "watchdog.standby": "Ersatzprozess",
  "watchdog.standbyReady": "bereit (PID {pid})",
  "watchdog.standbyWarming": "wird vorbereitet (PID {pid})",
  "watchdog.promotions": "Übernahmen durch den Ersatzprozess",

  "outage.title": "Das ERP-Backend antwortet nicht",
  "outage.starting": "Backend wird gestartet",
  "outage.restarting": "Neustart, Versuch {attempt} von {max}",
  "outage.waiting": "Warte {seconds} s bis zum nächsten Start",
  "outage.waitingAttempt": "Warte {seconds} s bis zum nächsten Start (Versuch {attempt} von {max})",
  "outage.gaveUp": "Um {time} aufgegeben: bitte die Logs öffnen",
  "outage.gaveUpHint":
    "Das Backend ist in kurzer Zeit zu oft ausgefallen. Ursache beheben, dann erneut starten.",
  "outage.nextTry": "Nächster automatischer Versuch um {time}.",
  "outage.blocked": "Das Backend kann nicht gestartet werden",
  "outage.portHolder": "Port {port} wird von {name} belegt (PID {pid})",
  "outage.portHolderOurs":
    "Port {port} ist von einem Backend eines früheren Laufs belegt (PID {pid})",
  "outage.portHolderUnknown": "Port {port} wird von einem anderen Programm belegt",
  "outage.unhealthy": "Das Backend antwortet nicht: {failures} von {threshold} Prüfungen fehlgeschlagen",
  "outage.stopping": "Backend wird gestoppt",
  "outage.stopped": "Das Backend ist gestoppt",
  "outage.paused": "Der Watchdog ist pausiert; das Backend bleibt, wie es ist",
  "outage.running": "Der Watchdog sieht das Backend laufen, aber sein Status antwortet nicht",
  "outage.lastFailure": "Letzter Fehler: {reason} – {detail}",
  "outage.statusDetail": "Statusabfrage: {detail}",
  "outage.staleFigures": "Zuletzt bekannte Werte von {time}",

  "degraded.title": "Das Backend antwortet, meldet aber ein Problem",
  "degraded.databaseError": "Datenbank: {detail}",

  "reason.user": "Benutzeraktion",
  "reason.startup": "Programmstart",
  "reason.exit_code": "Exit-Code",
  "reason.signal": "Signal",
  "reason.timeout": "Zeitüberschreitung",
  "reason.connection_refused": "Verbindung abgelehnt",
  "reason.connection_error": "Verbindungsfehler",
  "reason.http_status": "HTTP-Fehler",
  "reason.bad_response": "ungültige Antwort",
  "reason.dependency": "Abhängigkeit ausgefallen",
  "reason.check_passed": "Prüfung bestanden",
  "reason.hang": "hängt",
  "reason.startup_grace": "keine Antwort nach dem Start",
  "reason.port_in_use": "Port belegt",
  "reason.spawn_failed": "Start fehlgeschlagen",
  "reason.restart_limit": "Neustart-Limit",
  "reason.cooldown": "erneuter Versuch nach Pause",
  "reason.stop_timeout": "Stopp-Zeitüberschreitung",
  "reason.stable": "stabil",
  "reason.shutdown": "Beenden",
  "reason.stats": "Statistik",
  "reason.log_io": "Fehler in der Logdatei",
  "reason.early_warning": "Frühwarnung",
  "reason.rss_limit": "Speichergrenze",
  "reason.scheduled": "täglicher Neustart",
  "reason.database_damaged": "Datenbank beschädigt",

  "event.starting": "Gestartet",
  "event.healthy": "In Ordnung",
  "event.recovered": "Wiederhergestellt",
  "event.degraded": "Eingeschränkt",
  "event.check_failed": "Prüfung fehlgeschlagen",
  "event.hung": "Hängt",
  "event.exited": "Beendet",
  "event.stopping": "Wird gestoppt",
  "event.stopped": "Gestoppt",
  "event.killed": "Abgebrochen",
  "event.backoff": "Wartet",
  "event.gave_up": "Aufgegeben",
  "event.blocked": "Blockiert",
  "event.paused": "Pausiert",
  "event.resumed": "Fortgesetzt",
  "event.stale_replaced": "Altes Backend ersetzt",
  "event.budget_restored": "Neustart-Kontingent zurückgesetzt",
  "event.stats": "Statistik",
  "event.log_error": "Log-Fehler",
  "event.warning": "Warnung",
  "event.warning_cleared": "Warnung aufgehoben",
  "event.incident": "Störungsbericht",
  "event.backup": "Sicherung erstellt",
  "event.backup_failed": "Sicherung fehlgeschlagen",
  "event.database_damaged": "Datenbank beschädigt",
  "event.standby_warming": "Ersatzprozess startet",
  "event.standby_ready": "Ersatzprozess bereit",
  "event.standby_replaced": "Ersatzprozess ersetzt",
  "event.promoted": "Ersatzprozess hat übernommen",

  "events.title": "Letzte Neustarts",
  "events.none": "Keine Neustarts verzeichnet.",
  "events.outage": "{seconds} s ausgefallen",
  "events.actionRestart": "Neustart",

  "warnings.title": "Aktive Warnungen",
  "warnings.figures": "{value}, Schwelle {threshold} · seit {since}",
  "warnings.markOne": "1 aktive Warnung",
  "warnings.markMany": "{count} aktive Warnungen",
  "warnings.newOne": "Neue Warnung: {titles}",
  "warnings.newMany": "Neue Warnungen: {titles}",

  "rule.disk_free_db": "Wenig Speicherplatz (Datenbank)",
  "rule.disk_free_logs": "Wenig Speicherplatz (Logs)",
  "rule.memory_available": "Wenig Arbeitsspeicher",
  "rule.backend_rss": "Backend braucht viel Speicher",
  "rule.backend_rss_growth": "Speicher des Backends wächst ständig",
  "rule.latency_p95": "Backend antwortet langsam",
  "rule.latency_rising": "Backend wird langsamer",
  "rule.cpu_sustained": "Prozessor ausgelastet",
  "rule.db_size": "Datenbank ist groß",
  "rule.wal_size": "Datenbank-Journal ist groß",
  "rule.restarts_24h": "Häufige Neustarts",
  "rule.errors_per_minute": "Backend meldet Fehler",

  "measure.gb": "{value} GB",
  "measure.mb": "{value} MB",
  "measure.mbPerHour": "{value} MB/h",
  "measure.ms": "{value} ms",
  "measure.factor": "{value}-fach",
  "measure.percent": "{value} %",
  "measure.restarts": "{value} Neustarts",
  "measure.perMinute": "{value}/min",
  "measure.other": "{value} {unit}",

  "incidents.title": "Letzte Störungen",
  "incidents.none": "Keine Störungen verzeichnet.",
  "incidents.recovered": "Nach {duration} wiederhergestellt",
  "incidents.notRecovered": "Nicht wiederhergestellt",

  "incident.title": "Störung vom {time}",
  "incident.loading": "Bericht wird geladen…",
  "incident.failed": "Der Bericht konnte nicht geladen werden: {detail}",
  "incident.what": "Was geschah",
  "incident.reason": "Ursache",
  "incident.started": "Beginn",
  "incident.ended": "Ende",
  "incident.outcome": "Ergebnis",
  "incident.timeline": "Ablauf",
  "incident.figures": "Werte kurz davor",
  "incident.noFigures": "Keine gemessen.",
  "incident.output": "Letzte Ausgabe des Backends ({count} Zeilen)",
  "incident.noOutput": "Das Backend hat nichts ausgegeben.",
  "incident.close": "Schließen",

  "figure.db_volume": "Datenbank-Laufwerk",
  "figure.db_volume_free_bytes": "Frei auf dem Datenbank-Laufwerk",
  "figure.log_volume": "Log-Laufwerk",
  "figure.log_volume_free_bytes": "Frei auf dem Log-Laufwerk",
  "figure.memory_available_bytes": "Verfügbarer Arbeitsspeicher",
  "figure.cpu_percent": "CPU",
  "figure.backend_rss_bytes": "Speicher des Backends",
  "figure.rss_growth_mb_per_hour": "Speicherzuwachs des Backends",
  "figure.latency_p95_ms": "Health-Check (95. Perzentil)",
  "figure.latency_rise_factor": "Verlangsamung des Health-Checks",
  "figure.db_bytes": "Datenbankdatei",
  "figure.wal_bytes": "WAL-Datei",
  "figure.restarts_24h": "Neustarts in 24 Stunden",
  "figure.errors_per_minute": "Fehlerzeilen pro Minute",

  "cpu.title": "CPU",
  "cpu.overall": "Gesamt",
  "cpu.core": "Kern {index}",
  "cpu.cores": "{count} Kerne",
  "cpu.load": "Last {values}",

  "memory.title": "Arbeitsspeicher",
  "memory.ram": "RAM",
  "memory.swap": "Auslagerung",
  "memory.noSwap": "Keine Auslagerung",
  "memory.usedOf": "{used} von {total}",

  "disk.title": "Festplatte",
  "disk.free": "{free} frei",

  "database.title": "Datenbank",
  "database.size": "Größe",
  "database.sizeDetail": "{file} Datei + {wal} WAL",
  "database.latency": "Abfragedauer",
  "database.integrity": "Integrität",
  "database.integrityOk": "OK",
  "database.integrityFailed": "Fehlerhaft: {result}",
  "database.checkedAt": "geprüft {time}",
  "database.table": "Tabelle",
  "database.rows": "Zeilen",
  "database.noTables": "Keine Tabellen",
  "database.error": "Die Datenbank konnte nicht gelesen werden: {detail}",

  "process.title": "Backend-Prozess",
  "process.host": "Rechner",
  "process.version": "Version",
  "process.memory": "Speicher",
  "process.threads": "Threads",
  "process.uptime": "Laufzeit",
  "process.cache": "Status-Cache",
  "process.cacheAge": "Werte {age} alt",

  "figures.unavailable": "Nicht verfügbar",
  "figures.errors": "Einige Werte konnten nicht gelesen werden",

  "history.title": "Letzte 10 Minuten",
  "history.cpu": "CPU",
  "history.ram": "RAM",
  "history.latency": "Dauer des Health-Checks",
  "history.empty": "Werte werden gesammelt…",

  "actions.restart": "Backend neu starten",
  "actions.stop": "Backend stoppen",
  "actions.start": "Backend starten",
  "actions.pause": "Überwachung pausieren",
  "actions.resume": "Überwachung fortsetzen",
  "actions.resetCache": "Status-Cache leeren",
  "actions.accepted.restart": "Neustart angefordert",
  "actions.accepted.stop": "Stopp angefordert",
  "actions.accepted.start": "Start angefordert",
  "actions.accepted.pause": "Pausieren angefordert",
  "actions.accepted.resume": "Fortsetzen angefordert",
  "actions.resetDone": "Status-Cache geleert",
  "actions.forbidden":
    "Das Token der Seite wurde abgelehnt: bitte die Seite erneut über das Tray-Menü öffnen.",
  "actions.failed": "Fehlgeschlagen: {detail}",
  "actions.confirmStopTitle": "ERP-Backend stoppen?",
  "actions.confirmStopBody": "Niemand kann mit dem ERP arbeiten, bis es wieder gestartet wird.",
  "actions.cancel": "Abbrechen",
  "actions.confirmStop": "Stoppen",

  "unit.bytes": "{value} B",
  "unit.kb": "{value} KB",
  "unit.mb": "{value} MB",
  "unit.gb": "{value} GB",
  "unit.tb": "{value} TB",
  "unit.ms": "{value} ms",
  "unit.s": "{value} s",

  "guidance.label": "Was geschehen ist und was Sie tun können",
  "guidance.starting.title": "Das ERP-System startet",
  "guidance.starting.text": "Das dauert meist wenige Sekunden. Sie müssen nichts tun.",
  "guidance.stopping.title": "Das ERP-System wird beendet",
  "guidance.stopping.text": "Es wird beendet und bei Bedarf neu gestartet. Sie müssen nichts tun.",
  "guidance.not_answering.title": "Das ERP-System antwortet nicht",
  "guidance.not_answering.text":
    "{failures} von {threshold} Prüfungen sind fehlgeschlagen. Bleibt es stumm, startet ERP Guardian es selbst neu.",
  "guidance.restarting.title": "Das ERP-System wurde beendet und wird neu gestartet",
  "guidance.restarting.text": "ERP Guardian startet es gleich wieder. Die letzte Ausgabe sehen Sie unten.",
  "guidance.degraded.title": "Das ERP-System arbeitet eingeschränkt",
  "guidance.degraded.text":
    "Ein benötigter Teil ist nicht verfügbar. Ein Neustart hilft nicht; den Grund sehen Sie unten.",
  "guidance.database_locked.title": "Die Datenbank ist durch ein anderes Programm gesperrt",
  "guidance.database_locked.text":
    "Das ERP-System kann nicht in {database} schreiben, weil das unten genannte Programm die Datei belegt. Schließen Sie dieses Programm oder lassen Sie es seine Arbeit beenden; danach arbeitet das ERP-System von selbst wieder normal.",
  "guidance.gave_up.title": "Das ERP-System stürzt immer wieder ab: ERP Guardian startet es nicht mehr neu",
  "guidance.gave_up.text":
    "Die letzte Ausgabe sehen Sie unten. Mehr steht im Protokoll. Beheben Sie die Ursache und versuchen Sie es dann erneut.",
  "guidance.missing_module.title": "Ein Teil des ERP-Systems fehlt",
  "guidance.missing_module.text":
    "Das ERP-System braucht das Python-Modul „{module}“, das nicht installiert ist. „Prüfen und beheben“ kann es installieren.",
  "guidance.missing_program.title": "Das ERP-Programm wurde nicht gefunden",
  "guidance.missing_program.text":
    "„{program}“ gibt es auf diesem Computer nicht. Prüfen Sie den Befehl in den Einstellungen oder lassen Sie „Prüfen und beheben“ nach dem Fehler suchen.",
  "guidance.port_in_use.title": "Ein anderes Programm belegt den Port des ERP-Systems",
  "guidance.port_in_use.text": "Port {port} wird von {holder} belegt.",
  "guidance.cannot_start.title": "Das ERP-System kann nicht gestartet werden",
  "guidance.cannot_start.text": "Den Grund sehen Sie unten. „Prüfen und beheben“ kann nach dem Fehler suchen.",
  "guidance.otherProgram": "einem anderen Programm",
  "guidance.tryAgain": "Erneut versuchen",
  "guidance.openLog":
    "Das vollständige Protokoll: im Menü des Symbols in der Taskleiste, „Protokoll“; die Störungsberichte finden Sie auf dieser Seite.",
  "guidance.checkAndFix":
    "„Prüfen und beheben“ finden Sie im Menü des Symbols in der Taskleiste, auf dem Computer, auf dem ERP Guardian läuft.",
  "guidance.stopPortHolder":
    "Um dieses Programm zu beenden, wählen Sie „Dieses Programm beenden…“ im Menü des Symbols in der Taskleiste.",

  "incident.stackDump": "Stack-Auszug",
  "incident.stackDumpTaken": "Aufgenommen {ms} ms nach dem Erkennen des Hängers, bevor das Backend beendet wurde.",
  "incident.stackDumpOwn":
    "Das Backend hat seinen Stack-Auszug selbst ausgegeben: siehe seine letzten Zeilen unten.",
  "incident.noStackDump.no_tool": "Kein Stack-Auszug: py-spy ist nicht installiert.",
  "incident.noStackDump.not_python": "Kein Stack-Auszug: Das Backend ist kein Python-Programm.",
  "incident.noStackDump.no_permission": "Kein Stack-Auszug: Das System hat das Auslesen nicht erlaubt.",
  "incident.noStackDump.timed_out": "Kein Stack-Auszug: py-spy hat nicht rechtzeitig geantwortet.",
  "incident.noStackDump.failed": "Kein Stack-Auszug: py-spy konnte das Backend nicht lesen ({detail}).",
  "figure.backend_cpu_percent": "CPU des Backends (ein Kern = 100 %)",
  "figure.db_degraded_s": "Datenbank nicht nutzbar seit (s)",
  "rule.db_degraded": "Datenbank bleibt gesperrt",

  "backups.lastGood": "Letzte gute Sicherung: {ago}",
  "backups.tooOld": "Letzte gute Sicherung: {ago} (älter als {hours} Stunden)",
  "backups.none": "Noch keine Sicherung",
  "backups.noneGood": "Keine gute Sicherung: Alle Sicherungen haben die Prüfung nicht bestanden",
  "guidance.database_damaged.title": "Die Datenbank ist beschädigt",
  "guidance.database_damaged.text":
    "Nachdem das ERP-System unerwartet beendet wurde, hat eine Prüfung von {database} einen Schaden gefunden (siehe unten). Es wurde nicht wieder gestartet, damit nichts in die beschädigte Datei geschrieben wird. Sie können die letzte gute Sicherung wiederherstellen oder es trotzdem starten.",
  "guidance.restoreBackup":
    "Stellen Sie eine Sicherung im Fenster „Sicherungen“ des Symbols in der Taskleiste wieder her, oder mit „erp-guardian backup restore ID“ auf dem Computer, auf dem ERP Guardian läuft.",
  "rule.backup_age": "Keine aktuelle Sicherung",
  "rule.backup_disk": "Sicherungen auf einem fast vollen Datenträger",
  "figure.backup_age_s": "Seit der letzten guten Sicherung",
  "figure.backup_shared_volume": "Laufwerk von Datenbank und Sicherungen",
  "figure.backup_volume_free_bytes": "Frei auf dem Laufwerk der Sicherungen",
};

export const catalogues = { en, de } as const;

export type Language = keyof typeof catalogues;

export type MessageParams = Record<string, string | number>;

let currentLanguage: Language = "en";
let currentLocale = "en";

function isLanguage(value: string): value is Language {
  return Object.hasOwn(catalogues, value);
}

/**
 * The page's language: `?lang=` when it names a catalogue, else the first browser language we
 * have, else English. The locale (for Intl) keeps the browser's region when the language matches,
 * so an en-GB browser gets 24-hour times.
 */
export function chooseLanguage(
  urlLang: string | null,
  browserLanguages: readonly string[],
): { language: Language; locale: string } {
  const primary = (tag: string) => tag.toLowerCase().split("-")[0] ?? "";
  const fromUrl = urlLang ? primary(urlLang) : "";
  const language: Language = isLanguage(fromUrl)
    ? fromUrl
    : (browserLanguages.map(primary).find(isLanguage) ?? "en");
  const locale = browserLanguages.find((tag) => primary(tag) === language) ?? language;
  return { language, locale };
}

export function setLanguage(language: Language, locale: string = language): void {
  currentLanguage = language;
  currentLocale = locale;
}

export function getLanguage(): Language {
  return currentLanguage;
}

/** The BCP 47 tag that Intl formatters use. */
export function getLocale(): string {
  return currentLocale;
}

/** Whether `key` names a text, for keys built from API values (rule names, figure names). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues.en, key);
}

/** The text of `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = catalogues[currentLanguage][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
