# ruff: noqa: E501  (one sentence per line: wrapped, a text could not be found with grep)
"""`erp-guardian doctor`'s words, English and German side by side: each check's title, and the
details and hints of ERP Guardian's own checks and of the backend's program, Python, modules and
requirements (the database, ports and fixes are in doctor_fix_texts.py).

The English says what doctor printed before; German for office staff: "Sie", short, plain words;
paths, module names, versions and commands stay as they are.
"""

from __future__ import annotations

from tray_app.i18n.console_ids import ConsoleId as C

DOCTOR_TEXTS: dict[C, tuple[str, str]] = {
    C.DOCTOR_VERBATIM: ("{text}", "{text}"),
    C.DOCTOR_PATH_ERROR: ("{path}: {error}", "{path}: {error}"),
    C.DOCTOR_T_PYTHON: ("Python", "Python von ERP Guardian"),
    C.DOCTOR_T_IMPORT: ("import {name}", "Modul {name}"),
    C.DOCTOR_T_LOG_DIR: ("log folder", "Protokollordner"),
    C.DOCTOR_T_DATA_DIR: ("data folder", "Datenordner"),
    C.DOCTOR_T_CONFIG_DIR: ("config folder", "Einstellungsordner"),
    C.DOCTOR_T_DISK: ("free disk space", "Freier Speicherplatz"),
    C.DOCTOR_T_STATUS_PAGE: ("status page", "Statusseite"),
    C.DOCTOR_T_WEB_PORT: ("web page port", "Port der Statusseite"),
    C.DOCTOR_T_BACKEND_FOLDER: ("backend folder", "ERP-Ordner"),
    C.DOCTOR_T_BACKEND_PROGRAM: ("backend program", "ERP-Programm"),
    C.DOCTOR_T_BACKEND_PYTHON: ("backend Python", "Python des ERP-Systems"),
    C.DOCTOR_T_BACKEND_SCRIPT: ("backend script", "ERP-Skript"),
    C.DOCTOR_T_BACKEND_MODULES: ("backend modules", "ERP-Module"),
    C.DOCTOR_T_REQUIREMENTS: ("backend requirements", "Voraussetzungen des ERP-Systems"),
    C.DOCTOR_T_REQUIREMENT: ("requirement {name}", "Paket {name}"),
    C.DOCTOR_T_BACKEND_PORT: ("backend port", "Port des ERP-Systems"),
    C.DOCTOR_T_DATABASE: ("database", "ERP-Datenbank"),
    C.DOCTOR_IMPORTABLE: ("importable", "lässt sich laden"),
    C.DOCTOR_HEADLESS_ONLY: (
        "{error} (only headless mode works)",
        "{error} (nur der Betrieb ohne Fenster ist möglich)",
    ),
    C.DOCTOR_REINSTALL: (
        "pip install erp-guardian (or the README's run command)",
        "Installieren Sie ERP Guardian neu: pip install erp-guardian (oder wie im README beschrieben)",
    ),
    C.DOCTOR_PYTHON_TOO_OLD: (
        "install Python {version} or newer",
        "Installieren Sie Python {version} oder neuer",
    ),
    C.DOCTOR_NOT_YET: ("{path} does not exist yet", "{path} gibt es noch nicht"),
    C.DOCTOR_RUN_FIX: ("erp-guardian doctor --fix", "Führen Sie erp-guardian doctor --fix aus"),
    C.DOCTOR_WRITABLE: ("{path} is writable", "{path} ist beschreibbar"),
    C.DOCTOR_MAKE_WRITABLE: ("make it writable", "Machen Sie den Ordner beschreibbar"),
    C.DOCTOR_DISK_FREE: (
        "{free_gb:.1f} GB free on the data volume",
        "{free_gb:.1f} GB frei auf dem Datenlaufwerk",
    ),
    C.DOCTOR_DISK_HINT: (
        "free at least {needed_gb} GB for the database",
        "Geben Sie mindestens {needed_gb} GB für die Datenbank frei",
    ),
    C.DOCTOR_PAGE_FOUND: ("built page found", "fertige Statusseite gefunden"),
    C.DOCTOR_PAGE_MISSING: ("{folder} not built", "{folder} ist nicht gebaut"),
    C.DOCTOR_CWD_MISSING: (
        "{path} does not exist or is not a folder",
        "{path} gibt es nicht, oder es ist kein Ordner",
    ),
    C.DOCTOR_CWD_HINT: (
        "Check backend_cwd (Settings, or config.toml): the ERP's folder.",
        "Prüfen Sie backend_cwd (Einstellungen oder config.toml): der Ordner des ERP-Systems.",
    ),
    C.DOCTOR_PYTHON_BROKEN: ("{python} does not run: {error}", "{python} startet nicht: {error}"),
    C.DOCTOR_PYTHON_BROKEN_HINT: (
        "Repair or recreate the ERP's Python environment, or check backend_cmd (Settings, or config.toml).",
        "Reparieren oder erneuern Sie die Python-Umgebung des ERP-Systems, oder prüfen Sie backend_cmd (Einstellungen oder config.toml).",
    ),
    C.DOCTOR_NOT_ON_PATH: (
        "{program} was not found on the PATH, or is not executable",
        "{program} wurde im Suchpfad (PATH) nicht gefunden oder ist nicht ausführbar",
    ),
    C.DOCTOR_NOT_IN_CWD: (
        "{program} was not found (relative to {cwd}), or is not executable",
        "{program} wurde nicht gefunden (gesucht von {cwd} aus) oder ist nicht ausführbar",
    ),
    C.DOCTOR_NOT_FOUND: (
        "{program} was not found, or is not executable",
        "{program} wurde nicht gefunden oder ist nicht ausführbar",
    ),
    C.DOCTOR_PROGRAM_HINT: (
        "Check backend_cmd (Settings, or config.toml): install the program, or give its full path.",
        "Prüfen Sie backend_cmd (Einstellungen oder config.toml): Installieren Sie das Programm, oder geben Sie den vollständigen Pfad an.",
    ),
    C.DOCTOR_PROGRAM_PYTHON: ("{path}: Python", "{path}: Python"),
    C.DOCTOR_PROGRAM_OTHER: ("{path}: program", "{path}: Programm"),
    C.DOCTOR_PROGRAM_SCRIPT: (
        "{path}: a script of the Python beside it ({python})",
        "{path}: ein Skript des Python-Interpreters daneben ({python})",
    ),
    C.DOCTOR_PYTHON_VENV: (
        "Python {version} at {python} (a virtual environment)",
        "Python {version} unter {python} (eine virtuelle Umgebung)",
    ),
    C.DOCTOR_PYTHON_SYSTEM: (
        "Python {version} at {python} (not a virtual environment)",
        "Python {version} unter {python} (keine virtuelle Umgebung)",
    ),
    C.DOCTOR_MISSING: ("{path} does not exist", "{path} gibt es nicht"),
    C.DOCTOR_SCRIPT_HINT: (
        "Check backend_cmd (Settings, or config.toml), and backend_cwd: the script is looked for there.",
        "Prüfen Sie backend_cmd (Einstellungen oder config.toml) und backend_cwd: Dort wird das Skript gesucht.",
    ),
    C.DOCTOR_IMPORTS_UNFINISHED: (
        "the import check did not finish: {error}",
        "Die Prüfung der Module wurde nicht fertig: {error}",
    ),
    C.DOCTOR_IMPORTS_UNFINISHED_HINT: (
        "Start the ERP by hand once to see what it waits for.",
        "Starten Sie das ERP-System einmal von Hand, um zu sehen, worauf es wartet.",
    ),
    C.DOCTOR_NOT_CHECKED: ("not checked", "nicht geprüft"),
    C.DOCTOR_IMPORT_HINT: (
        "Install what the ERP needs in its Python (erp-guardian doctor --fix installs its requirements), and check backend_cwd: modules are looked up from there.",
        "Installieren Sie, was das ERP-System in seinem Python braucht (erp-guardian doctor --fix installiert seine Voraussetzungen), und prüfen Sie backend_cwd: Von dort aus werden die Module gesucht.",
    ),
    C.DOCTOR_NO_REQUIREMENTS: (
        "no requirements.txt or pyproject.toml in {folder}: nothing to compare",
        "keine requirements.txt oder pyproject.toml in {folder}: nichts zu vergleichen",
    ),
    C.DOCTOR_UNCHECKABLE: ("cannot be checked: {line}", "lässt sich nicht prüfen: {line}"),
    C.DOCTOR_UNCHECKABLE_HINT: (
        "Make sure yourself that this one is installed.",
        "Stellen Sie selbst sicher, dass dies installiert ist.",
    ),
    C.DOCTOR_INSTALL_HINT_VENV: (
        "erp-guardian doctor --fix installs it with the ERP's own pip.",
        "erp-guardian doctor --fix installiert es mit dem pip des ERP-Systems.",
    ),
    C.DOCTOR_INSTALL_HINT_SYSTEM: (
        "Install it with {python} -m pip install (that Python is not a virtual environment: doctor --fix changes it only with --allow-system).",
        "Installieren Sie es mit {python} -m pip install (dieses Python ist keine virtuelle Umgebung: doctor --fix ändert es nur mit --allow-system).",
    ),
    C.DOCTOR_UNMET: (
        "{requirement}: {problem} (asked for in {source})",
        "{requirement}: {problem} (verlangt in {source})",
    ),
    C.DOCTOR_REQUIREMENTS_MET: (
        "what {source} asks for is installed ({count} listed)",
        "Was {source} verlangt, ist installiert ({count} Einträge)",
    ),
    C.DOCTOR_NOT_INSTALLED: ("not installed", "nicht installiert"),
    C.DOCTOR_WRONG_VERSION: (
        "{installed} installed, {needed} needed",
        "{installed} installiert, {needed} nötig",
    ),
    C.DOCTOR_EXTRA_NEEDS: (
        "its extra [{extra}] needs {name}: {problem}",
        "sein Zusatz [{extra}] braucht {name}: {problem}",
    ),
    C.DOCTOR_REQUIREMENTS_LINE: ("{file} line {number}: {line}", "{file} Zeile {number}: {line}"),
    C.DOCTOR_PYPROJECT_ITEM: (
        "{file} [project].dependencies item {number}: {line}",
        "{file} [project].dependencies Eintrag {number}: {line}",
    ),
    C.DOCTOR_FILE_UNREADABLE: (
        "{file}: cannot be read ({error})",
        "{file}: lässt sich nicht lesen ({error})",
    ),
}
