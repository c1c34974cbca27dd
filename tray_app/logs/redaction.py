"""Secrets out of what leaves the machine: support bundles, incident reports, `config show`.

What is masked (the names stay, so a bundle still says which option was set):
- values of options and environment variables whose names contain password, passwd, secret,
  token, key or credential: `--db-password hunter2`, `--db-password=hunter2`, `ERP_TOKEN=x`;
- user:password in URLs (`http://admin:***@host/`), and the path of the Uptime Kuma push URL
  (its token is the path);
- `password=…`, `token: …`, `"secret": "…"` and the like in log lines and reports.
Every mask is counted under a label (`Redactions`), so the bundle can say what it left out.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from tray_app.config import GuardianConfig

MASK = "***"
SECRET_WORDS = ("password", "passwd", "secret", "token", "key", "credential")
_SECRET_NAME = re.compile("|".join(SECRET_WORDS), re.IGNORECASE)
# user:password@ in any URL-like text (scheme://user:pass@host)
_URL_USERINFO = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^\s:/@\"']+:)(?P<secret>[^\s@/\"']+)@")
# name=value, name: value, "name": "value", --name value (the name holds a secret word)
_NAME = r"[\w.-]*(?:password|passwd|secret|token|key|credential)[\w.-]*"
_ASSIGNED = re.compile(
    rf"(?P<name>(?P<q>[\"']?)(?P<bare>{_NAME})(?P=q)\s*[=:]\s*)"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s,;&\"'}\])]+)",
    re.IGNORECASE,
)
# --name value, also inside a printed list: '--db-password', 'hunter2'
_OPTION_THEN_VALUE = re.compile(
    rf"(?P<name>--?{_NAME}(?:[\"']?\s*,\s*[\"']?|\s+))(?P<value>[^\s\-\"'][^\s,;\"']*)",
    re.IGNORECASE,
)


def is_secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(name))


class Redactions(Counter[str]):
    """How many values were masked, by label ("backend_env ERP_TOKEN", "guardian.log password")."""

    def lines(self) -> list[str]:
        return [f"{label}: {count}" for label, count in sorted(self.items())]


def redact_text(text: str, where: str, found: Redactions) -> str:
    """Mask secrets in free text (a log, a report); counts them as `where <name>`."""

    def assigned(match: re.Match[str]) -> str:
        found[f"{where} {match.group('bare').lower()}"] += 1
        value = match.group("value")
        quote = value[0] if value[:1] in "\"'" else ""
        return f"{match.group('name')}{quote}{MASK}{quote}"

    def option(match: re.Match[str]) -> str:
        name = re.match(r"--?([\w.-]+)", match.group("name"))
        found[f"{where} {name.group(1).lower() if name else 'option'}"] += 1
        return f"{match.group('name')}{MASK}"

    def userinfo(match: re.Match[str]) -> str:
        found[f"{where} url password"] += 1
        return f"{match.group('head')}{MASK}@"

    text = _URL_USERINFO.sub(userinfo, text)
    text = _ASSIGNED.sub(assigned, text)
    return _OPTION_THEN_VALUE.sub(option, text)


def redact_url(url: str, label: str, found: Redactions, *, mask_path: bool = False) -> str:
    """user:password masked; with mask_path the path too (a push URL's token is its path)."""
    if not url:
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        netloc = netloc.replace(f":{parts.password}@", f":{MASK}@", 1)
        found[f"{label} password"] += 1
    path = parts.path
    if mask_path and path not in ("", "/"):
        path = "/" + MASK
        found[f"{label} path"] += 1
    query = redact_text(parts.query, label, found) if parts.query else parts.query
    return urlunsplit((parts.scheme, netloc, path, query, parts.fragment))


def redact_argv(argv: list[str], label: str, found: Redactions) -> list[str]:
    """`--db-password X`, `--db-password=X` and `NAME=X` with a secret name: X masked."""
    out: list[str] = []
    mask_next = False
    for arg in argv:
        if mask_next:
            out.append(MASK)
            mask_next = False
            continue
        name, sep, _value = arg.partition("=")
        if sep and is_secret_name(name):
            found[f"{label} {name.lstrip('-')}"] += 1
            out.append(f"{name}={MASK}")
        elif arg.startswith("-") and is_secret_name(arg):
            found[f"{label} {arg.lstrip('-')}"] += 1
            out.append(arg)
            mask_next = True
        else:
            out.append(redact_text(arg, label, found))
    return out


def redacted_config(config: GuardianConfig, found: Redactions | None = None) -> dict[str, Any]:
    """The effective config, JSON-ready, with every value that could be a secret masked."""
    found = found if found is not None else Redactions()
    values = config.model_dump(mode="json")
    values["backend_cmd"] = redact_argv(config.backend_argv, "backend_cmd", found)
    values["backend_env"] = {
        name: _env_value(name, value, found) for name, value in config.backend_env.items()
    }
    values["health_url"] = redact_url(config.health_url or "", "health_url", found) or None
    values["push_url"] = redact_url(config.push_url, "push_url", found, mask_path=True)
    for key, value in values.items():
        if isinstance(value, str) and value and is_secret_name(key):
            values[key] = MASK
            found[key] += 1
    return values


def _env_value(name: str, value: str, found: Redactions) -> str:
    if is_secret_name(name):
        found[f"backend_env {name}"] += 1
        return MASK
    return redact_text(value, f"backend_env {name}", found)
