"""API fuzzing: schemathesis generates requests from openapi.yaml for every
operation and runs every check it has (`schemathesis run -c all`): no 5xx,
status codes, content types, headers and bodies as documented, schema-valid
requests accepted, schema-violating ones refused; then its stateful phase
follows the spec's links (/v1/clean's edits into /v1/apply).

schemathesis.toml (also read by the CLI) holds the only relaxations, each with
its reason: 422 is an accepted answer to schema-valid requests where the
constraint is one JSON Schema cannot state. Bounded and derandomized so that
every CI run is the same; COPYDESK_FUZZ_EXAMPLES=300 runs a longer, random search."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.checks import CHECKS, load_all_checks  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402
from spec import SPEC_PATH  # noqa: E402

from service.app import create_app  # noqa: E402

EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "25"))
DERANDOMIZE = not os.environ.get("COPYDESK_FUZZ_EXAMPLES")
APP = create_app({"TESTING": True})
schema = schemathesis.openapi.from_path(
    str(SPEC_PATH), config=SchemathesisConfig.from_path(SPEC_PATH.parent / "schemathesis.toml"))
schema.app = APP
load_all_checks()
ALL_CHECKS = CHECKS.get_all()  # -c all


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=DERANDOMIZE)
def test_api_conforms_to_its_spec(case):
    case.call_and_validate(app=APP, checks=ALL_CHECKS)


class StatefulRun(schema.as_state_machine()):
    """Sequences along the spec's links, each response checked with every check."""

    def validate_response(self, response, case, additional_checks=None, **kwargs):
        case.validate_response(response, checks=ALL_CHECKS)


def test_stateful_sequences_conform_to_the_spec():
    StatefulRun.run(settings=settings(max_examples=max(5, EXAMPLES // 2), stateful_step_count=4, deadline=None,
                                      suppress_health_check=list(HealthCheck), derandomize=DERANDOMIZE))
