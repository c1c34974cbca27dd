"""A support bundle made from a config and logs full of secrets holds none of them: every file
in the zip is searched; the names stay and REDACTED.txt says what was masked."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import tomli_w

from tests.reliability.faults import REPO_ROOT
from tray_app.config import GuardianConfig, load_config
from tray_app.logs.bundle import MASK, REDACTED_LIST, write_bundle
from tray_app.logs.incidents import write_report

SECRETS = (
    "hunter2",
    "s3cret",
    "t0kenvalue",
    "k3yvalue",
    "pw-in-log",
    "tk-in-log",
    "sc-in-log",
    "KumaPushT0ken",
    "m3trics-t0ken-value-0123456789",
    "json-pw-9",
    "report-pw-7",
)


def _config_file(tmp_path: Path) -> Path:
    values = {
        "port": 18931,
        "log_dir": str(tmp_path / "log"),
        "data_dir": str(tmp_path / "data"),
        "backend_cmd": "python -m erp --db-password hunter2 --api-key=k3yvalue --port {port}",
        "health_url": "http://admin:s3cret@127.0.0.1:18931/health",
        "backend_env": {"ERP_TOKEN": "t0kenvalue", "ERP_MODE": "prod"},
        "push_url": "https://kuma.example.org/api/push/KumaPushT0ken?status=up",
        "metrics_token": "m3trics-t0ken-value-0123456789",
    }
    path = tmp_path / "config.toml"
    path.write_text(tomli_w.dumps(values))
    return path


def _write_logs(config: GuardianConfig) -> None:
    log_dir = config.log_path
    log_dir.mkdir(parents=True)
    (log_dir / "guardian.log").write_text(
        "2025-01-02 10:00:00,000 INFO erp_guardian: starting ['python', '-m', 'erp', "
        "'--db-password', 'hunter2', '--api-key=k3yvalue']\n"
        "2025-01-02 10:00:01,000 ERROR erp_guardian: login failed password=pw-in-log user=x\n"
    )
    (log_dir / "backend.log").write_text(
        "connecting to postgres://erp:s3cret@db.local/erp\n"
        "auth token=tk-in-log accepted; secret: sc-in-log\n"
        "INFO started with --db-password hunter2 on port 18931\n"
    )
    line = {
        "time": "2025-01-02T10:00:02+00:00",
        "event": "exited",
        "data": {"password": "json-pw-9"},
    }
    (log_dir / "events.jsonl").write_text(json.dumps(line) + "\n")
    write_report(
        log_dir,
        {
            "id": "20250102T100002Z",
            "detail": "backend ended: exit code 1",
            "timeline": [{"event": "exited", "detail": "DB_PASSWORD=report-pw-7 rejected"}],
            "backend_output_tail": [
                "Traceback ...",
                "sqlite: secret=sc-in-log",
                "token: tk-in-log",
            ],
        },
    )


def test_bundle_holds_no_secret_and_lists_what_it_masked(tmp_path: Path) -> None:
    config = load_config(_config_file(tmp_path)).config
    _write_logs(config)

    target = write_bundle(config, tmp_path / "support.zip")

    with zipfile.ZipFile(target) as archive:
        files = {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}
    assert {"logs/incidents/20250102T100002Z.json", "logs/incidents/20250102T100002Z.txt"} <= set(
        files
    )
    leaks = [(name, s) for name, text in files.items() for s in SECRETS if s in text]
    assert not leaks, leaks
    settings = json.loads(files["config.json"])
    assert settings["backend_env"] == {"ERP_TOKEN": MASK, "ERP_MODE": "prod"}
    assert "--db-password" in settings["backend_cmd"] and "--api-key=***" in settings["backend_cmd"]
    assert settings["health_url"] == "http://admin:***@127.0.0.1:18931/health"
    assert "kuma.example.org" in settings["push_url"]
    assert "user=x" in files["logs/guardian.log"]  # what is no secret stays
    json.loads(files["logs/incidents/20250102T100002Z.json"])  # still valid JSON
    listed = files[REDACTED_LIST]
    for expected in (
        "backend_env ERP_TOKEN: 1",
        "health_url password: 1",
        "logs/guardian.log password: 1",
        "logs/backend.log token: 1",
        "metrics_token: 1",
    ):
        assert expected in listed, listed


def test_config_show_prints_no_secret(tmp_path: Path) -> None:
    config_file = _config_file(tmp_path)
    for extra in ([], ["--json"]):
        shown = subprocess.run(
            [
                sys.executable,
                "-m",
                "tray_app",
                "config",
                "show",
                *extra,
                "--config",
                str(config_file),
            ],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert shown.returncode == 0, shown.stderr
        assert "backend_env" in shown.stdout
        leaks = [s for s in SECRETS if s in shown.stdout]
        assert not leaks, (extra, leaks)
