"""Boilerplate learned from a batch: lines on most documents of one site go (chrome.recurring_line)."""
from __future__ import annotations

import pytest

RULE = "chrome.recurring_line"
# A made-up site's furniture: no phrase rule of rules/chrome.yaml knows these
# lines, so only the batch's evidence can remove them.
FURNITURE_TOP = ["Riverside Gazette", "Valley Desk", "Harbour Notes", "Weather and Tides", "Letters Page"]
FURNITURE_END = ["Tell the Riverside desk what you saw on your street this week.", "Quay Street Office",
                 "Riverside Gazette Ltd"]

STORIES = [
    ["The council voted on Monday to close the old bridge to lorries from next spring.",
     "Engineers said cracks found in the spring survey had grown over the summer.",
     "Drivers will be sent along the ring road, which adds ten minutes to the trip."],
    ["Rain is expected across the valley by the weekend, forecasters said on Tuesday.",
     "Farmers welcomed the news after the driest August in thirty years.",
     "Reservoirs in the hills are at less than half of what they hold in a normal year."],
    ["A new library opened in the town centre, with a reading room for children.",
     "The building had stood empty for a decade before the council bought it.",
     "Volunteers will run a homework club there on weekday afternoons."],
    ["The ferry to the island will run twice a day again from the first of May.",
     "Islanders had campaigned for the second crossing since the service was cut.",
     "The operator said a second boat had been found after a long search."],
]


def page(story: list[str]) -> str:
    return "\n\n".join(FURNITURE_TOP + story + FURNITURE_END) + "\n"


def batch(client, documents: list[dict]) -> list[dict]:
    r = client.post("/v1/batch", json={"documents": documents, "options": {"diff": "none"}})
    assert r.status_code == 200, r.get_json()
    return r.get_json()["results"]


def removed_by_rule(entry: dict) -> list[str]:
    """The lines the rule removed (an edit may be merged with whitespace's: "rule+rule")."""
    return [line.strip() for e in entry["edits"] if RULE in e["rule"].split("+")
            for line in e["original"].splitlines() if line.strip()]


def test_lines_on_most_documents_of_a_site_are_removed_and_the_stories_kept(client):
    results = batch(client, [{"id": i, "text": page(s)} for i, s in enumerate(STORIES)])
    for entry, story in zip(results, STORIES):
        removed = set(removed_by_rule(entry))
        assert set(FURNITURE_TOP[:3]) <= removed <= set(FURNITURE_TOP + FURNITURE_END), entry["id"]
        assert all(line in entry["text"] for line in story)
        assert "site boilerplate" in next(e["message"] for e in entry["edits"] if RULE in e["rule"])


def test_one_document_alone_has_no_such_evidence(client):
    r = client.post("/v1/clean", json={"text": page(STORIES[0]), "diff": "none"})
    assert removed_by_rule(r.get_json()) == []
    # and a batch too small to show a pattern neither
    assert all(removed_by_rule(e) == [] for e in batch(client, [{"id": i, "text": page(s)}
                                                                  for i, s in enumerate(STORIES[:2])]))


def test_sites_are_separate_groups(client):
    documents = [{"id": i, "text": page(s), "site": "gazette.example"} for i, s in enumerate(STORIES[:3])]
    documents.append({"id": 3, "text": page(STORIES[3]), "site": "other.example"})
    results = batch(client, documents)
    assert all(removed_by_rule(e) for e in results[:3])
    assert removed_by_rule(results[3]) == []  # one document of its site


def test_copies_of_one_story_lose_nothing(client):
    """Three papers running one wire story share its sentences: that is the story, not a template."""
    wire = ["Officials said on Monday that the new bridge across the estuary would open in the autumn of next year.",
            "The project, delayed twice by storms, will cost more than the council first planned, officials said.",
            "Local businesses have asked for a second crossing to be built before the old ferry stops running.",
            "A spokesman for the port said traffic would fall by a third once the bridge was open to lorries."]
    documents = [{"id": i, "text": "\n\n".join([head] + wire) + "\n"}
                 for i, head in enumerate(["North Post", "South Herald", "East Courier"])]
    for entry, doc in zip(batch(client, documents), documents):
        assert removed_by_rule(entry) == []
        assert entry["text"] == doc["text"]


def test_a_document_mostly_made_of_recurring_lines_keeps_them():
    """The per-document cap: recurring lines may not take most of one document."""
    from service.steps.chrome.recurring import recurring_changes
    from service.steps.chrome.signals import split_lines

    top = ["Riverside Gazette Weekly Edition Online", "Valley Desk Morning", "Harbour Notes", "Weather", "Letters"]
    lines = split_lines("\n".join(top + ["Note."]) + "\n")
    assert recurring_changes(lines, set(), frozenset(top[:3]), range(5, 6)) == []
    assert len(recurring_changes(lines, set(), frozenset(top[2:3]), range(5, 6))) == 1


def test_cleaning_the_results_again_as_a_batch_changes_nothing(client):
    first = batch(client, [{"id": i, "text": page(s)} for i, s in enumerate(STORIES)])
    again = batch(client, [{"id": e["id"], "text": e["text"]} for e in first])
    assert [e["edits"] for e in again] == [[] for _ in again]


def test_html_documents_take_part_after_extraction(client):
    def html(story):
        body = "".join(f"<p>{line}</p>" for line in FURNITURE_TOP + story + FURNITURE_END)
        return f"<html><body>{body}</body></html>"
    results = batch(client, [{"id": i, "html": html(s)} for i, s in enumerate(STORIES)])
    for entry, story in zip(results, STORIES):
        kept = entry["text"]
        assert all(line in kept for line in story), entry["id"]
        for e in entry["edits"]:  # edits refer to the extracted text of the input block
            assert entry["input"]["text"][e["start"]:e["end"]] == e["original"]


@pytest.mark.parametrize("site", [5, None, "x" * 201])
def test_a_bad_site_is_an_error_of_that_document_only(client, site):
    results = batch(client, [{"id": "bad", "text": "a", "site": site}, {"id": "ok", "text": "Fine."}])
    assert results[0]["error"]["code"] == "invalid_field" and "'site'" in results[0]["error"]["message"]
    assert results[1]["text"] == "Fine."


def test_the_cli_batch_learns_the_same_lines(tmp_path, monkeypatch):
    import json

    from service import batch as cli_batch
    from service import pipeline
    monkeypatch.setattr(cli_batch, "_resources", pipeline.default_resources())
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": page(s), "site": "gazette.example"}) + "\n"
                           for i, s in enumerate(STORIES)), encoding="utf-8")
    assert sorted(cli_batch.site_lines(str(src))["gazette.example"]) == sorted(FURNITURE_TOP + FURNITURE_END[1:])
    cli_batch.run_batch(str(src), str(out), workers=1, defaults={"diff": "none"}, progress=False)
    for line in out.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert set(FURNITURE_TOP[:3]) <= set(removed_by_rule(entry)), entry["id"]
        assert all(s in entry["text"] for s in STORIES[entry["id"]])
