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


def test_a_web_page_is_fingerprinted_with_its_extraction(monkeypatch):
    """--html: the extracted text and the page's metadata count, not only the clean of the text."""
    import service.documents as documents
    page = ("<html><head><title>Budget vote</title></head><body><h1>Budget vote</h1>"
            "<p>The council met on Monday to vote on the budget for next year.</p></body></html>")
    before = same_output.html_fingerprint(page)
    assert before == same_output.html_fingerprint(page)
    extract = documents.extract_input

    def other_title(html, budget=None):
        text, block = extract(html, budget)
        block["metadata"] = dict(block["metadata"], title="Another title")
        return text, block
    monkeypatch.setattr(documents, "extract_input", other_title)
    assert same_output.html_fingerprint(page) != before
