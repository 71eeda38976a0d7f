"""The HTTP layer: `create_app()` builds a Flask app around the library.

Rules and dictionaries are loaded here, once, when the app is created (with
gunicorn's preload, before workers fork), so a broken rules file stops the
service at start with a message naming the file and entry.
"""
from __future__ import annotations

import logging
import threading

from flask import Flask, current_app

from .. import pipeline
from .config import load_config
from .errors import register_error_handlers


class ResourceHolder:
    """The current Resources, swappable at once (rules reload) without a lock per request."""

    def __init__(self, resources: pipeline.Resources):
        self._resources = resources
        self._lock = threading.Lock()

    def current(self) -> pipeline.Resources:
        return self._resources

    def reload(self, rules_dir=None) -> pipeline.Resources:
        """Load rules anew; on error keep the old ones and raise."""
        with self._lock:
            fresh = pipeline.load_resources(rules_dir)
            self._resources = fresh
            return fresh


def resource_holder() -> ResourceHolder:
    """This app's ResourceHolder (rules reload swaps what it holds)."""
    return current_app.extensions["copydesk"]


def get_resources() -> pipeline.Resources:
    """The rules and dictionaries this request cleans with, as Flask's `get_db()`
    gives a request its database: the one place views reach for them."""
    return resource_holder().current()


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(load_config(test_config))
    logging.getLogger("service").setLevel(app.config["LOG_LEVEL"])
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    # The bundled rules are loaded once per process and shared by every app
    # (tests build many); a configured directory is loaded for this app.
    rules_dir = app.config["RULES_DIR"]
    resources = pipeline.load_resources(rules_dir) if rules_dir else pipeline.default_resources()
    app.extensions["copydesk"] = ResourceHolder(resources)
    register_error_handlers(app)
    from . import api, batch, ops
    ops.register_operations(app)  # request ids, API keys, /metrics, JSON logs
    app.register_blueprint(api.bp)
    app.register_blueprint(batch.bp)
    from . import editor, languagetool
    app.register_blueprint(editor.bp)
    app.register_blueprint(languagetool.bp)
    return app
