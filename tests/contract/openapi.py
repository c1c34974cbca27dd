"""The committed OpenAPI documents (frontend/openapi) and validators made from their routes.

The page's types are generated from these documents, and a test keeps them equal to what the
servers' response models produce; so a fixture that fits them fits the page and the servers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema_rs

REPO = Path(__file__).resolve().parents[2]
FRONTEND = REPO / "frontend"
OPENAPI_DIR = FRONTEND / "openapi"
FIXTURES = FRONTEND / "src" / "test" / "fixtures"


def document(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((OPENAPI_DIR / f"{name}.json").read_text("utf-8"))
    return result


def closed(schema: Any) -> Any:
    """The schema with every object that lists its properties closed to other keys, unless it
    says otherwise: a fixture must not carry keys that no server sends."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: closed(value) for key, value in schema.items()}
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


def response_validator(
    doc_name: str, path: str, method: str = "get", status: str = "200"
) -> jsonschema_rs.Validator:
    """Validates a JSON body against what the document says this route answers."""
    doc = document(doc_name)
    answer = doc["paths"][path][method]["responses"][status]
    schema = answer["content"]["application/json"]["schema"]
    return jsonschema_rs.Draft202012Validator(
        closed({**schema, "components": doc["components"]}), validate_formats=True
    )


def problems(validator: jsonschema_rs.Validator, body: Any) -> list[str]:
    """One line per problem, named by its place in the body, e.g. '/events/0/state: ...'."""
    return sorted(
        f"{'/' + '/'.join(map(str, error.instance_path))}: {error.message}"
        for error in validator.iter_errors(body)
    )
