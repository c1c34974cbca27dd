# ruff: noqa: E501  (one sentence per line: wrapped, a text could not be found with grep)
"""`erp-guardian doctor`'s words, English and German side by side: the database and port checks,
the fixes' outcomes and questions, and the probe's errors (titles in doctor_texts.py).
"""

from __future__ import annotations

from tray_app.i18n.console_ids import ConsoleId as C

DOCTOR_FIX_TEXTS: dict[C, tuple[str, str]] = {
    C.DOCTOR_NOT_A_FILE: ("{path} is not a file", "{path} ist keine Datei"),
    C.DOCTOR_DB_IS_FOLDER_HINT: (
        "Check database_path: it names a folder.",
        "Prüfen Sie database_path: Dort steht ein Ordner.",
    ),
    C.DOCTOR_CANNOT_READ: ("{path} cannot be read", "{path} lässt sich nicht lesen"),
    C.DOCTOR_READ_ACCESS_HINT: (
        "Give the user running ERP Guardian read access.",
        "Geben Sie dem Benutzer, unter dem ERP Guardian läuft, Leserechte.",
    ),
    C.DOCTOR_DB_READ_ONLY: (
        "{path} is read-only: the ERP cannot save anything",
        "{path} ist schreibgeschützt: Das ERP-System kann nichts speichern",
    ),
    C.DOCTOR_DB_READ_ONLY_HINT: (
        "Make the file and its folder writable for the user running ERP Guardian (on Windows: clear the file's read-only attribute).",
        "Machen Sie die Datei und ihren Ordner für den Benutzer, unter dem ERP Guardian läuft, beschreibbar (unter Windows: den Schreibschutz der Datei aufheben).",
    ),
    C.DOCTOR_DB_FOLDER_READ_ONLY: (
        "{path} is read-only: SQLite cannot write its journal beside the database",
        "{path} ist schreibgeschützt: SQLite kann sein Journal nicht neben die Datenbank schreiben",
    ),
    C.DOCTOR_DB_FOLDER_HINT: (
        "Make the database's folder writable for the user running ERP Guardian.",
        "Machen Sie den Ordner der Datenbank für den Benutzer, unter dem ERP Guardian läuft, beschreibbar.",
    ),
    C.DOCTOR_DB_NOT_CREATED: ("{path} not created yet", "{path} ist noch nicht angelegt"),
    C.DOCTOR_DB_MISSING_HINT: (
        "Most ERPs create it at their first start; if it should exist, check database_path.",
        "Die meisten ERP-Systeme legen sie beim ersten Start an; wenn es sie schon geben sollte, prüfen Sie database_path.",
    ),
    C.DOCTOR_DB_LOCKED: (
        "{path} is locked by another program, not checked ({error})",
        "{path} ist von einem anderen Programm gesperrt und wurde nicht geprüft ({error})",
    ),
    C.DOCTOR_DB_LOCKED_HINT: (
        "Run doctor again when the ERP is idle.",
        "Prüfen Sie erneut, wenn im ERP-System gerade niemand arbeitet.",
    ),
    C.DOCTOR_DB_OK: ("{path}: quick_check ok", "{path}: quick_check in Ordnung"),
    C.DOCTOR_DB_DAMAGED: (
        "{path} is not a sound SQLite database: {error}",
        "{path} ist beschädigt, keine intakte SQLite-Datenbank: {error}",
    ),
    C.DOCTOR_DB_DAMAGED_HINT: (
        "Stop the ERP and restore the database from a backup; keep a copy of this file for support.",
        "Beenden Sie das ERP-System und stellen Sie die Datenbank aus einer Sicherung wieder her; bewahren Sie eine Kopie dieser Datei für den Support auf.",
    ),
    C.DOCTOR_PORT_FREE: ("{address} is free", "{address} ist frei"),
    C.DOCTOR_PORT_OURS: (
        "{address} is used by the ERP backend that ERP Guardian runs now (PID {pid})",
        "{address} wird vom ERP-System benutzt, das ERP Guardian gerade betreibt (PID {pid})",
    ),
    C.DOCTOR_PORT_LEFTOVER: (
        "{address} is used by a backend an earlier ERP Guardian left behind (PID {pid})",
        "{address} wird von einem ERP-System benutzt, das ein früherer ERP Guardian zurückgelassen hat (PID {pid})",
    ),
    C.DOCTOR_PORT_LEFTOVER_HINT: (
        "Nothing to do: ERP Guardian stops it when it starts.",
        "Nichts zu tun: ERP Guardian beendet es beim Start.",
    ),
    C.DOCTOR_PORT_TAKEN: ("{address} is used by {holder}", "{address} wird benutzt von {holder}"),
    C.DOCTOR_PORT_TAKEN_HINT: (
        "Stop that program, or give the ERP another port (Settings, or port in config.toml).",
        "Beenden Sie dieses Programm, oder geben Sie dem ERP-System einen anderen Port (Einstellungen oder port in config.toml).",
    ),
    C.DOCTOR_NO_PAGE: ("no status page (port 0)", "keine Statusseite (Port 0)"),
    C.DOCTOR_PORT_OWN_PAGE: (
        "{address} is used by ERP Guardian's own status page (PID {pid})",
        "{address} wird von der Statusseite von ERP Guardian selbst benutzt (PID {pid})",
    ),
    C.DOCTOR_WEB_PORT_HINT: (
        "Stop that program, or choose another port for the page (--web-port, or web_port).",
        "Beenden Sie dieses Programm, oder wählen Sie einen anderen Port für die Statusseite (--web-port oder web_port).",
    ),
    C.DOCTOR_HOLDER_HIDDEN: (
        "another program (its name is visible to an administrator only)",
        "einem anderen Programm (seinen Namen sieht nur ein Administrator)",
    ),
    C.DOCTOR_HOLDER: ("{name} (PID {pid})", "{name} (PID {pid})"),
    C.DOCTOR_ANOTHER_PROGRAM: ("another program", "einem anderen Programm"),
    C.DOCTOR_CREATED: ("{path} created", "{path} angelegt"),
    C.DOCTOR_CHECK_PERMISSIONS: ("check permissions", "Prüfen Sie die Zugriffsrechte"),
    C.DOCTOR_CANNOT_CREATE: ("{path} could not be created", "{path} ließ sich nicht anlegen"),
    C.DOCTOR_SEE_ABOVE: ("see the message above", "Siehe die Meldung darüber"),
    C.DOCTOR_INSTALL_QUESTION: (
        "Install {packages} into {python} with its pip?",
        "{packages} mit pip in {python} installieren?",
    ),
    C.DOCTOR_SYSTEM_PYTHON: (
        "{python} is not in a virtual environment: installing there changes the Python that other programs on this computer use too",
        "{python} ist keine virtuelle Umgebung: Eine Installation dort ändert das Python, das auch andere Programme auf diesem Computer benutzen",
    ),
    C.DOCTOR_NOT_INSTALLED_BECAUSE: ("not installed: {reason}", "nicht installiert: {reason}"),
    C.DOCTOR_VENV_HINT: (
        "Give the ERP a virtual environment (python -m venv .venv, then that python in backend_cmd), or run erp-guardian doctor --fix --allow-system if you mean it.",
        "Geben Sie dem ERP-System eine virtuelle Umgebung (python -m venv .venv, dann dieses python in backend_cmd), oder führen Sie erp-guardian doctor --fix --allow-system aus, wenn Sie das wirklich wollen.",
    ),
    C.DOCTOR_NOT_CONFIRMED: ("not confirmed", "nicht bestätigt"),
    C.DOCTOR_PIP_TIMEOUT: (
        "pip did not finish within {seconds:.0f} s",
        "pip wurde nicht innerhalb von {seconds:.0f} s fertig",
    ),
    C.DOCTOR_PIP_NOT_STARTED: (
        "pip could not be started: {error}",
        "pip ließ sich nicht starten: {error}",
    ),
    C.DOCTOR_PIP_FAILED: (
        "pip could not install them: {said}",
        "pip konnte sie nicht installieren: {said}",
    ),
    C.DOCTOR_PIP_BY_HAND_HINT: (
        "Run the command by hand to see everything: {command}",
        "Führen Sie den Befehl von Hand aus, um alles zu sehen: {command}",
    ),
    C.DOCTOR_NO_OUTPUT: ("no output", "keine Ausgabe"),
    C.DOCTOR_INSTALLED: (
        "installed {packages} into {python}",
        "{packages} in {python} installiert",
    ),
    C.DOCTOR_NO_ANSWER: (
        "did not answer within {seconds:.0f} s",
        "hat nicht innerhalb von {seconds:.0f} s geantwortet",
    ),
    C.DOCTOR_EXIT_CODE: ("exit code {code}", "Exit-Code {code}"),
}
