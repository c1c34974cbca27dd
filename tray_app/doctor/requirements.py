"""The requirements a Python backend's folder declares, compared with what its Python has.

`requirements.txt` when there is one (it is what a deployment installs), else
`pyproject.toml`'s `[project].dependencies`. Versions are compared here, with `packaging`, from
the facts the backend's interpreter printed; environment markers are evaluated with that
interpreter's values, not ours.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from tray_app.doctor.interpreter import Installed, PythonFacts
from tray_app.doctor.model import words
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import Message, render

_PER_LINE_OPTION = re.compile(r"\s+--?[A-Za-z]")  # "pkg==1.0 --hash=sha256:..."
_IGNORED_OPTIONS = (  # lines that say where to install from, not what
    "-c",
    "--constraint",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "--no-index",
    "--pre",
    "--trusted-host",
    "--prefer-binary",
)


@dataclass
class Declared:
    """What a file asks for; lines that are no PEP 508 requirement are listed as unchecked."""

    source: Path
    requirements: list[Requirement] = field(default_factory=list)
    unchecked: list[Message] = field(default_factory=list)  # "requirements.txt line 4: -e ./lib"


@dataclass(frozen=True)
class Unmet:
    requirement: Requirement
    message: Message  # "not installed", "1.0 installed, >=2.0 needed"

    @property
    def detail(self) -> str:
        return render(self.message, "en")

    @property
    def spec(self) -> str:
        """The requirement for pip, without its marker (already evaluated)."""
        plain = Requirement(str(self.requirement))
        plain.marker = None
        return str(plain)


def declared_requirements(folder: Path) -> Declared | None:
    text_file = folder / "requirements.txt"
    if text_file.is_file():
        declared = Declared(text_file)
        _read_requirements_txt(text_file, declared, seen=set())
        return declared
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        return _read_pyproject(pyproject)
    return None


def _read_requirements_txt(path: Path, declared: Declared, seen: set[Path]) -> None:
    if path.resolve() in seen:
        return
    seen.add(path.resolve())
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        unreadable = words(C.DOCTOR_FILE_UNREADABLE, file=path.name, error=str(error.strerror))
        declared.unchecked.append(unreadable)
        return
    for number, line in _logical_lines(text):
        where = words(C.DOCTOR_REQUIREMENTS_LINE, file=path.name, number=number)
        if line.startswith(("-r", "--requirement")):
            included = line.removeprefix("--requirement").removeprefix("-r").strip(" =")
            _read_requirements_txt(path.parent / included, declared, seen)
        elif line.startswith(_IGNORED_OPTIONS):
            continue
        else:
            _add(declared, _PER_LINE_OPTION.split(line, maxsplit=1)[0], where)


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, line) with comments removed and continuations joined."""
    lines: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = re.sub(r"(^|\s)#.*$", "", raw).rstrip()
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = (pending + line).strip(), ""
        if line:
            lines.append((start, line))
    return lines


def _read_pyproject(path: Path) -> Declared:
    declared = Declared(path)
    try:
        project = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        declared.unchecked.append(words(C.DOCTOR_FILE_UNREADABLE, file=path.name, error=str(error)))
        return declared
    for number, line in enumerate(project.get("dependencies", []), 1):
        where = words(C.DOCTOR_PYPROJECT_ITEM, file=path.name, number=number)
        _add(declared, str(line), where)
    return declared


def _add(declared: Declared, line: str, where: Message) -> None:
    """`where` names the place (file, line or item); the line itself is added to it."""
    try:
        declared.requirements.append(Requirement(line))
    except InvalidRequirement:  # a path, a URL, -e: not a name to check
        declared.unchecked.append(Message(where.id, {**where.params, "line": line}))


def unmet_requirements(declared: Declared, facts: PythonFacts) -> list[Unmet]:
    installed: dict[str, Installed] = {
        canonicalize_name(name): dist for name, dist in facts.distributions.items()
    }
    unmet: list[Unmet] = []
    for requirement in declared.requirements:
        if requirement.marker and not requirement.marker.evaluate(facts.markers):
            continue  # not needed on this platform or Python
        why = _why_unmet(requirement, installed, facts.markers, seen=set())
        if why is not None:
            unmet.append(Unmet(requirement, why))
    return unmet


def _why_unmet(
    requirement: Requirement,
    installed: dict[str, Installed],
    markers: dict[str, str],
    seen: set[str],
) -> Message | None:
    """Why the requirement is not met, or None when it is."""
    name = canonicalize_name(requirement.name)
    dist = installed.get(name)
    if dist is None:
        return words(C.DOCTOR_NOT_INSTALLED)
    if requirement.specifier:
        try:
            ok = requirement.specifier.contains(Version(dist.version), prereleases=True)
        except InvalidVersion:
            ok = False
        if not ok:
            wanted = str(requirement.specifier)
            return words(C.DOCTOR_WRONG_VERSION, installed=dist.version, needed=wanted)
    # Extras ("fastapi[standard]") bring requirements of their own: check those as well.
    for extra in sorted(requirement.extras):
        key = f"{name}[{extra}]"
        if key in seen:
            continue
        seen.add(key)
        for line in dist.requires:
            try:
                needed = Requirement(line)
            except InvalidRequirement:
                continue
            if needed.marker and _needed_for_extra(needed.marker, markers, extra):
                inner = _why_unmet(needed, installed, markers, seen)
                if inner is not None:
                    return words(C.DOCTOR_EXTRA_NEEDS, extra=extra, name=needed.name, problem=inner)
    return None


def _needed_for_extra(marker: Marker, markers: dict[str, str], extra: str) -> bool:
    """True for a line that this extra adds (the base requirements are pip check's job)."""
    return marker.evaluate({**markers, "extra": extra}) and not marker.evaluate(
        {**markers, "extra": ""}
    )
