"""API fuzzing: schemathesis generates requests from openapi.yaml for every
operation and checks each response: no 5xx, status and body as documented.
Bounded in examples so that it runs on every CI run."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from spec import SPEC_PATH  # noqa: E402

from service.app import create_app  # noqa: E402

APP = create_app({"TESTING": True})
schema = schemathesis.openapi.from_path(str(SPEC_PATH))
schema.app = APP


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_spec(case):
    case.call_and_validate(app=APP)
