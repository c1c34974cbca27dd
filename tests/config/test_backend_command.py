"""backend_cmd as a TOML list (argv as it is) or a string split by the platform's own rules."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from tray_app.command_line import CommandSyntaxError, join_command, split_command
from tray_app.config import ConfigError, GuardianConfig, load_config, save_config
from tray_app.watchdog.launch import launch_spec


def _load(tmp_path: Path, **values: object) -> GuardianConfig:
    """Options over an empty config file: the machine's own config.toml plays no part."""
    empty = tmp_path / "empty.toml"
    empty.touch()
    return load_config(empty, values).config


WINDOWS_CASES = [
    (
        r"C:\ERP\venv\Scripts\python.exe -m uvicorn erp.main:app --port {port}",
        [r"C:\ERP\venv\Scripts\python.exe", "-m", "uvicorn", "erp.main:app", "--port", "{port}"],
    ),
    (
        r'"C:\Program Files\ERP\python.exe" -m erp --name "Meier & Söhne"',
        [r"C:\Program Files\ERP\python.exe", "-m", "erp", "--name", "Meier & Söhne"],
    ),
    # A backslash before a closing quote: 2n backslashes + quote -> n backslashes.
    (r'erp.exe --data "D:\Daten\\"', ["erp.exe", "--data", "D:\\Daten\\"]),
    (r"erp.exe --share \\server\erp", ["erp.exe", "--share", r"\\server\erp"]),
    (r'erp.exe say "a ""quoted"" word"', ["erp.exe", "say", 'a "quoted" word']),
]


@pytest.mark.parametrize(("text", "argv"), WINDOWS_CASES)
def test_windows_commands_keep_their_backslashes_and_quotes(text: str, argv: list[str]) -> None:
    assert split_command(text, windows=True) == argv


@pytest.mark.parametrize(("_text", "argv"), WINDOWS_CASES)
def test_joining_splits_back_to_the_same_argv(_text: str, argv: list[str]) -> None:
    assert split_command(join_command(argv, windows=True), windows=True) == argv
    assert split_command(join_command(argv, windows=False), windows=False) == argv


def test_posix_commands_follow_the_shell() -> None:
    assert split_command("python -m erp --name 'a b' x\\ y", windows=False) == [
        "python",
        "-m",
        "erp",
        "--name",
        "a b",
        "x y",
    ]


def test_a_cmd_operator_outside_quotes_is_refused_on_windows() -> None:
    with pytest.raises(CommandSyntaxError, match=r"cmd\.exe operator"):
        split_command("erp.exe & del *", windows=True)
    assert split_command('erp.exe "& not an operator"', windows=True)[1] == "& not an operator"


def test_an_unclosed_quote_is_refused_with_the_key(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text("backend_cmd = 'python \"unclosed'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"backend_cmd = .*a quote is not closed"):
        load_config(file)


def test_a_list_is_argv_as_it_is_and_placeholders_work_in_items(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text(
        'backend_cmd = ["C:\\\\ERP\\\\python.exe", "-m", "erp", "--bind={host}:{port}"]\n'
        'host = "127.0.0.2"\nport = 9100\n',
        encoding="utf-8",
    )
    config = load_config(file).config
    assert config.backend_argv == [r"C:\ERP\python.exe", "-m", "erp", "--bind={host}:{port}"]
    assert launch_spec(config).argv[-1] == "--bind=127.0.0.2:9100"


def test_a_string_is_kept_as_typed_and_saved_as_typed(tmp_path: Path) -> None:
    typed = f"{sys.executable} -m http.server {{port}} --bind {{host}}"
    config = _load(tmp_path, backend_cmd=typed)
    assert config.backend_cmd == typed
    assert launch_spec(config).argv == [
        sys.executable,
        "-m",
        "http.server",
        str(config.port),
        "--bind",
        config.host,
    ]
    save_config(config, tmp_path / "config.toml")
    written = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))
    assert written["backend_cmd"] == typed


def test_database_path_names_the_guarded_file_and_reaches_the_bundled_backend(
    tmp_path: Path,
) -> None:
    default = _load(tmp_path, data_dir=str(tmp_path))
    assert default.database_file == tmp_path / "erp.sqlite3"
    own = tmp_path / "ERP Daten" / "firma.db"
    config = _load(tmp_path, data_dir=str(tmp_path), database_path=str(own))
    assert config.database_file == own
    argv = launch_spec(config).argv
    assert argv[argv.index("--db") + 1] == str(own)
