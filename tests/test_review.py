"""Review: apply_choice in the library and POST /v1/apply; a wrong text is never returned."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spec import assert_conforms

import service
from service.edits import EditConflict
from service.review import InvalidEdits, StaleEdit, UnknownEditIds, apply_choice

TEXT = "donâ€™t  worry,  teh cat"
EDITS = [
    {"id": "e1", "start": 3, "end": 6, "original": "â€™", "replacement": "’", "step": "unicode",
     "rule": "unicode.mojibake", "message": "repaired mojibake", "confidence": 0.99},
    {"id": "e2", "start": 7, "end": 9, "original": "  ", "replacement": " ", "step": "whitespace",
     "rule": "whitespace.spaces", "message": "collapsed", "confidence": 1.0},
    {"id": "e3", "start": 15, "end": 17, "original": "  ", "replacement": " "},
]


def edit(**changes) -> dict:
    return {**EDITS[0], **changes}


# ---- library ---------------------------------------------------------------------

def test_accept_all_by_default_and_by_lists():
    assert apply_choice(TEXT, EDITS) == "don’t worry, teh cat"
    assert apply_choice(TEXT, EDITS, accept=["e1", "e2", "e3"]) == "don’t worry, teh cat"
    assert apply_choice(TEXT, EDITS, reject=[]) == "don’t worry, teh cat"


def test_accept_some_or_reject_some():
    assert apply_choice(TEXT, EDITS, accept=["e2"]) == "donâ€™t worry,  teh cat"
    assert apply_choice(TEXT, EDITS, reject=["e2"]) == "don’t  worry, teh cat"
    assert apply_choice(TEXT, EDITS, accept=[]) == TEXT


def test_edits_may_come_in_any_order():
    assert apply_choice(TEXT, list(reversed(EDITS)), reject=["e1"]) == "donâ€™t worry, teh cat"


def test_changes_outside_the_edited_spans_do_not_make_edits_stale():
    assert apply_choice(TEXT.replace("teh", "the"), EDITS) == "don’t worry, the cat"


def test_accept_and_reject_together_is_a_programming_error():
    with pytest.raises(TypeError):
        apply_choice(TEXT, EDITS, accept=["e1"], reject=["e2"])


@pytest.mark.parametrize("bad,error", [
    (edit(original="xyz"), StaleEdit),
    (edit(start=4, end=7, original="€™ "), StaleEdit),
    (edit(start=20, end=99, original=""), InvalidEdits),
    (edit(start=-1), InvalidEdits),
    (edit(start=6, end=3), InvalidEdits),
    (edit(start=True), InvalidEdits),
    (edit(start="3"), InvalidEdits),
    (edit(confidence="high"), InvalidEdits),
    (edit(colour="red"), InvalidEdits),
    ({k: v for k, v in EDITS[0].items() if k != "original"}, InvalidEdits),
    ({k: v for k, v in EDITS[0].items() if k != "id"}, InvalidEdits),
    ("e1", InvalidEdits),
])
def test_an_edit_that_does_not_fit_the_text_is_refused(bad, error):
    with pytest.raises(error):
        apply_choice(TEXT, [bad, EDITS[1]])
    assert issubclass(error, EditConflict)


def test_overlapping_edits_and_duplicate_ids_are_refused():
    overlapping = {"id": "x", "start": 8, "end": 10, "original": " w", "replacement": "W"}
    with pytest.raises(InvalidEdits, match="overlap"):
        apply_choice(TEXT, EDITS + [overlapping])
    two_insertions = [{"id": "a", "start": 2, "end": 2, "original": "", "replacement": "x"},
                      {"id": "b", "start": 2, "end": 2, "original": "", "replacement": "y"}]
    with pytest.raises(InvalidEdits):
        apply_choice(TEXT, two_insertions)
    with pytest.raises(InvalidEdits, match="twice"):
        apply_choice(TEXT, [EDITS[0], {**EDITS[1], "id": "e1"}])


def test_a_rejected_stale_edit_still_stops_everything():
    with pytest.raises(StaleEdit):
        apply_choice(TEXT, [EDITS[0], edit(id="e9", start=10, end=11, original="Q")], reject=["e9"])


def test_unknown_accepted_ids_are_refused_unknown_rejected_ones_ignored():
    with pytest.raises(UnknownEditIds, match="e7"):
        apply_choice(TEXT, EDITS, accept=["e1", "e7"])
    assert apply_choice(TEXT, EDITS, reject=["nope"]) == apply_choice(TEXT, EDITS)


def test_insertions_and_astral_characters_use_code_points():
    text = "😀ab"
    edits = [{"id": "i", "start": 1, "end": 1, "original": "", "replacement": "X"},
             {"id": "d", "start": 2, "end": 3, "original": "b", "replacement": ""}]
    assert apply_choice(text, edits) == "😀Xa"
    assert apply_choice(text, edits, reject=["i"]) == "😀a"


@st.composite
def text_and_edits(draw):
    """A text and random non-overlapping edits of it, with a random choice of ids."""
    text = draw(st.text(alphabet="ab 😀\n", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    edits = []
    for n, (a, b) in enumerate(zip(cuts[::2], cuts[1::2])):
        edits.append({"id": f"e{n}", "start": a, "end": b, "original": text[a:b],
                      "replacement": draw(st.text(alphabet="xy", max_size=3))})
    chosen = draw(st.lists(st.sampled_from([e["id"] for e in edits]), unique=True)) if edits else []
    return text, edits, chosen


@settings(max_examples=200, deadline=None)
@given(text_and_edits())
def test_accept_is_the_complement_of_reject(case):
    text, edits, chosen = case
    accepted = apply_choice(text, edits, accept=chosen)
    others = [e["id"] for e in edits if e["id"] not in chosen]
    assert accepted == apply_choice(text, edits, reject=others)
    # unchosen spans keep the original; the result rebuilds from pieces
    pieces, pos = [], 0
    for e in edits:
        pieces += [text[pos:e["start"]], e["replacement"] if e["id"] in chosen else e["original"]]
        pos = e["end"]
    assert accepted == "".join(pieces) + text[pos:]


def test_the_edits_of_clean_round_trip(seed_text):
    result = service.clean(seed_text)
    edits = [e.to_dict() for e in result.edits]
    assert apply_choice(seed_text, edits) == result.text
    assert apply_choice(seed_text, edits, accept=[]) == seed_text


# ---- HTTP ------------------------------------------------------------------------

def test_apply_endpoint_accepts_reject_list_and_diff(client):
    body = client.post("/v1/clean", json={"text": TEXT, "diff": "none"}).get_json()
    assert body["edits"], "the unicode and whitespace steps should edit this text"
    first = body["edits"][0]["id"]
    r = client.post("/v1/apply", json={"text": TEXT, "edits": body["edits"], "reject": [first], "diff": "unified"})
    assert r.status_code == 200, r.get_data(as_text=True)
    assert_conforms("/v1/apply", "post", r)
    out = r.get_json()
    assert first not in out["applied"] and len(out["applied"]) == len(body["edits"]) - 1
    assert out["text"] == apply_choice(TEXT, body["edits"], reject=[first])
    assert out["diff"].startswith("--- original")


def test_apply_endpoint_accepts_all_when_no_choice_is_given(client):
    body = client.post("/v1/clean", json={"text": TEXT}).get_json()
    r = client.post("/v1/apply", json={"text": TEXT, "edits": body["edits"]})
    assert r.status_code == 200
    assert_conforms("/v1/apply", "post", r)
    assert r.get_json()["text"] == body["text"] and "diff" not in r.get_json()


APPLY_ERRORS = [
    ("stale", {"text": TEXT.replace("â€™", "'"), "edits": EDITS}, 409, "stale_edit"),
    ("other_text", {"text": "something else entirely", "edits": EDITS}, 409, "stale_edit"),
    ("out_of_range", {"text": "don", "edits": EDITS}, 422, "invalid_edits"),
    ("overlap", {"text": TEXT, "edits": EDITS + [{"id": "x", "start": 8, "end": 10, "original": " w",
                                                   "replacement": "W"}]}, 422, "invalid_edits"),
    ("missing_original", {"text": TEXT, "edits": [{"id": "a", "start": 0, "end": 1, "replacement": "D"}]},
     422, "invalid_edits"),
    ("float_offset", {"text": TEXT, "edits": [edit(start=3.0)]}, 422, "invalid_edits"),
    ("unknown_id", {"text": TEXT, "edits": EDITS, "accept": ["e1", "zz"]}, 422, "unknown_edit"),
    ("both_lists", {"text": TEXT, "edits": EDITS, "accept": ["e1"], "reject": ["e2"]}, 400, "invalid_field"),
    ("ids_not_strings", {"text": TEXT, "edits": EDITS, "reject": [1]}, 400, "invalid_field"),
    ("edits_not_list", {"text": TEXT, "edits": {"e1": EDITS[0]}}, 400, "invalid_field"),
    ("no_edits", {"text": TEXT}, 400, "missing_field"),
    ("no_text", {"edits": EDITS}, 400, "missing_field"),
    ("text_not_string", {"text": 5, "edits": []}, 400, "invalid_field"),
    ("unknown_field", {"text": TEXT, "edits": EDITS, "acept": ["e1"]}, 400, "invalid_field"),
    ("bad_diff", {"text": TEXT, "edits": EDITS, "diff": "side-by-side"}, 400, "invalid_option"),
]


@pytest.mark.parametrize("name,body,status,code", APPLY_ERRORS, ids=[c[0] for c in APPLY_ERRORS])
def test_apply_endpoint_errors(client, name, body, status, code):
    r = client.post("/v1/apply", json=body)
    assert r.status_code == status, r.get_data(as_text=True)
    assert r.get_json()["error"]["code"] == code
    assert_conforms("/v1/apply", "post", r)


@pytest.mark.parametrize("kwargs,status", [
    (dict(data="{bad", content_type="application/json"), 400),
    (dict(data=b"", content_type="application/json"), 400),
    (dict(data="[]", content_type="application/json"), 400),
    (dict(data="text=a", content_type="application/x-www-form-urlencoded"), 415),
    (dict(data=b'{"text": "\xff", "edits": []}', content_type="application/json"), 400),
    (dict(data='{"text": "\\ud800  x", "edits": []}', content_type="application/json"), 400),
])
def test_apply_endpoint_body_errors(client, kwargs, status):
    r = client.post("/v1/apply", **kwargs)
    assert r.status_code == status
    assert_conforms("/v1/apply", "post", r)


def test_an_unknown_rejected_id_is_ignored(client):
    # it would not be applied either way (schemathesis: a schema-valid request was refused)
    r = client.post("/v1/apply", json={"edits": [], "text": "", "reject": [""]})
    assert r.status_code == 200 and r.get_json()["text"] == ""
    r = client.post("/v1/apply", json={"text": TEXT, "edits": EDITS, "reject": ["zz"]})
    assert r.status_code == 200 and r.get_json()["text"] == client.post(
        "/v1/apply", json={"text": TEXT, "edits": EDITS}).get_json()["text"]
