"""Shared fixtures: the Flask app and client (as in Flask's tutorial), the seed article."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time: a property test that passes once passes
# on every clean clone (a new counter-example must not appear as a red CI run
# on an unrelated commit). `HYPOTHESIS_PROFILE=explore make test` draws new
# examples; pin each one it finds with @example.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not present at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def make_app():
    """make_app(**config): an app with TESTING and a special config (limits, keys,
    a rules directory). Apps are cheap: the bundled rules are loaded once per process."""
    from service.app import create_app

    def make(**config):
        return create_app({"TESTING": True, **config})
    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def live_url(make_app):
    """An app served on a loopback port for the module, for real HTTP clients and browsers."""
    app = make_app()
    from werkzeug.serving import make_server
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def swap_step(monkeypatch):
    """swap_step("context", run): the pipeline runs `run` for that step during the test
    (the registry holds the Step records; patching a module's `run` changes nothing)."""
    import dataclasses

    from service import steps

    def swap(name: str, run) -> None:
        monkeypatch.setitem(steps._BY_NAME, name, dataclasses.replace(steps.step_named(name), run=run))
    return swap
