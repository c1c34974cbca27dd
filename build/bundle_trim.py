"""What the bundle leaves out: Qt parts and Python packages that ERP Guardian does not use.

The PyInstaller hooks collect every plugin of each Qt module in use and every module any
import might reach. `erp-guardian.spec` passes EXCLUDED_MODULES to the Analysis and runs
`trim_binaries` and `trim_datas` afterwards; `build/build.sh --no-trim` builds without
both, to measure what they save.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

TocEntry = tuple[str, str, str]  # (name inside the bundle, source file, type code)
_LOADABLE = ("BINARY", "EXTENSION")

# Python packages that imports can reach but that never run here.
EXCLUDED_MODULES = [
    "mypy",  # pydantic's mypy plugin pulls in mypy itself (a dev tool)
    "pydantic.mypy",
    "pydantic.v1.mypy",
    "ast_serialize",
    "librt",
    "_pytest",  # anyio's pytest plugin
    "pytest",
    "anyio.pytest_plugin",
    "hypothesis",  # pydantic.v1's hypothesis plugin, when the dev tools are installed
    "pydantic.v1._hypothesis_plugin",
    "rich",  # pydantic's debug printer of core schemas, when rich is installed
    "pygments",
    "uvloop",  # uvicorn's "auto" loop falls back to asyncio, fast enough for one workstation
    "watchfiles",  # uvicorn --reload only
    "websockets",  # neither server has WebSocket routes
    "wsproto",
    "yaml",  # uvicorn reads YAML log configs; both servers pass log_config=None
    "dotenv",  # uvicorn --env-file only
    "PySide6.QtDBus",  # the Python binding; Qt's own libQt6DBus stays (the tray needs it)
    "PySide6.QtOpenGL",
    "PySide6.QtSvg",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtPdf",
    "tkinter",
    "curses",
]

# Qt's own catalogues kept: tray_app/gui/translations.py loads qtbase_<language>.qm for the
# standard buttons and dialogs; every other Qt catalogue is for modules the app does not use.
KEPT_QT_TRANSLATIONS = frozenset({"qtbase_de.qm"})

# Qt plugins kept, by plugin folder; folders not listed are dropped whole.
_KEPT_QT_PLUGINS = {
    # xcb: the X11 desktop (Wayland desktops run it through XWayland); offscreen: servers and
    # tests; windows/cocoa: the other desktops.
    "platforms": ["*qxcb*", "*qoffscreen*", "qwindows*", "*qcocoa*"],
    "platforminputcontexts": ["*compose*", "*ibus*"],  # dead keys and input methods in fields
    "styles": ["*"],  # the native look on Windows and macOS
}
# Qt shared libraries that only dropped plugins or excluded modules use.
_DROPPED_QT_LIBS = [
    "*Qt6Wayland*",
    "*Qt6EglFS*",
    "*Qt6Qml*",
    "*Qt6Quick*",
    "*Qt6Pdf*",
    "*Qt6VirtualKeyboard*",
    "opengl32sw*",  # Windows: software OpenGL, for Qt Quick; the widgets draw without it
    "d3dcompiler_*",
]


def _qt_relative(name: str) -> PurePosixPath | None:
    """The path below PySide6/Qt (or PySide6 on Windows) of a Qt file, else None."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if len(parts) < 2 or parts[0] != "PySide6":
        return None
    return PurePosixPath(*parts[2:]) if parts[1] == "Qt" else PurePosixPath(*parts[1:])


def is_dropped(name: str) -> bool:
    """True for a Qt plugin, translation or library the app does not use."""
    relative = _qt_relative(name)
    if relative is None or not relative.parts:
        return False
    if relative.parts[0] == "translations":
        # Qt's own texts: only the catalogues of the languages the app speaks (Ja/Nein/Abbrechen).
        return relative.name not in KEPT_QT_TRANSLATIONS
    if relative.parts[0] == "plugins" and len(relative.parts) >= 3:
        kept = _KEPT_QT_PLUGINS.get(relative.parts[1], [])
        return not any(fnmatch.fnmatch(relative.name, pattern) for pattern in kept)
    return any(fnmatch.fnmatch(relative.name, pattern) for pattern in _DROPPED_QT_LIBS)


Imports = Callable[[str], Iterable[str]]


def _default_imports(path: str) -> list[str]:
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    return [name for name, _ in get_imports(path)]


def _key(name: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    return base.lower() if sys.platform == "win32" else base


def _closure(roots: Iterable[TocEntry], by_key: dict[str, TocEntry], imports: Imports) -> set[str]:
    """Keys of the bundled libraries that the roots load, directly or through each other."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        _name, source, kind = stack.pop()
        if kind not in _LOADABLE:
            continue
        for imported in imports(source):
            key = _key(imported)
            if key in by_key and key not in seen:
                seen.add(key)
                stack.append(by_key[key])
    return seen


def trim_binaries(binaries: list[TocEntry], imports: Imports = _default_imports) -> list[TocEntry]:
    """The binaries left after dropping unused Qt parts and the libraries only they needed.

    A library goes with a dropped plugin only if nothing kept loads it, so a library that
    PyInstaller collected for another reason (a ctypes load, another plugin) stays.
    """
    dropped = [entry for entry in binaries if is_dropped(entry[0])]
    kept = [entry for entry in binaries if not is_dropped(entry[0])]
    libraries = {_key(entry[0]): entry for entry in kept if entry[2] == "BINARY"}
    only_by_dropped = _closure(dropped, libraries, imports)
    roots = [entry for entry in kept if _key(entry[0]) not in only_by_dropped]
    orphans = only_by_dropped - _closure(roots, libraries, imports)
    return [entry for entry in kept if _key(entry[0]) not in orphans]


def trim_datas(datas: list[TocEntry], binaries: list[TocEntry]) -> list[TocEntry]:
    """The data files left: Qt's catalogues but qtbase_de, no symlinks to dropped binaries."""
    present = {entry[0] for entry in binaries} | {entry[0] for entry in datas}

    def keep(entry: TocEntry) -> bool:
        name, target, kind = entry
        if kind == "SYMLINK":  # (link name, target name inside the bundle, "SYMLINK")
            return target in present and not is_dropped(target)
        return not is_dropped(name)

    return [entry for entry in datas if keep(entry)]
