"""Configuration: defaults, then a mapping (tests), then COPYDESK_* environment.

Every variable is validated at start; a bad value stops the service with a
message naming the variable, rather than surfacing later as odd behaviour.
"""
from __future__ import annotations

import os

from ..budget import POLLED_PAGE_CHARS
from ..errors import CopydeskError
from ..options import STEPS

PREFIX = "COPYDESK_"


class ConfigError(CopydeskError):
    code = "invalid_config"


def _int(name: str, low: int, high: int):
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{PREFIX}{name} must be a whole number, got {raw!r}") from None
        if not low <= value <= high:
            raise ConfigError(f"{PREFIX}{name} must be between {low} and {high}, got {value}")
        return value
    return parse


def _steps(raw: str) -> tuple:
    steps = tuple(s.strip() for s in raw.split(",") if s.strip())
    bad = [s for s in steps if s not in STEPS]
    if bad or not steps:
        raise ConfigError(f"{PREFIX}DEFAULT_STEPS must list steps from {', '.join(STEPS)}, got {raw!r}")
    return steps


def _keys(raw: str) -> tuple:
    keys = tuple(k.strip() for k in raw.split(",") if k.strip())
    if any(len(k) < 16 for k in keys):
        raise ConfigError(f"{PREFIX}API_KEYS: each key must be at least 16 characters")
    return keys


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"{PREFIX}LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {raw!r}")
    return level


def _dir(raw: str) -> str:
    if not os.path.isdir(raw):
        raise ConfigError(f"{PREFIX}RULES_DIR {raw!r} is not a directory")
    return raw


def _rate(raw: str):
    from .ratelimit import parse_rate
    try:
        return parse_rate(raw)
    except ValueError as exc:
        raise ConfigError(f"{PREFIX}RATE_LIMIT: {exc}") from None


# name -> (config key, parser, default, documentation)
SETTINGS = {
    "RULES_DIR": ("RULES_DIR", _dir, None, "directory of rule YAML files (default: the bundled rules/)"),
    "MAX_BYTES": ("MAX_CONTENT_LENGTH", _int("MAX_BYTES", 1024, 64 * 1024 * 1024), 2 * 1024 * 1024,
                  "largest request body accepted, in bytes (bodies with HTML: COPYDESK_MAX_HTML_BYTES); "
                  "larger ones get 413"),
    "MAX_HTML_BYTES": ("MAX_HTML_BYTES", _int("MAX_HTML_BYTES", 1024, 64 * 1024 * 1024), 12 * 1024 * 1024,
                       "largest request body (or NDJSON line) accepted when it carries HTML, in bytes: "
                       "pages of 10 MB in JSON; bodies of text keep COPYDESK_MAX_BYTES"),
    "DEFAULT_STEPS": ("DEFAULT_STEPS", _steps, STEPS, "steps run when a request names none"),
    "MAX_BATCH": ("MAX_BATCH", _int("MAX_BATCH", 1, 10000), 100, "most documents in one /v1/batch request"),
    "LOG_LEVEL": ("LOG_LEVEL", _log_level, "INFO", "log level"),
    "API_KEYS": ("API_KEYS", _keys, (), "comma-separated bearer tokens; empty means no authentication"),
    "MAX_MATCHES": ("MAX_MATCHES", _int("MAX_MATCHES", 1, 100_000), 5000,
                    "most matches in one /v2/check response (LanguageTool's maxErrors); past it the "
                    "response says warnings.incompleteResults: true"),
    "MAX_EDITS": ("MAX_EDITS", _int("MAX_EDITS", 1, 1_000_000), 20_000,
                  "most edits and suggestions returned for one request (a /v1/batch JSON request shares "
                  "them); past it the rest are left undone and stats.edits_dropped says how many"),
    "RATE_LIMIT": ("RATE_LIMIT", _rate, None,
                   "requests allowed per API key (or client address without keys), as N/second, "
                   "N/minute or N/hour, per worker; past it 429 with Retry-After (default: no limit)"),
    "MAX_STREAM_BYTES": ("MAX_STREAM_BYTES", _int("MAX_STREAM_BYTES", 1024, 16 * 1024 ** 3), 256 * 1024 * 1024,
                         "largest NDJSON body streamed to /v1/batch, in bytes (each line is still "
                         "limited by COPYDESK_MAX_BYTES, or COPYDESK_MAX_HTML_BYTES when it carries html)"),
    "TIME_BUDGET_MS": ("TIME_BUDGET_MS", _int("TIME_BUDGET_MS", 100, 600_000), 5000,
                       "milliseconds the cleaning steps may spend on one document; what they have not "
                       "reached by then is returned untouched and the response says `incomplete`. A page "
                       f"of {POLLED_PAGE_CHARS:,} characters or more is extracted within half of it (`incomplete.steps` "
                       "then starts with `extract`); a smaller page is extracted whole"),
    "BATCH_TIME_BUDGET_MS": ("BATCH_TIME_BUDGET_MS", _int("BATCH_TIME_BUDGET_MS", 100, 3_600_000), 30_000,
                             "milliseconds the documents of one /v1/batch JSON request may spend together "
                             "(each within COPYDESK_TIME_BUDGET_MS); documents past it come back untouched "
                             "and `incomplete`, so one request cannot hold a worker for documents x budget. "
                             "Its pages are read within half of it; pages left then are read without a parser "
                             "(`extraction.source` `unparsed`, `incomplete.steps` starting with `extract`)"),
}


def load_config(mapping: dict | None = None, environ: dict | None = None) -> dict:
    """Defaults, overridden by `mapping`, overridden by COPYDESK_* variables."""
    environ = os.environ if environ is None else environ
    config = {key: default for key, _, default, _ in SETTINGS.values()}
    config.update(mapping or {})
    for name, (key, parse, _, _) in SETTINGS.items():
        raw = environ.get(PREFIX + name)
        if raw is not None and raw != "":
            config[key] = parse(raw)
    return config
