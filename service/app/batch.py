"""POST /v1/batch: many documents in one request, as JSON or as streamed NDJSON.

JSON:   {"documents": [{"id", "text"|"html", "options", "site"}], "options": {defaults}}
        -> {"results": [{"id", ...clean result...} | {"id", "error": {code, message}}]}
        Every document is read (and its page extracted) before any is cleaned:
        lines found on most documents of one `site` (all documents without one
        form one site) are that site's boilerplate, removed by `chrome` with
        the count as evidence (steps/chrome/recurring.py).
NDJSON: one such document per line in, one result per line out, in order,
        streamed as each line is cleaned; defaults come from the query string.

A bad document never fails the batch: it gets an error entry of its own and the
others are cleaned. Only a request that is unusable as a whole (not JSON, no
document list, too many documents, bad default options) gets an HTTP error.
"""
from __future__ import annotations

import json
import logging
import time
from typing import NamedTuple

from flask import Blueprint, Response, current_app, jsonify, request, stream_with_context
from werkzeug.exceptions import RequestEntityTooLarge

from ..budget import EXTRACTION_SHARE
from ..errors import CopydeskError
from ..options import Options, name_a_few
from ..documents import check_batch_document, check_names, document_id, extract_input
from ..steps.chrome.recurring import recurring_by_document
from .api import (EditBudget, allow_html_body, options_from_query, parse_document, refuse_large_text_body,
                  run_clean)
from .errors import ApiError
from .ops import observe_failure
from .requests import JSON_TYPES, media_type, parse_json, read_json_object, require_charset_utf8

log = logging.getLogger(__name__)
bp = Blueprint("batch", __name__)

NDJSON_TYPES = ("application/x-ndjson", "application/jsonl")


class Prepared(NamedTuple):
    """A batch document read and checked, its page extracted: ready to clean."""

    id: str | int
    text: str | None
    html: str | None
    options: Options
    block: dict | None  # the input block of an html document
    site: str

    @property
    def article(self) -> str:
        """The text the pipeline will clean: the document's, or its page's article."""
        return self.text if self.block is None else self.block["text"]


def clean_one(document, defaults: dict, position: str, budget: EditBudget | None = None,
              deadline: float | None = None) -> dict:
    """One result entry: {id, ...result} or {id, error}; never raises for a bad document.

    `deadline`: the monotonic time by which the request's documents must be done."""
    prepared = prepare_one(document, defaults, position, deadline)
    if isinstance(prepared, dict):
        return prepared
    return finish_one(prepared, position, budget, deadline)


def prepare_one(document, defaults: dict, position: str, deadline: float | None = None) -> Prepared | dict:
    """The document read, checked and extracted, or its error entry.

    `deadline`: as for clean_one. Reading pages is charged to it: a page met after it
    is read without a parser and reported incomplete (documents.extract_input), so a
    batch of many pages cannot hold a worker past its time."""
    def prepare():
        body = check_batch_document(document, position)
        text, html, options = parse_document(body, defaults, position)
        # one document's time, of which the page's extraction takes its share (the steps have theirs), within the batch's
        seconds = current_app.config["TIME_BUDGET_MS"] / 1000
        if deadline is not None:
            seconds = min(seconds, deadline - time.monotonic())
        block = extract_input(html, seconds)[1] if html is not None else None
        return Prepared(document_id(document), text, html, options, block, document.get("site", ""))
    return guarded(document_id(document), position, prepare)


def finish_one(doc: Prepared, position: str, budget: EditBudget | None = None, deadline: float | None = None,
               recurring_lines: frozenset = frozenset()) -> dict:
    """The result entry of a prepared document."""
    def finish():
        left = None if deadline is None else deadline - time.monotonic()
        return {"id": doc.id, **run_clean(doc.text, doc.html, doc.options, budget, seconds=left, block=doc.block,
                                          recurring_lines=recurring_lines)}
    return guarded(doc.id, position, finish)


def guarded(doc_id, position: str, work):
    """`work()`, or the document's error entry when it fails: a bad or crashing
    document never fails the batch."""
    try:
        return work()
    except ApiError as exc:
        code, message = exc.code, exc.message
    except CopydeskError as exc:  # the message names the position (documents.where)
        code, message = exc.code, str(exc)
    except Exception:  # one document's crash must not lose the others' results
        log.exception("unexpected error cleaning %s", position)
        code, message = "internal_error", f"{position}: internal error; the document was not processed"
    observe_failure()
    return {"id": doc_id, "error": {"code": code, "message": message}}


def check_defaults(defaults) -> dict:
    """Batch-wide default options, checked once so a typo fails the request, not every document."""
    if not isinstance(defaults, dict):
        raise ApiError(400, "invalid_field", "'options' must be a JSON object")
    misplaced = sorted(set(defaults) & {"text", "html", "id"})
    if misplaced:
        raise ApiError(400, "invalid_field", f"'options' cannot hold {', '.join(misplaced)}")
    try:
        check_names(Options.from_mapping(defaults))
    except CopydeskError as exc:
        raise ApiError(getattr(exc, "status", 400), exc.code, f"'options': {exc}") from None
    return defaults


