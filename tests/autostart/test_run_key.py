"""Windows start at login honours Task Manager's StartupApproved switch (registry in memory:
the real winreg exists only on Windows; the same logic runs there through WindowsRegistry)."""

from __future__ import annotations

from tray_app.autostart.run_key import (
    ALLOWED,
    APPROVED_KEY,
    RUN_KEY,
    RunKeyAutostart,
    is_allowed,
)

COMMAND = [r"C:\Program Files\ERP Guardian\erp-guardian.exe", "tray"]
SWITCHED_OFF = bytes([3]) + bytes.fromhex("a0b1c2d3e4f5a6b7c8d9e0")[:11]


class MemoryRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str | bytes] = {}

    def read(self, key: str, name: str) -> str | bytes | None:
        return self.values.get((key, name))

    def write_text(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def write_binary(self, key: str, name: str, value: bytes) -> None:
        self.values[(key, name)] = value

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


def test_the_run_value_quotes_a_path_with_spaces() -> None:
    registry = MemoryRegistry()
    RunKeyAutostart("erp-guardian", COMMAND, registry).enable()
    written = registry.values[(RUN_KEY, "ERP Guardian")]
    assert written == '"C:\\Program Files\\ERP Guardian\\erp-guardian.exe" tray'


def test_an_entry_switched_off_in_task_manager_is_not_enabled() -> None:
    registry = MemoryRegistry()
    autostart = RunKeyAutostart("erp-guardian", COMMAND, registry)
    autostart.enable()
    assert autostart.is_enabled()
    registry.values[(APPROVED_KEY, "ERP Guardian")] = SWITCHED_OFF
    assert not autostart.is_enabled()
    assert autostart.switched_off_by_user()


def test_enabling_from_the_menu_allows_it_again_and_disabling_clears_both() -> None:
    registry = MemoryRegistry()
    autostart = RunKeyAutostart("erp-guardian", COMMAND, registry)
    registry.values[(APPROVED_KEY, "ERP Guardian")] = SWITCHED_OFF
    autostart.enable()
    assert registry.values[(APPROVED_KEY, "ERP Guardian")] == ALLOWED
    assert autostart.is_enabled()
    autostart.disable()
    assert registry.values == {}
    assert not autostart.is_enabled()


def test_another_command_under_our_name_is_not_ours() -> None:
    registry = MemoryRegistry()
    registry.values[(RUN_KEY, "ERP Guardian")] = r"C:\old\erp-guardian.exe tray"
    assert not RunKeyAutostart("erp-guardian", COMMAND, registry).is_enabled()


def test_startup_approved_bytes_are_read_as_windows_writes_them() -> None:
    assert is_allowed(None)
    assert is_allowed(bytes([2]) + bytes(11))
    assert is_allowed(bytes([6]) + bytes(11))  # allowed, as some Windows 10 builds write it
    assert not is_allowed(bytes([3]) + bytes(11))
    assert not is_allowed(bytes([7]) + bytes(11))
