# ruff: noqa: E501  (one sentence per line: wrapped, a text could not be found with grep)
"""The command line's words in English and German, side by side so that they stay in step.

The English is what the commands printed before (scripts and tests read it); German for
office staff: "Sie", the plain words first.
"""

from __future__ import annotations

from tray_app.i18n.console_ids import ConsoleId as C
from tray_app.i18n.doctor_fix_texts import DOCTOR_FIX_TEXTS
from tray_app.i18n.doctor_texts import DOCTOR_TEXTS

CONSOLE_TEXTS: dict[C, tuple[str, str]] = {
    C.CLI_INVALID_CONFIG: (
        "erp-guardian: invalid configuration:\n{errors}",
        "erp-guardian: Die Einstellungen sind ungültig:\n{errors}",
    ),
    C.CLI_ALREADY_GUARDING: (
        "ERP Guardian is already running (PID {pid}) and guards this backend; not starting a second one",
        "ERP Guardian läuft bereits (PID {pid}) und überwacht dieses ERP-System; ein zweites wird nicht gestartet",
    ),
    C.CLI_ALREADY_SERVING: (
        "ERP Guardian is already running (PID {pid}) and serves this status page; not starting a second one",
        "ERP Guardian läuft bereits (PID {pid}) und zeigt diese Statusseite; ein zweites wird nicht gestartet",
    ),
    C.CLI_TRAY_CANNOT_LOAD: (
        "erp-guardian: the tray app cannot load ({error}); running headless",
        "erp-guardian: Das Programm im Infobereich lässt sich nicht laden ({error}); ERP Guardian läuft ohne Fenster weiter",
    ),
    C.CLI_TRAY_UNAVAILABLE: (
        "erp-guardian: {error}; running headless instead",
        "erp-guardian: {error}; ERP Guardian läuft stattdessen ohne Fenster",
    ),
    C.CLI_BAD_SINCE: ("erp-guardian: {error}", "erp-guardian: Ungültige Zeitangabe ({error})"),
    C.CONFIG_VALID: ("{file}: valid", "{file}: gültig"),
    C.CONFIG_EXISTS: ("{file} (exists)", "{file} (vorhanden)"),
    C.CONFIG_NOT_CREATED: ("{file} (not created yet)", "{file} (noch nicht angelegt)"),
    C.CONFIG_FILE_HEADER: ("# config file: {file}", "# Einstellungsdatei: {file}"),
    C.CONFIG_UNKNOWN_KEY: (
        "{key}: unknown key (allowed: {allowed})",
        "{key}: unbekannter Schlüssel (erlaubt: {allowed})",
    ),
    C.CONFIG_BAD_VALUE: (
        "{key} = {value}: {problem}",
        "{key} = {value}: ungültiger Wert ({problem})",
    ),
    C.CONFIG_BAD_VALUE_ALLOWED: (
        "{key} = {value}: {problem} (allowed: {allowed})",
        "{key} = {value}: ungültiger Wert, erlaubt: {allowed} ({problem})",
    ),
    C.CONFIG_BAD_KEY: ("{key}: {problem}", "{key}: ungültig ({problem})"),
    C.CONFIG_BAD_KEY_ALLOWED: (
        "{key}: {problem} (allowed: {allowed})",
        "{key}: ungültig, erlaubt: {allowed} ({problem})",
    ),
    C.CONFIG_RANGE: ("{low} to {high}", "{low} bis {high}"),
    C.CONFIG_RANGE_SECONDS: ("{low} to {high} seconds", "{low} bis {high} Sekunden"),
    C.CONFIG_RANGE_HOURS: ("{low} to {high} hours", "{low} bis {high} Stunden"),
    C.CONFIG_RANGE_DAYS: ("{low} to {high} days", "{low} bis {high} Tage"),
    C.CONFIG_RANGE_UNIT: ("{low} to {high} {unit}", "{low} bis {high} {unit}"),
    C.HEADLESS_STATUS_PAGE: ("status page: {url}", "Statusseite: {url}"),
    C.HEADLESS_NO_STATUS_PAGE: (
        "warning: no status page: {address} cannot be used ({error}); the watchdog keeps guarding",
        "Warnung: keine Statusseite: {address} ist nicht nutzbar ({error}); die Überwachung läuft weiter",
    ),
    C.HEADLESS_LOG_PROBLEM: (
        "warning: {problem}; the watchdog keeps guarding",
        "Warnung: {problem}; die Überwachung läuft weiter",
    ),
    C.DOCTOR_OK: ("OK", "OK"),
    C.DOCTOR_WARN: ("WARN", "WARNUNG"),
    C.DOCTOR_FAIL: ("FAIL", "FEHLER"),
    C.DOCTOR_FIX: ("fix: {hint}", "Abhilfe: {hint}"),
    C.DOCTOR_FIXED: ("FIXED", "BEHOBEN"),
    C.DOCTOR_NOT_FIXED: ("NOT", "OFFEN"),
    C.DOCTOR_NOT_ASKED: (
        "not asked: there is no terminal to answer on; run erp-guardian doctor --fix --yes to install without a question",
        "nicht gefragt: Es gibt kein Terminal für eine Antwort; mit erp-guardian doctor --fix --yes wird ohne Rückfrage installiert",
    ),
    C.DOCTOR_ASK: ("{question} [y/N] ", "{question} [j/N] "),
    C.SUMMARY_PERIOD: ("Period", "Zeitraum"),
    C.SUMMARY_EVENTS: ("Events", "Ereignisse"),
    C.SUMMARY_UPTIME: ("Uptime", "Verfügbarkeit"),
    C.SUMMARY_UPTIME_VALUE: (
        "{uptime} (serving {serving} of {supervised} supervised)",
        "{uptime} (erreichbar {serving} von {supervised} überwacht)",
    ),
    C.SUMMARY_RESTARTS: ("Restarts", "Neustarts"),
    C.SUMMARY_FAILURES: ("Failures", "Ausfälle"),
    C.SUMMARY_FAILURES_VALUE: ("{count} (crashes and hangs)", "{count} (Abstürze und Hänger)"),
    C.SUMMARY_OUTAGES: ("Outages", "Unterbrechungen"),
    C.SUMMARY_MTTR: ("MTTR", "MTTR (mittlere Ausfallzeit)"),
    C.SUMMARY_MTBF: ("MTBF", "MTBF (mittlerer Abstand)"),
    C.SUMMARY_LONGEST: ("Longest outage", "Längster Ausfall"),
    C.SUMMARY_LEVELS: ("Events per level", "Ereignisse je Stufe"),
    C.SUMMARY_UNREADABLE: ("Unreadable lines", "Unlesbare Zeilen"),
    C.SUMMARY_SKIPPED: ("{count} (skipped)", "{count} (übersprungen)"),
    # doctor's checks and fixes, kept apart by topic
    **DOCTOR_TEXTS,
    **DOCTOR_FIX_TEXTS,
}
