"""Shared fixtures: the Flask app and client (as in Flask's tutorial), the seed article."""
from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not present at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def app():
    from service.app import create_app
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
