"""The JSON API: /v1/clean, /v1/rules, /healthz, /readyz."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, current_app, jsonify, request

from .. import diff as diffs
from ..documents import clean_document, read_document
from ..edits import apply_edits
from ..options import Options
from . import get_resources
from .errors import ApiError
from .ops import observe_result
from .requests import (HTML_TYPES, JSON_TYPES, TEXT_TYPES, decode_utf8, media_type, read_body,
                       read_json_object, require_charset_utf8)

bp = Blueprint("api", __name__)


def _options_from(values: dict) -> Options:
    values = dict(values)
    values.setdefault("steps", list(current_app.config["DEFAULT_STEPS"]))
    return Options.from_mapping(values)


def options_from_query() -> dict:
    """Options from the query string (the only way to give them with a text body).

    They are validated on their own, so a bad query option is an error even
    where the JSON body overrides it.
    """
    out: dict = {}
    for key, raw in request.args.items():
        if key == "steps":
            out[key] = raw.split(",")  # an empty name is an unknown step, not "none"
        elif key == "min_confidence":
            try:
                out[key] = float(raw)
            except ValueError:
                raise ApiError(400, "invalid_option", "'min_confidence' must be a number from 0 to 1") from None
        elif key == "keep_typographic_quotes":
            if raw.lower() not in ("true", "false"):
                raise ApiError(400, "invalid_option", "'keep_typographic_quotes' must be true or false")
            out[key] = raw.lower() == "true"
        else:
            out[key] = raw
    Options.from_mapping(out)
    return out


def parse_document(body: dict, defaults: dict | None = None, position: str = "") -> tuple[str | None, str | None, Options]:
    """(text, html, options) from one JSON document (documents.read_document) with the
    app's default steps; `defaults` are options the document's own fields override."""
    return read_document(body, {"steps": list(current_app.config["DEFAULT_STEPS"]), **(defaults or {})}, position)


def parse_clean_request() -> tuple[str | None, str | None, Options]:
    """(text, html, options) from any accepted body type."""
    kind = media_type(request)
    require_charset_utf8(request)
    if kind in JSON_TYPES:
        # query-string options apply to every body type; the body's own win
        return parse_document(read_json_object(request), options_from_query())
    if kind in TEXT_TYPES or kind in HTML_TYPES:
        value = decode_utf8(read_body(request))
        options = _options_from(options_from_query())
        return (value, None, options) if kind in TEXT_TYPES else (None, value, options)
    raise ApiError(415, "unsupported_media_type",
                   "send application/json, text/plain or text/html (UTF-8)")


class EditBudget:
    """How many more edits and suggestions a response may carry (COPYDESK_MAX_EDITS),
    shared by the documents of one request: each edit is ~200 bytes of JSON (~450
    with an html diff), so 600,000 of them from a 2 MB text made a 270 MB response."""

    def __init__(self, limit: int):
        self.left = limit

    def take(self, wanted: int) -> int:
        granted = min(wanted, self.left)
        self.left -= granted
        return granted


def bounded_result(result, diff: str, budget: EditBudget) -> dict:
    """The response document of a Result cleaned without a diff: at most the budget's
    edits (the first in the text; suggestions after them), the text rebuilt from those
    kept, stats.edits_dropped the count of the rest, and the diff of what is kept.

    Edits are independent spans of the original, so any subset applied gives a text
    the kept edits rebuild exactly.
    """
    edits, suggestions = list(result.edits), list(result.suggestions)
    kept = budget.take(len(edits) + len(suggestions))
    if kept < len(edits) + len(suggestions):
        dropped = len(edits) + len(suggestions) - kept
        edits = sorted(edits, key=lambda e: (e.start, e.end))[:kept]
        suggestions = sorted(suggestions, key=lambda e: (e.start, e.end))[:kept - len(edits)]
        text = apply_edits(result.original, edits)
        per_step: dict = {}
        for e in edits:
            for step in e.step.split("+"):
                per_step[step] = per_step.get(step, 0) + 1
        stats = {**result.stats, "chars_out": len(text), "edits": len(edits), "edits_per_step": per_step,
                 "edits_dropped": dropped}
        result = replace(result, text=text, edits=tuple(edits), suggestions=tuple(suggestions), stats=stats)
    return replace(result, diff=diffs.render(result.original, result.text, result.edits, diff)).to_dict()


def run_clean(text: str | None, html: str | None, options: Options, budget: EditBudget | None = None,
              seconds: float | None = None, block: dict | None = None,
              recurring_lines: frozenset = frozenset()) -> dict:
    """Clean text, or the article extracted from HTML, as a response document.

    `seconds`: the time the steps may take, when less than one document's budget
    is left (a batch's documents share one); `block`, `recurring_lines`: see
    documents.clean_document."""
    allowed = current_app.config["TIME_BUDGET_MS"] / 1000
    if seconds is not None:
        allowed = max(0.0, min(allowed, seconds))
    # the diff is rendered after the edits are bounded (bounded_result)
    result, block = clean_document(text, html, replace(options, diff="none"), resources=get_resources(),
                                   budget=allowed, block=block, recurring_lines=recurring_lines)
    out = bounded_result(result, options.diff, budget or EditBudget(current_app.config["MAX_EDITS"]))
    incomplete = with_extraction(out.get("incomplete"), block["metadata"]) if block is not None else None
    if incomplete is not None:
        out["incomplete"] = incomplete
    observe_result(out["stats"], out.get("incomplete"))
    if block is not None:
        out["input"] = block
    return out


def with_extraction(incomplete: dict | None, metadata: dict) -> dict | None:
    """The response's `incomplete` block, with "extract" first in its steps when the page's
    extraction ran out of time (metadata["extraction"]["incomplete"] names the stages it skipped).

    >>> spent = {"reason": "time_budget", "budget_ms": 5000, "steps": ["region"], "message": "m"}
    >>> with_extraction(None, {"extraction": {"incomplete": spent}})["steps"]
    ['extract']
    >>> with_extraction({**spent, "steps": ["spelling"]}, {"extraction": {"incomplete": spent}})["steps"]
    ['extract', 'spelling']
    >>> with_extraction(None, {"extraction": {}}) is None
    True
    """
    spent = metadata.get("extraction", {}).get("incomplete")
    if spent is None:
        return incomplete
    if incomplete is None:
        return {**spent, "steps": ["extract"]}
    return {**incomplete, "steps": ["extract", *incomplete["steps"]]}


def allow_html_body() -> None:
    """Let this request's body grow to COPYDESK_MAX_HTML_BYTES: web pages are larger than texts.

    A text/plain body keeps COPYDESK_MAX_BYTES (refused before it is read); a
    JSON body that turns out to carry only text is held to it by
    `refuse_large_text_body` once it is parsed.
    """
    if media_type(request) in TEXT_TYPES:
        return
    config = current_app.config
    request.max_content_length = max(config["MAX_CONTENT_LENGTH"], config["MAX_HTML_BYTES"])


def refuse_large_text_body(text_only: bool) -> None:
    """413 for a body over COPYDESK_MAX_BYTES that carries no HTML."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if text_only and len(request.get_data(cache=True)) > limit:
        raise ApiError(413, "payload_too_large", f"request body is larger than the limit of {limit} bytes")


@bp.post("/v1/clean")
def clean_endpoint():
    allow_html_body()
    text, html, options = parse_clean_request()
    refuse_large_text_body(html is None)
    return jsonify(run_clean(text, html, options))


@bp.get("/v1/rules")
def rules_endpoint():
    return jsonify(get_resources().rules.summary())


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    resources = get_resources()
    ready = resources is not None
    body = {"status": "ready" if ready else "loading",
            "rules_version": resources.rules.version if ready else None}
    return jsonify(body), (200 if ready else 503)
