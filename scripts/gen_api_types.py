"""Writes the OpenAPI documents of both servers and the page's TypeScript types made from them.

    .venv/bin/python scripts/gen_api_types.py            # into frontend/openapi and
                                                         # frontend/src/api/generated
    .venv/bin/python scripts/gen_api_types.py --out DIR  # into DIR (the staleness test)

No server is started: each app is built in-process (the guardian's on an idle supervisor, the
backend's on settings in a temporary folder) and asked for `app.openapi()`. The output is
deterministic, so a committed file that differs from a fresh one is stale.
Needs the page's npm packages (`npm --prefix frontend ci`) for openapi-typescript.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from backend.app.main import create_app
from backend.app.settings import BackendSettings
from tray_app.config import GuardianConfig
from tray_app.watchdog import Supervisor
from tray_app.web.app import create_web_app

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"
OPENAPI_DIR = "openapi"
TYPES_DIR = "src/api/generated"
GENERATOR = FRONTEND / "node_modules" / ".bin" / "openapi-typescript"
NAMES = ("guardian", "backend")


def openapi_documents(scratch: Path) -> dict[str, dict[str, Any]]:
    """Both apps' OpenAPI documents; `scratch` takes the files their constructors may touch."""
    config = GuardianConfig(log_dir=str(scratch / "logs"), data_dir=str(scratch / "data"))
    guardian = create_web_app(
        Supervisor(config), token="unused", backend_url="http://127.0.0.1:1", dist_dir=None
    )
    backend = create_app(BackendSettings(db_path=scratch / "data" / "erp.sqlite3"))
    return {"guardian": guardian.openapi(), "backend": backend.openapi()}


def write(out: Path) -> list[Path]:
    """Writes out/openapi/NAME.json and out/src/api/generated/NAME.ts; returns the paths."""
    (out / OPENAPI_DIR).mkdir(parents=True, exist_ok=True)
    (out / TYPES_DIR).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        documents = openapi_documents(Path(scratch))
    written = []
    for name in NAMES:
        refuse_duplicate_operation_ids(name, documents[name])
        schema = out / OPENAPI_DIR / f"{name}.json"
        schema.write_text(json.dumps(documents[name], indent=2) + "\n", encoding="utf-8")
        types = out / TYPES_DIR / f"{name}.ts"
        generate_types(schema, types)
        written += [schema, types]
    return written


def refuse_duplicate_operation_ids(name: str, document: dict[str, Any]) -> None:
    """OpenAPI wants them unique; openapi-typescript writes a duplicate twice (invalid TS).
    FastAPI gives one route with two methods (`api_route(methods=[...])`) the same id."""
    seen = Counter(
        operation["operationId"]
        for path in document["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    )
    duplicates = sorted(op for op, count in seen.items() if count > 1)
    if duplicates:
        raise SystemExit(f"{name}: operationIds used more than once: {', '.join(duplicates)}")


def generate_types(schema: Path, types: Path) -> None:
    if not GENERATOR.exists():
        raise SystemExit(f"{GENERATOR} is missing: run npm --prefix frontend ci first")
    subprocess.run(
        [str(GENERATOR), str(schema), "--output", str(types)],
        check=True,
        capture_output=True,  # it prints progress lines; an error shows in CalledProcessError
        cwd=FRONTEND,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FRONTEND, help="instead of frontend/")
    for path in write(parser.parse_args().out):
        print(path)  # noqa: T201  (a command-line tool's output)


if __name__ == "__main__":
    main()
