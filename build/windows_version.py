"""The Windows version resource of the executable (Explorer's Properties > Details)."""

from __future__ import annotations

from PyInstaller.utils.win32.versioninfo import (  # type: ignore[import-untyped]
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)

LANG_CODEPAGE = "040904B0"  # U.S. English, Unicode


def _four_numbers(version: str) -> tuple[int, int, int, int]:
    """Windows wants exactly four 16-bit numbers: 0.1.0 -> (0, 1, 0, 0)."""
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    major, minor, patch, build = [*numbers, 0, 0, 0, 0][:4]
    return major, minor, patch, build


def version_resource(version: str) -> VSVersionInfo:
    numbers = _four_numbers(version)
    strings = [
        StringStruct("CompanyName", "ERP Guardian"),
        StringStruct("FileDescription", "ERP Guardian - keeps the ERP backend running"),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", "erp-guardian"),
        StringStruct("OriginalFilename", "erp-guardian.exe"),
        StringStruct("ProductName", "ERP Guardian"),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([StringTable(LANG_CODEPAGE, strings)]),
            VarFileInfo([VarStruct("Translation", [0x0409, 0x04B0])]),
        ],
    )
