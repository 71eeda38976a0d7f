"""Operations: request ids, API keys, Prometheus metrics, JSON logs, rules reload.

`register_operations(app)` hooks all of it into an app built by `create_app`.
Nothing here changes what an endpoint answers; it only wraps requests.

Metrics work under several gunicorn workers: when PROMETHEUS_MULTIPROC_DIR is
set (gunicorn.conf.py sets it), each worker writes its samples to files there
and /metrics sums them, so any worker answers for all of them. Without it (tests,
`flask run`) a plain per-app registry is used.
"""
from __future__ import annotations

import hmac
import json
import logging
import math
import os
import re
import time
import uuid

from flask import Flask, Response, current_app, g, has_request_context, request
from prometheus_client import (CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram,
                               generate_latest)

from .errors import ApiError
from .requests import read_form

log = logging.getLogger(__name__)

# Endpoints a load balancer, an orchestrator or a scraper calls without a key.
# The preview page and its static files hold no data: the page asks for a key
# and sends it with its API calls. /v2/languages is public metadata, as on
# LanguageTool's own servers: its Python client asks for it in its constructor,
# before any key could be sent.
OPEN_PATHS = frozenset({"/healthz", "/readyz", "/metrics", "/", "/v2/languages"})
OPEN_PREFIXES = ("/static/",)
REQUEST_ID_HEADER = "X-Request-ID"
# An incoming id is echoed only if it is short and plain, so it can't forge log lines.
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
METHOD_LABELS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_SIZE_BUCKETS = (100, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000, 4_000_000)


class Metrics:
    """The service's Prometheus metrics, in a registry of their own per app."""

    def __init__(self):
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter("copydesk_requests_total", "HTTP requests by endpoint and status",
                                ("endpoint", "method", "status"), registry=self.registry)
        self.latency = Histogram("copydesk_request_duration_seconds", "time to the response headers",
                                 ("endpoint",), buckets=_LATENCY_BUCKETS, registry=self.registry)
        self.edits = Counter("copydesk_edits_total", "edits applied, by step", ("step",),
                             registry=self.registry)
        self.input_chars = Histogram("copydesk_input_chars", "size of each cleaned document, in characters",
                                     buckets=_SIZE_BUCKETS, registry=self.registry)
        self.documents = Counter("copydesk_documents_total", "documents cleaned, by outcome", ("outcome",),
                                 registry=self.registry)
        # steps cut short (time_budget, cost_cap) or failed on a text (step_error: a defect, logged)
        self.incomplete = Counter("copydesk_incomplete_steps_total", "steps that did not finish, by step and reason",
                                  ("step", "reason"), registry=self.registry)
        # the largest live worker: what an operator sizes the container's memory limit by
        # (prometheus_client's process metrics are not collected in multiprocess mode)
        self.resident = Gauge("copydesk_worker_resident_bytes", "resident memory of the largest live worker",
                              multiprocess_mode="livemax", registry=self.registry)

    def render(self) -> bytes:
        """The exposition text: summed over all workers in multiprocess mode."""
        if multiprocess_dir():
            from prometheus_client import multiprocess
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)


def multiprocess_dir() -> str | None:
    """PROMETHEUS_MULTIPROC_DIR when set to an existing directory, else None."""
    path = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    return path if path and os.path.isdir(path) else None


def observe_result(stats: dict, incomplete: dict | None = None) -> None:
    """Count one cleaned document's size, edits and unfinished steps (called by the API
    for each document)."""
    metrics = current_app.extensions.get("copydesk_metrics")
    if metrics is None:
        return
    metrics.documents.labels("ok").inc()
    metrics.input_chars.observe(stats.get("chars_in", 0))
    for step, count in (stats.get("edits_per_step") or {}).items():
        metrics.edits.labels(step).inc(count)
    for step in (incomplete or {}).get("steps", ()):
        metrics.incomplete.labels(step, incomplete["reason"]).inc()


def observe_failure() -> None:
    """Count one document of a batch that failed."""
    metrics = current_app.extensions.get("copydesk_metrics")
    if metrics is not None:
        metrics.documents.labels("error").inc()


# --- request ids and logs ---------------------------------------------------------------------

def choose_request_id(incoming: str | None) -> str:
    """The client's X-Request-ID if it is sane, otherwise a fresh random one."""
    if incoming and _SANE_REQUEST_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record logged while a request is handled."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, and any error.

    gunicorn's access log lines are already JSON (see gunicorn.conf.py); their
    fields are merged in rather than nested as a string.
    """

    def format(self, record: logging.LogRecord) -> str:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        entry = {"time": f"{stamp}.{int(record.msecs):03d}Z", "level": record.levelname,
                 "logger": record.name}
        message = record.getMessage()
        merged = _json_object(message) if record.name == "gunicorn.access" else None
        if merged is not None:
            for key, value in merged.items():
                entry.setdefault(key, value)  # our ISO time, not gunicorn's, leads
        else:
            entry["message"] = message
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id and "request_id" not in entry:
            entry["request_id"] = request_id
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _json_object(text: str) -> dict | None:
    if not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def configure_logging(level: str) -> None:
    """JSON lines on stderr for the `service` loggers, unless the process already logs somewhere.

    Under gunicorn the root logger has a JSON handler (gunicorn.conf.py), and under
    pytest its capture handler: records propagate there, and JsonFormatter finds
    the request id by itself. A handler is added only where nothing would print.
    """
    logger = logging.getLogger("service")
    logger.setLevel(level)
    # trafilatura logs ERROR for a page it cannot parse ("empty HTML tree"), which the
    # service answers normally: service.html.extract logs that at WARNING with the request id.
    # Its real failures still show (CRITICAL), and its debugging with COPYDESK_LOG_LEVEL.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL if level != "DEBUG" else logging.DEBUG)
    if logging.getLogger().handlers or any(getattr(h, "_copydesk", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler._copydesk = True
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)


# --- API keys ---------------------------------------------------------------------------------

def bearer_token(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, or None."""
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def key_is_valid(token: str | None, keys) -> bool:
    """Compare against every key in constant time, so timing tells nothing about any of them."""
    if token is None:
        return False
    given = token.encode()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given, key.encode())
    return matched


