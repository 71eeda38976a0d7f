"""bench.same_output, the check that a refactor or speed-up changes no output, can tell."""
from __future__ import annotations

import json
from itertools import islice

from bench import same_output
from bench.idempotency import project_documents
from service.edits import Change

DOCS = list(islice((t for kind, t in project_documents() if kind == "cases"), 40))


def fingerprints(path) -> None:
    prints = {f"cases:{i}": same_output.fingerprint(t) for i, t in enumerate(DOCS)}
    path.write_text(json.dumps(prints), encoding="utf-8")


def test_same_code_gives_same_fingerprints(tmp_path):
    fingerprints(tmp_path / "a.json")
    fingerprints(tmp_path / "b.json")
    assert same_output.compare(str(tmp_path / "a.json"), str(tmp_path / "b.json")) == 0


def test_a_changed_step_shows_as_differences(tmp_path, swap_step):
    fingerprints(tmp_path / "a.json")
    # a "speed-up" that also drops a document's first character
    swap_step("whitespace", lambda text, ctx: [Change(0, 1, "", "whitespace.x", "m")] if text else [])
    fingerprints(tmp_path / "b.json")
    assert same_output.compare(str(tmp_path / "a.json"), str(tmp_path / "b.json")) >= len(DOCS) // 2
