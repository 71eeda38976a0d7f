"""gunicorn settings for Copydesk; every value can be set by COPYDESK_* variables.

preload_app loads rules and dictionaries once in the master; workers share
those pages copy-on-write, and gc.freeze() keeps the collector from touching
(and so copying) them.
"""
import gc
import json
import multiprocessing
import os


def _env_int(name, default):
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {raw!r}") from None


bind = os.environ.get("COPYDESK_BIND", "0.0.0.0:8080")
workers = _env_int("COPYDESK_WORKERS", max(1, multiprocessing.cpu_count()))
threads = _env_int("COPYDESK_THREADS", 2)
worker_class = "gthread"
timeout = _env_int("COPYDESK_TIMEOUT", 60)
graceful_timeout = _env_int("COPYDESK_GRACEFUL_TIMEOUT", 30)
keepalive = 5
preload_app = True
max_requests = _env_int("COPYDESK_MAX_REQUESTS", 0)
max_requests_jitter = max_requests // 10
loglevel = os.environ.get("COPYDESK_LOG_LEVEL", "info").lower()
accesslog = "-"
errorlog = "-"
# One JSON object per request; request ids come from the app's response header.
access_log_format = json.dumps({
    "time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", "query": "%(q)s",
    "status": "%(s)s", "bytes": "%(B)s", "duration_ms": "%(M)s",
    "request_id": "%({x-request-id}o)s", "user_agent": "%(a)s"})


def when_ready(server):
    server.log.info("copydesk ready on %s with %s workers", bind, workers)


def pre_fork(server, worker):
    gc.freeze()