def clean_json_batch() -> Response:
    allow_html_body()
    body = read_json_object(request)
    documents = body.get("documents")
    refuse_large_text_body(not (isinstance(documents, list)
                                and any(isinstance(d, dict) and "html" in d for d in documents)))
    unknown = sorted(set(body) - {"documents", "options"})
    if unknown:
        raise ApiError(400, "invalid_field", f"unknown field(s) {name_a_few(unknown)}; send 'documents' and 'options'")
    documents = body.get("documents")
    if not isinstance(documents, list):
        raise ApiError(400, "missing_field" if documents is None else "invalid_field",
                       "'documents' must be a list of {id, text|html, options}")
    limit = current_app.config["MAX_BATCH"]
    if len(documents) > limit:
        raise ApiError(413, "too_many_documents",
                       f"{len(documents)} documents is more than the limit of {limit} per request; "
                       "split the batch or stream it as application/x-ndjson")
    # query-string options apply here too (as for /v1/clean); the body's own win
    query = options_from_query()
    defaults = check_defaults(body.get("options", {}))
    defaults = {**query, **defaults}
    # one response: the documents share its edit budget (COPYDESK_MAX_EDITS) and its time
    # (COPYDESK_BATCH_TIME_BUDGET_MS); a streamed batch answers line by line and needs neither
    budget = EditBudget(current_app.config["MAX_EDITS"])
    seconds = current_app.config["BATCH_TIME_BUDGET_MS"] / 1000
    started = time.monotonic()
    deadline = started + seconds
    # reading the pages takes at most the extraction share of the batch's time, as of a
    # document's: the steps, which the service is for, keep the rest
    reading = started + EXTRACTION_SHARE * seconds
    prepared = [prepare_one(doc, defaults, f"document {i}", reading) for i, doc in enumerate(documents)]
    ready = [p if isinstance(p, Prepared) else None for p in prepared]
    recurring = recurring_by_document([p.site if p else "" for p in ready], [p.article if p else None for p in ready])
    results = [p if r is None else finish_one(r, f"document {i}", budget, deadline, recurring[i])
               for i, (p, r) in enumerate(zip(prepared, ready))]
    return jsonify({"results": results})


# --- NDJSON ------------------------------------------------------------------------------------

def read_lines(stream, max_line: int):
    """(line number, bytes or None if too long) for each non-blank line of `stream`."""
    number = 0
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            # Skip the rest of the oversized line without holding it in memory.
            while line and not line.endswith(b"\n"):
                line = stream.readline(max_line + 1)
            yield number, None
            continue
        if line.strip():
            yield number, line


def clean_line(number: int, line: bytes | None, defaults: dict, max_line: int) -> dict:
    """The result entry for one NDJSON line; errors carry the line number."""
    position = f"line {number}"
    try:
        if line is None:
            raise ApiError(413, "line_too_large", f"{position} is longer than the limit of {max_line} bytes")
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(400, "invalid_encoding", f"{position} is not valid UTF-8 (byte {exc.start})") from None
        # a lone surrogate escape could not be written back: refused here, on its line
        document = parse_json(decoded, position)
        text_limit = current_app.config["MAX_CONTENT_LENGTH"]
        if len(line) > text_limit and not (isinstance(document, dict) and "html" in document):
            raise ApiError(413, "line_too_large", f"{position} is longer than the limit of {text_limit} bytes")
    except ApiError as exc:
        observe_failure()
        return {"id": None, "line": number, "error": {"code": exc.code, "message": exc.message}}
    entry = clean_one(document, defaults, position)
    if "error" in entry:
        entry = {"id": entry["id"], "line": number, "error": entry["error"]}
    return entry


def result_line(entry: dict, number: int) -> bytes:
    """One NDJSON output line; an entry that cannot be written as UTF-8 becomes an error
    entry for its line, so the stream is never cut.

    >>> result_line({"id": 1, "text": "ok"}, 1)
    b'{"id": 1, "text": "ok"}\\n'
    >>> result_line({"id": 1, "text": "\\ud800"}, 1)[:40]
    b'{"id": 1, "line": 1, "error": {"code": "'
    """
    try:
        return (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError):
        error = {"code": "invalid_encoding", "message": f"line {number}: the result holds text that is not "
                 "valid Unicode (a lone surrogate) and was not written"}
        return (json.dumps({"id": entry.get("id") if isinstance(entry.get("id"), int) else None,
                            "line": number, "error": error}) + "\n").encode("utf-8")


def stream_results(stream, defaults: dict, max_line: int):
    """Yield one JSON line per input line, as each is cleaned."""
    try:
        for number, line in read_lines(stream, max_line):
            yield result_line(clean_line(number, line, defaults, max_line), number)
    except RequestEntityTooLarge:
        # The status line is long gone: the limit is reported as a last line.
        limit = current_app.config["MAX_STREAM_BYTES"]
        yield json.dumps({"id": None, "error": {"code": "payload_too_large", "message":
                          f"the stream is larger than the limit of {limit} bytes; the rest was not read"}}) + "\n"


def clean_ndjson_batch() -> Response:
    # A stream may be far larger than one /v1/clean body; each line keeps that limit.
    max_line = max(current_app.config["MAX_CONTENT_LENGTH"], current_app.config["MAX_HTML_BYTES"])
    request.max_content_length = current_app.config["MAX_STREAM_BYTES"]
    defaults = check_defaults(options_from_query())
    try:
        stream = request.stream
    except RequestEntityTooLarge:
        raise ApiError(413, "payload_too_large", "the stream is larger than the limit of "
                       f"{request.max_content_length} bytes (COPYDESK_MAX_STREAM_BYTES)") from None
    return Response(stream_with_context(stream_results(stream, defaults, max_line)),
                    mimetype="application/x-ndjson")


@bp.post("/v1/batch")
def batch_endpoint():
    kind = media_type(request)
    require_charset_utf8(request)
    if kind in JSON_TYPES:
        return clean_json_batch()
    if kind in NDJSON_TYPES:
        return clean_ndjson_batch()
    raise ApiError(415, "unsupported_media_type", "send application/json or application/x-ndjson (UTF-8)")
