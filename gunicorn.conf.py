"""gunicorn settings for Copydesk; every value can be set by COPYDESK_* variables.

preload_app loads rules and dictionaries once in the master; workers share
those pages copy-on-write, and gc.freeze() keeps the collector from touching
(and so copying) them.
"""
import gc
import glob
import json
import multiprocessing
import os
import shutil
import tempfile


def _env_int(name, default):
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {raw!r}") from None


def _prepare_metrics_dir():
    """Prometheus multiprocess mode: workers write samples under one directory, /metrics sums them.

    It must be set before the app imports prometheus_client. An operator's
    directory is emptied once at start (stale samples of dead pids would be
    summed in); otherwise a fresh temporary one is made and removed on exit.
    """
    path = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not path:
        path = tempfile.mkdtemp(prefix="copydesk-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
        os.environ["_COPYDESK_OWN_METRICS_DIR"] = path
    os.makedirs(path, exist_ok=True)
    # This file runs again on every HUP; samples are wiped only at the master's first start.
    if os.environ.get("_COPYDESK_METRICS_WIPED") != str(os.getpid()):
        for stale in glob.glob(os.path.join(path, "*.db")):
            os.remove(stale)
        os.environ["_COPYDESK_METRICS_WIPED"] = str(os.getpid())


_prepare_metrics_dir()
# Unpickling the dictionaries and compiling rules make millions of objects; the
# collector would walk them over and over. It is switched back on in when_ready,
# on_reload and in every worker (post_fork).
gc.disable()

bind = os.environ.get("COPYDESK_BIND", "0.0.0.0:8080")
workers = _env_int("COPYDESK_WORKERS", max(1, multiprocessing.cpu_count()))
threads = _env_int("COPYDESK_THREADS", 2)
# gthread with a buffering front (a slow client cannot hold a thread) and a hard
# deadline: cleaning work running past `timeout` ends its worker (service/worker.py).
worker_class = "service.worker.BufferingThreadWorker"
timeout = _env_int("COPYDESK_TIMEOUT", 60)
graceful_timeout = _env_int("COPYDESK_GRACEFUL_TIMEOUT", 30)
keepalive = 5
preload_app = True
# gunicorn's control socket sits at one path per user: two instances (tests, a
# bench beside a dev server) would fight over it, and a container's home may be
# read-only. Signals (HUP, TERM) do the same job.
control_socket_disable = True
# A worker is replaced (gracefully, forked from the preloaded master) after this
# many requests: memory that large pages leave fragmented in the heap goes back to
# the system. The jitter keeps the workers from restarting together.
max_requests = _env_int("COPYDESK_MAX_REQUESTS", 10_000)
max_requests_jitter = max_requests // 10
loglevel = os.environ.get("COPYDESK_LOG_LEVEL", "info").lower()
accesslog = "-"
errorlog = "-"
# One JSON object per request; request ids come from the app's response header.
access_log_format = json.dumps({
    "time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", "query": "%(q)s",
    "status": "%(s)s", "bytes": "%(B)s", "duration_ms": "%(M)s",
    "request_id": "%({x-request-id}o)s", "user_agent": "%(a)s"})


# gunicorn's own lines as JSON too (the app's are, see service/app/ops.py); access lines merged.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "service.app.ops.JsonFormatter"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
        "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["stderr"]},
}


def when_ready(server):
    gc.enable()
    server.log.info("copydesk ready on %s with %s workers", bind, workers)


def post_fork(server, worker):
    gc.enable()


def on_reload(server):
    """SIGHUP to the master: reload the rules, then gunicorn forks fresh workers.

    With preload_app the workers are forked from the master's app, so the rules
    are loaded anew there, before gunicorn starts the new workers; the old ones
    finish their requests (graceful_timeout) while the listening socket stays
    open, so no request is dropped. A broken rules file is logged and the old
    rules are kept. Without preload each new worker loads the rules itself.
    """
    try:
        if preload_app:
            from service.app.ops import reload_rules
            reload_rules(server.app.wsgi())
    finally:
        gc.enable()


def child_exit(server, worker):
    # Let the metrics of a dead worker's live gauges go (its counters stay summed).
    from prometheus_client import multiprocess
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    own = os.environ.get("_COPYDESK_OWN_METRICS_DIR")
    if own:
        shutil.rmtree(own, ignore_errors=True)


def pre_fork(server, worker):
    gc.freeze()