def require_api_key() -> None:
    keys = current_app.config.get("API_KEYS") or ()
    if not keys or request.path in OPEN_PATHS or request.path.startswith(OPEN_PREFIXES):
        return
    token = bearer_token(request.headers.get("Authorization"))
    if token is None and request.path.startswith("/v2/") and request.method == "POST":
        # LanguageTool clients send their key as the `apiKey` form field; read_form
        # caches the body, so the view can still read it (request.form would not)
        token = read_form().get("apiKey") or None
    if not key_is_valid(token, keys):
        raise ApiError(401, "unauthorized", "send a valid API key as 'Authorization: Bearer <key>'")


# --- rules reload -----------------------------------------------------------------------------

def reload_rules(app: Flask) -> bool:
    """Load the rules directory anew into `app`; on error keep the old rules and log why.

    Called by gunicorn's on_reload hook (SIGHUP to the master) before it forks
    the new workers, so they start with the new rules while the old workers
    finish their requests. Returns whether the new rules are in place.
    """
    holder = app.extensions["copydesk"]
    before = holder.current().rules.version
    try:
        fresh = holder.reload(app.config.get("RULES_DIR"))
    except Exception as exc:  # a broken file must not take the service down
        log.error("rules reload failed, keeping version %s: %s", before, exc)
        return False
    log.info("rules reloaded: version %s -> %s", before, fresh.rules.version)
    return True


# --- hooks ------------------------------------------------------------------------------------

def start_request() -> None:
    g.request_id = choose_request_id(request.headers.get(REQUEST_ID_HEADER))
    g.started = time.perf_counter()
    require_api_key()
    limit_rate()


def limit_rate() -> None:
    """429 past COPYDESK_RATE_LIMIT for this client: its API key, else its address."""
    limiter = current_app.extensions.get("copydesk_rate_limiter")
    if limiter is None or request.path in OPEN_PATHS or request.path.startswith(OPEN_PREFIXES):
        return
    token = bearer_token(request.headers.get("Authorization"))
    client = "key:" + token if token and key_is_valid(token, current_app.config.get("API_KEYS") or ()) \
        else "addr:" + (request.remote_addr or "")
    wait = limiter.allow(client, time.monotonic())
    if wait > 0:
        g.retry_after = str(max(1, math.ceil(wait)))
        raise ApiError(429, "too_many_requests", f"more requests than the limit allows; retry in {g.retry_after} s")


def finish_request(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.get("request_id") or choose_request_id(None)
    if response.status_code == 401:
        response.headers.setdefault("WWW-Authenticate", 'Bearer realm="copydesk"')
    if response.status_code == 429 and g.get("retry_after"):
        response.headers["Retry-After"] = g.retry_after
    metrics = current_app.extensions.get("copydesk_metrics")
    if metrics is not None:
        # The rule, not the path, and a fixed set of methods, so that neither unknown
        # URLs nor invented methods can grow the label set without bound.
        endpoint = endpoint_label(response)
        metrics.requests.labels(endpoint, method_label(request.method), str(response.status_code)).inc()
        started = g.get("started")
        if started is not None:
            metrics.latency.labels(endpoint).observe(time.perf_counter() - started)
        metrics.resident.set(resident_bytes())
    return response


def resident_bytes() -> int:
    """This process's resident memory now (Linux /proc), else its peak (getrusage).

    >>> resident_bytes() > 1_000_000
    True
    """
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def method_label(method: str) -> str:
    """The metrics label of an HTTP method: a standard one as is, anything else "other".

    >>> method_label("POST"), method_label("BREW"), method_label("get")
    ('POST', 'other', 'other')
    """
    return method if method in METHOD_LABELS else "other"


def endpoint_label(response: Response) -> str:
    """The matched rule; for a 405, the rule the path matches with an allowed method
    (so a wrong method counts under its endpoint); else "unmatched"."""
    if request.url_rule is not None:
        return request.url_rule.rule
    allowed = response.headers.get("Allow") if response.status_code == 405 else None
    if allowed:
        try:
            adapter = current_app.url_map.bind_to_environ(request.environ)
            rule, _ = adapter.match(method=allowed.split(",")[0].strip(), return_rule=True)
            return rule.rule
        except Exception:  # noqa: BLE001 -- a label is never worth an error
            pass
    return "unmatched"


def metrics_endpoint():
    body = current_app.extensions["copydesk_metrics"].render()
    return Response(body, status=200, headers={"Content-Type": CONTENT_TYPE_LATEST})


def register_operations(app: Flask) -> None:
    """Request ids, API keys, metrics, JSON logs: hooked into `app`."""
    configure_logging(app.config["LOG_LEVEL"])
    app.extensions["copydesk_metrics"] = Metrics()
    rate = app.config.get("RATE_LIMIT")
    if rate:
        from .ratelimit import RateLimiter
        app.extensions["copydesk_rate_limiter"] = RateLimiter(*rate)
    app.before_request(start_request)
    app.after_request(finish_request)
    app.add_url_rule("/metrics", "metrics", metrics_endpoint, methods=["GET"])
