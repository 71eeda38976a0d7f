"""The HTTP API: /v1/clean in its body types, errors in one shape, the spec kept true."""
from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate
from spec import assert_conforms, load_spec

import service
from service.edits import apply_edits


def test_openapi_spec_is_valid():
    validate(load_spec())


def test_every_route_is_documented(app):
    documented = set(load_spec()["paths"])
    routes = {r.rule for r in app.url_map.iter_rules() if r.endpoint != "static"}
    assert routes <= documented, f"undocumented routes: {routes - documented}"


def test_clean_json_returns_text_edits_and_diff(client):
    text = "Back  to work.\n\n\n\nDone."
    r = client.post("/v1/clean", json={"text": text, "diff": "inline"})
    assert r.status_code == 200
    assert_conforms("/v1/clean", "post", r)
    body = r.get_json()
    assert body["text"] == "Back to work.\n\nDone."
    assert apply_edits(text, [service.Change(e["start"], e["end"], e["replacement"], "", "") for e in body["edits"]]) \
        == body["text"]
    assert "[-  -]{+ +}" in body["diff"]
    assert body["stats"]["chars_in"] == len(text)


def test_clean_plain_text_body_with_query_options(client):
    r = client.post("/v1/clean?diff=none&steps=whitespace", data="a  b".encode(), content_type="text/plain")
    assert r.status_code == 200
    assert_conforms("/v1/clean", "post", r)
    assert r.get_json()["text"] == "a b" and r.get_json()["diff"] is None


def test_same_result_from_library_and_api(client, seed_text):
    r = client.post("/v1/clean", json={"text": seed_text})
    lib = service.clean(seed_text)
    assert r.get_json()["text"] == lib.text
    assert [e["id"] for e in r.get_json()["edits"]] == [e.id for e in lib.edits]


def test_clean_text_needs_no_edits(client):
    text = "The minister arrived in Tokyo on Friday. Talks focused on trade and security."
    r = client.post("/v1/clean", json={"text": text})
    assert r.get_json()["edits"] == [] and r.get_json()["text"] == text


ERROR_CASES = [
    ("invalid_json", dict(data="{bad", content_type="application/json"), 400),
    ("not_an_object", dict(data="[1, 2]", content_type="application/json"), 400),
    ("deep_nesting", dict(data="[" * 100000, content_type="application/json"), 400),
    ("empty_body", dict(data=b"", content_type="application/json"), 400),
    ("empty_text_body", dict(data=b"", content_type="text/plain"), 400),
    ("missing_text", dict(json={"diff": "none"}), 400),
    ("text_and_html", dict(json={"text": "a", "html": "<p>a</p>"}), 400),
    ("text_not_string", dict(json={"text": 5}), 400),
    ("text_null", dict(json={"text": None}), 400),
    ("unknown_option", dict(json={"text": "a", "colour": "blue"}), 400),
    ("unknown_step", dict(json={"text": "a", "steps": ["grammar"]}), 400),
    ("steps_not_list", dict(json={"text": "a", "steps": "unicode"}), 400),
    ("bad_diff", dict(json={"text": "a", "diff": "side-by-side"}), 400),
    ("bad_confidence", dict(json={"text": "a", "min_confidence": 2}), 400),
    ("bad_names", dict(json={"text": "a", "names": [5]}), 400),
    ("invalid_utf8_json", dict(data=b'{"text": "\xff"}', content_type="application/json"), 400),
    ("invalid_utf8_text", dict(data=b"caf\xe9", content_type="text/plain"), 400),
    ("lone_surrogate", dict(data=b'{"text": "\\ud800 x"}', content_type="application/json"), 400),
    ("wrong_charset", dict(data="a".encode("utf-16"), content_type="text/plain; charset=utf-16"), 415),
    ("wrong_type", dict(data="a", content_type="application/xml"), 415),
    ("no_type", dict(data="a", content_type=""), 415),
    ("too_large", dict(data=b"a" * (2 * 1024 * 1024 + 1), content_type="text/plain"), 413),
]


@pytest.mark.parametrize("name,kwargs,status", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_bad_requests_get_a_precise_json_error(client, name, kwargs, status):
    r = client.post("/v1/clean", **kwargs)
    assert r.status_code == status, r.get_data(as_text=True)
    error = r.get_json()["error"]
    assert set(error) == {"code", "message"} and error["message"]
    assert_conforms("/v1/clean", "post", r)


def test_wrong_method_and_unknown_path(client):
    r = client.get("/v1/clean")
    assert r.status_code == 405 and r.get_json()["error"]["code"] == "method_not_allowed"
    assert "POST" in r.headers["Allow"]
    r = client.get("/v1/nothing")
    assert r.status_code == 404 and r.get_json()["error"]["code"] == "not_found"


def test_size_limit_is_configurable(make_app):
    small = make_app(MAX_CONTENT_LENGTH=2048).test_client()
    assert small.post("/v1/clean", data=b"a" * 2049, content_type="text/plain").status_code == 413
    assert small.post("/v1/clean", data=b"a" * 2000, content_type="text/plain").status_code == 200


@pytest.mark.parametrize("text", [
    "<script>alert('x')</script> and \"quotes\"",
    "\x00\x01 control \x7f chars\x1b[31m",
    "\u202eright-to-left\u200f and zero\u200bwidth",
    "a" * 200_000,
    "line\n" * 20_000,
    "😀" * 1000 + " teh end",
    "\r\n\r\n\r\n",
    "",
])
def test_hostile_text_gets_a_correct_answer(client, text):
    r = client.post("/v1/clean", json={"text": text})
    assert r.status_code == 200
    body = r.get_json()
    edits = [service.Change(e["start"], e["end"], e["replacement"], "", "") for e in body["edits"]]
    assert apply_edits(text, edits) == body["text"]


def test_health_ready_and_rules(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    r = client.get("/readyz")
    assert r.status_code == 200 and r.get_json()["status"] == "ready"
    assert_conforms("/readyz", "get", r)
    r = client.get("/v1/rules")
    assert_conforms("/v1/rules", "get", r)
    assert r.get_json()["version"] and r.get_json()["directory"] == "bundled"  # never the server's path


def test_errors_never_leak_a_stack_trace(app, monkeypatch):
    from service import pipeline

    def boom(*a, **k):
        raise RuntimeError("secret internal detail")
    monkeypatch.setattr(pipeline, "clean", boom)
    r = app.test_client().post("/v1/clean", json={"text": "x"})
    assert r.status_code == 500
    assert "secret" not in r.get_data(as_text=True) and "Traceback" not in r.get_data(as_text=True)
    assert json.loads(r.get_data())["error"]["code"] == "internal_error"
