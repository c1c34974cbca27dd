# ruff: noqa: E501  (one sentence per line: wrapped, a text could not be found with grep)
"""The early warnings' titles and hints in English and German (see engine_texts.py).

English is what the log files say (keep its vocabulary stable: logs are searched); German is
for office staff: "Sie", short, the plain words first and the technical detail after them.
"""

from __future__ import annotations

from tray_app.i18n.message_ids import MessageId as M

WARNING_TEXTS: dict[M, tuple[str, str]] = {
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
