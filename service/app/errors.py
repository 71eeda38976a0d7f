"""One JSON error shape for every failure: {"error": {"code", "message"}}.

Every HTTP error, including ones Werkzeug raises itself (404, 405, 413), goes
through here, and unexpected exceptions become a 500 without a stack trace.
"""
from __future__ import annotations

import logging

from flask import Flask, has_request_context, jsonify, request
from werkzeug.exceptions import HTTPException

from ..errors import CopydeskError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with its HTTP status and a stable machine-readable code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
               413: "payload_too_large", 415: "unsupported_media_type", 429: "too_many_requests"}


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def handle_api_error(exc: ApiError):
        return error_response(exc.status, exc.code, exc.message)

    @app.errorhandler(CopydeskError)
    def handle_library_error(exc: CopydeskError):
        # 400 for a malformed request; a library error may name another status
        # (documents.InconsistentNames: 422 for names that contradict each other)
        return error_response(getattr(exc, "status", 400), exc.code, str(exc))

    @app.errorhandler(HTTPException)
    def handle_http_error(exc: HTTPException):
        status = exc.code or 500
        limit = request.max_content_length if has_request_context() else app.config["MAX_CONTENT_LENGTH"]
        message = {413: f"request body is larger than the limit of {limit} bytes",
                   405: "method not allowed for this endpoint",
                   404: "no such endpoint"}.get(status, exc.description or exc.name)
        response = error_response(status, _HTTP_CODES.get(status, "http_error"), message)
        if getattr(exc, "valid_methods", None):
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):
        # The trace goes to the log, never to the client.
        log.exception("unhandled error")
        return error_response(500, "internal_error", "internal error; the request was not processed")
