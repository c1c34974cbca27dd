"""The ERP's declared requirements are checked in its own virtual environment, and
`doctor --fix --yes` installs them with that environment's pip (offline, from built wheels)."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import (
    ForeignVenv,
    line_of,
    make_erp_folder,
    run_cli,
    sandbox_config,
    sandbox_values,
)
from tests.doctor.wheels import build_wheel
from tray_app.doctor.backend import backend_checks
from tray_app.doctor.interpreter import read_facts
from tray_app.doctor.model import Status
from tray_app.doctor.requirements import declared_requirements, unmet_requirements
from tray_app.i18n.catalogue import render


def _offline_pip(wheels: Path) -> dict[str, str]:
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels)}


def test_missing_requirement_is_reported_then_installed_by_fix_yes(
    foreign_venv: ForeignVenv, tmp_path: Path
) -> None:
    wheels = tmp_path / "wheels"
    build_wheel(wheels, "tinydep", "2.0")
    folder = make_erp_folder(
        tmp_path / "erp",
        "# the ERP's requirements\ntinydep>=2.0  # needed by erpapp\n"
        'neverdep>=1; python_version < "3"\n',
        "import tinydep",
    )
    values = sandbox_values(
        tmp_path,
        backend_cmd=[str(foreign_venv.python), "-m", "serve", "erpapp:app"],
        backend_cwd=str(folder),
    )

    before = run_cli(tmp_path, values, env=_offline_pip(wheels))
    assert before.returncode == 1, before.stdout + before.stderr
    missing = line_of(before.stdout, "requirement tinydep")
    assert missing.startswith("FAIL") and "not installed" in missing
    assert "doctor --fix" in missing
    assert "neverdep" not in before.stdout  # its marker is false for the ERP's Python
    assert "No module named 'tinydep'" in line_of(before.stdout, "import erpapp:app")
    assert line_of(before.stdout, "import -m serve").startswith("OK")  # found, not run

    unasked = run_cli(tmp_path, values, "--fix", env=_offline_pip(wheels))
    assert unasked.returncode == 1, unasked.stdout + unasked.stderr
    assert "no terminal to answer on" in unasked.stdout and "--yes" in unasked.stdout
    assert "not installed: not confirmed" in unasked.stdout

    fixed = run_cli(tmp_path, values, "--fix", "--yes", env=_offline_pip(wheels))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert f"installed tinydep>=2.0 into {foreign_venv.python}" in fixed.stdout

    after = run_cli(tmp_path, values)
    assert after.returncode == 0, after.stdout + after.stderr
    assert line_of(after.stdout, "backend requirements").startswith("OK")
    assert line_of(after.stdout, "import erpapp:app").startswith("OK")


def test_too_old_version_fails_the_specifier_until_fix_upgrades_it(
    foreign_venv: ForeignVenv, tmp_path: Path
) -> None:
    old_wheels, new_wheels = tmp_path / "old", tmp_path / "new"
    foreign_venv.pip_install(str(build_wheel(old_wheels, "olddep", "1.0")))
    build_wheel(new_wheels, "olddep", "2.1")
    folder = make_erp_folder(tmp_path / "erp", "OldDep >= 2.0, < 3\n", "import olddep")
    config = sandbox_config(
        tmp_path,
        backend_cmd=[str(foreign_venv.python), "-m", "serve"],
        backend_cwd=str(folder),
    )

    checks = {check.id: check for check in backend_checks(config)}
    too_old = checks["backend.requirement.olddep"]
    assert too_old.status is Status.FAIL
    assert "1.0 installed, <3,>=2.0 needed" in too_old.detail
    assert too_old.fix is not None and too_old.fix.specs == ("OldDep<3,>=2.0",)

    values = {**config.model_dump(exclude_none=True)}
    fixed = run_cli(tmp_path, values, "--fix", "--yes", env=_offline_pip(new_wheels))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    facts = read_facts(foreign_venv.python, str(folder), {})
    assert facts.distributions["olddep"].version == "2.1"


def test_pyproject_dependencies_and_markers_use_the_erps_python(
    foreign_venv: ForeignVenv, tmp_path: Path
) -> None:
    folder = tmp_path / "erp"
    folder.mkdir()
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "erp"\nversion = "1"\n'
        'dependencies = ["pip>=1", "nothere>=1; sys_platform != \'nonesuch\'",\n'
        "  \"skipped>=1; python_version < '3'\"]\n"
    )
    declared = declared_requirements(folder)
    assert declared is not None and declared.source.name == "pyproject.toml"
    facts = read_facts(foreign_venv.python, str(folder), {})
    assert facts.in_venv
    unmet = unmet_requirements(declared, facts)
    assert [(u.requirement.name, u.detail) for u in unmet] == [("nothere", "not installed")]


def test_requirements_txt_includes_options_and_unreadable_lines(tmp_path: Path) -> None:
    (tmp_path / "base.txt").write_text("alpha==1.0 --hash=sha256:abc\n")
    (tmp_path / "requirements.txt").write_text(
        "--index-url https://example.invalid/simple\n-r base.txt\n"
        "beta>=2 \\\n    ,<3\n-e ./local-lib\n\n# comment only\n"
    )
    declared = declared_requirements(tmp_path)
    assert declared is not None
    assert [str(r) for r in declared.requirements] == ["alpha==1.0", "beta<3,>=2"]
    assert [render(line, "en") for line in declared.unchecked] == [
        "requirements.txt line 5: -e ./local-lib"
    ]
    assert [render(line, "de") for line in declared.unchecked] == [
        "requirements.txt Zeile 5: -e ./local-lib"
    ]
