"""`erp-guardian doctor`: checks what ERP Guardian and the guarded ERP need, and fixes what it
can (folders, the bundled database, the ERP's missing requirements in its own Python).

model          Check (a stable id, a status, detail, hint) and the Fix it offers
guardian       ERP Guardian's own Python, modules, folders, disk and page
backend        the backend's program, interpreter, modules and declared requirements
interpreter    finds the backend's Python and runs the probe_scripts in it
requirements   requirements.txt / pyproject.toml against the installed versions
ports_check    the backend's and the page's ports, and who holds them
database       the ERP's SQLite file: readable, writable, quick_check
fixing         the fixes, with the question before an install and the venv rule
runner         every check in order; fix, then check again
output         the command line: table, question, exit code
"""

from tray_app.doctor.fixing import Confirm, apply_fixes
from tray_app.doctor.guardian import frontend_dist
from tray_app.doctor.model import Check, Fix, FixKind, FixOutcome, Status, has_problems
from tray_app.doctor.output import doctor_command, print_table
from tray_app.doctor.runner import FixRound, all_checks, fix_and_check_again, run_checks

__all__ = [
    "Check",
    "Confirm",
    "Fix",
    "FixKind",
    "FixOutcome",
    "FixRound",
    "Status",
    "all_checks",
    "apply_fixes",
    "doctor_command",
    "fix_and_check_again",
    "frontend_dist",
    "has_problems",
    "print_table",
    "run_checks",
]
