"""Installs the Qt translators for the chosen language: ERP Guardian's own and Qt's qtbase.

ERP Guardian's `.qm` files are compiled from resources/translations/*.ts by
scripts/setup.sh and build/build.sh (scripts/update_translations.sh refreshes the `.ts`
files from the sources). Qt's `qtbase_<lang>.qm` translates the standard buttons (Ja, Nein,
Abbrechen) and ships with PySide6; the executable keeps it (build/bundle_trim.py).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tray_app.gui import theme
from tray_app.i18n.language import locale_language, resolve_locale

log = logging.getLogger(__name__)

CATALOGUE = "erp_guardian"


def translations_dir() -> Path:
    """resources/translations, in the source tree or inside the PyInstaller bundle."""
    return theme.resources_dir() / "translations"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own catalogues may be: Qt's configured path, then PySide6's folder."""
    import PySide6

    candidates = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    return candidates


class SharedContextTranslator(QTranslator):
    """Falls back to the empty context, where lupdate files module-level `_tr()` texts.

    A text is looked up in its own context first (the class for `self.tr()`); if that has
    none, in the shared one. So a helper that passes a window's `self.tr` into a module
    function, or a subclass whose `self.tr()` reports its own class name, still finds the
    text that lupdate filed under the other name.
    """

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        found = super().translate(context, source_text, disambiguation, n)
        if not found and context:
            found = super().translate("", source_text, disambiguation, n)
        # None, not "": an empty string ends PySide's search through the parent classes'
        # contexts, and tr("PID") came back blank wherever German and English are the same.
        return found or None


def _load(app: QCoreApplication, name: str, folders: list[Path], translator: QTranslator) -> bool:
    for folder in folders:
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            return True
    log.warning("no translation %s.qm in %s", name, ", ".join(map(str, folders)))
    translator.deleteLater()
    return False


def install_translators(
    app: QCoreApplication, setting: str = "auto", qm_dir: Path | None = None
) -> str:
    """Sets the default QLocale and installs the translators; returns the language ('de').

    English needs no translator: the source texts are English.
    """
    locale_name = resolve_locale(setting)
    language = locale_language(locale_name) or "en"
    QLocale.setDefault(QLocale(locale_name))
    if language != "en":
        # Parented to the app, which keeps them alive.
        own = SharedContextTranslator(app)
        _load(app, f"{CATALOGUE}_{language}", [qm_dir or translations_dir()], own)
        _load(app, f"qtbase_{language}", qt_translations_dirs(), QTranslator(app))
    return language


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source texts (English); for tests that switch languages."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))
