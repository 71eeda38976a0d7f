"""The editor: POST /v1/apply (an editor's accept/reject choice) and the preview page at /.

The page is static HTML, CSS and JavaScript; it talks to /v1/clean and
/v1/apply like any other client. Its Content-Security-Policy allows scripts
and styles from this origin only, so even a bug that put user text into
markup could not run it.
"""
from __future__ import annotations

import json

from flask import Blueprint, jsonify, make_response, render_template, request

from .. import diff as diffs
from .. import review
from ..edits import apply_edits
from ..options import DIFF_FORMATS, name_a_few
from .errors import ApiError
from .requests import JSON_TYPES, media_type, read_json_object, require_charset_utf8

bp = Blueprint("editor", __name__)

_APPLY_FIELDS = ("text", "edits", "accept", "reject", "diff")
# Status for each way a list of edits can fail to fit the text: 409 when they belong to
# another text, 422 when they are inconsistent in themselves or with the choice.
_CONFLICT_STATUS = {review.StaleEdit: 409, review.InvalidEdits: 422, review.UnknownEditIds: 422}

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'")


def read_id_list(body: dict, key: str) -> list[str] | None:
    """accept/reject: absent, or a list of edit ids (strings)."""
    if key not in body:
        return None
    value = body[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, "invalid_field", f"'{key}' must be a list of edit ids (strings)")
    return value


def reject_lone_surrogates(body: dict) -> None:
    """JSON may escape half a surrogate pair ("\\ud800"); no UTF-8 response could carry it back."""
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, "invalid_json", "the JSON holds an unpaired surrogate escape (\\ud800-\\udfff); "
                                            "send valid Unicode text") from None


def parse_apply_request() -> dict:
    """The /v1/apply body, its shape checked; the edits themselves are checked by the library."""
    if media_type(request) not in JSON_TYPES:
        raise ApiError(415, "unsupported_media_type", "send application/json (UTF-8)")
    require_charset_utf8(request)
    body = read_json_object(request)
    reject_lone_surrogates(body)
    unknown = sorted(set(body) - set(_APPLY_FIELDS))
    if unknown:
        raise ApiError(400, "invalid_field", f"unknown field(s) {name_a_few(unknown)}; "
                                             f"known: {', '.join(_APPLY_FIELDS)}")
    for key in ("text", "edits"):
        if key not in body:
            raise ApiError(400, "missing_field", f"the body needs '{key}'")
    if not isinstance(body["text"], str):
        raise ApiError(400, "invalid_field", "'text' must be a string")
    if not isinstance(body["edits"], list):
        raise ApiError(400, "invalid_field", "'edits' must be a list of edits as /v1/clean returns them")
    if "accept" in body and "reject" in body:
        raise ApiError(400, "invalid_field", "give 'accept' or 'reject', not both")
    fmt = body.get("diff", "none")
    if fmt not in DIFF_FORMATS:
        raise ApiError(400, "invalid_option", f"'diff' must be one of {', '.join(DIFF_FORMATS)}")
    return {"text": body["text"], "edits": body["edits"], "accept": read_id_list(body, "accept"),
            "reject": read_id_list(body, "reject"), "diff": fmt}


def conflict_error(exc: review.EditConflict) -> ApiError:
    """The HTTP error for edits that do not fit the text."""
    for kind, status in _CONFLICT_STATUS.items():
        if isinstance(exc, kind):
            return ApiError(status, kind.code, str(exc))
    return ApiError(422, "invalid_edits", str(exc))


@bp.post("/v1/apply")
def apply_endpoint():
    req = parse_apply_request()
    try:
        chosen = review.choose_edits(req["text"], req["edits"], req["accept"], req["reject"])
        text = apply_edits(req["text"], chosen)
    except review.EditConflict as exc:
        raise conflict_error(exc) from None
    out = {"text": text, "applied": [e.id for e in chosen]}
    if req["diff"] != "none":
        out["diff"] = diffs.render(req["text"], text, chosen, req["diff"])
    return jsonify(out)


@bp.get("/")
def preview_page():
    response = make_response(render_template("preview.html"))
    response.headers["Content-Security-Policy"] = PAGE_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-cache"
    return response

