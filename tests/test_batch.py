"""Batches: POST /v1/batch as JSON and as streamed NDJSON, and `python -m service batch`."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import spec
from spec import assert_conforms

from service import batch as cli_batch
from service import pipeline
from service.app import batch as http_batch

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def app(make_app):
    """Batches of at most 5 documents, so the limit is cheap to pass."""
    return make_app(MAX_BATCH=5)


def assert_batch_item(entry: dict) -> None:
    """One NDJSON line fits the spec's BatchItem schema."""
    schema = {"$ref": f"{spec.SPEC_URI}#/components/schemas/BatchItem"}
    jsonschema.Draft202012Validator(schema, registry=spec._registry()).validate(entry)


# --- JSON -------------------------------------------------------------------------------------

def test_json_batch_cleans_each_document_and_isolates_bad_ones(client):
    documents = [
        {"id": "a", "text": "one  two"},
        {"id": 7, "text": 5},
        {"id": "c", "text": "x", "options": {"steps": ["grammar"]}},
        {"text": "no id"},
        {"id": "e", "text": "three   four", "options": {"diff": "inline"}},
    ]
    r = client.post("/v1/batch", json={"documents": documents, "options": {"steps": ["whitespace"], "diff": "none"}})
    assert r.status_code == 200, r.get_data(as_text=True)
    assert_conforms("/v1/batch", "post", r)
    results = r.get_json()["results"]
    assert [e["id"] for e in results] == ["a", 7, "c", None, "e"]
    assert results[0]["text"] == "one two" and results[0]["diff"] is None
    assert results[1]["error"]["code"] == "invalid_field"
    assert results[2]["error"]["code"] and "grammar" in results[2]["error"]["message"]
    assert results[3]["error"]["code"] == "missing_field" and "document 3" in results[3]["error"]["message"]
    # a document's own options override the batch's defaults
    assert results[4]["text"] == "three four" and "[-" in results[4]["diff"]


def test_json_batch_result_equals_single_clean(client):
    text = "Back  to work.\n\n\n\nDone."
    single = client.post("/v1/clean", json={"text": text}).get_json()
    batched = client.post("/v1/batch", json={"documents": [{"id": 1, "text": text}]}).get_json()["results"][0]
    for key in ("stats", "language"):  # timings differ; langdetect samples at random
        single.pop(key), batched.pop(key)
    assert batched == {"id": 1, **single}


def test_too_many_documents_is_413_with_a_clear_message(client):
    r = client.post("/v1/batch", json={"documents": [{"id": i, "text": "a"} for i in range(6)]})
    assert r.status_code == 413
    assert_conforms("/v1/batch", "post", r)
    error = r.get_json()["error"]
    assert error["code"] == "too_many_documents" and "limit of 5" in error["message"]


@pytest.mark.parametrize("body,code", [
    ([{"id": 1, "text": "a"}], "invalid_json"),
    ({"docs": []}, "invalid_field"),
    ({"documents": {"id": 1}}, "invalid_field"),
    ({"options": {}}, "missing_field"),
    ({"documents": [], "options": {"colour": "blue"}}, None),
    ({"documents": [], "options": {"text": "x"}}, "invalid_field"),
    ({"documents": [], "options": []}, "invalid_field"),
])
def test_unusable_batch_request_is_400(client, body, code):
    r = client.post("/v1/batch", json=body)
    assert r.status_code == 400
    assert_conforms("/v1/batch", "post", r)
    if code:
        assert r.get_json()["error"]["code"] == code


def test_empty_batch_and_wrong_type(client):
    assert client.post("/v1/batch", json={"documents": []}).get_json() == {"results": []}
    r = client.post("/v1/batch", data="x", content_type="text/plain")
    assert r.status_code == 415
    assert_conforms("/v1/batch", "post", r)


def test_one_crashing_document_does_not_lose_the_others(app, monkeypatch):
    real = pipeline.clean

    def flaky(text, *a, **k):
        if text == "boom":
            raise RuntimeError("secret detail")
        return real(text, *a, **k)
    monkeypatch.setattr(pipeline, "clean", flaky)
    r = app.test_client().post("/v1/batch", json={"documents": [{"id": 1, "text": "boom"}, {"id": 2, "text": "a  b"}]})
    results = r.get_json()["results"]
    assert r.status_code == 200 and results[0]["error"]["code"] == "internal_error"
    assert "secret" not in json.dumps(results) and results[1]["text"] == "a b"


# --- NDJSON -----------------------------------------------------------------------------------

def ndjson(*lines) -> bytes:
    return b"".join((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n" for line in lines)


def test_ndjson_one_result_line_per_document_with_line_numbers_for_errors(client):
    body = ndjson({"id": 1, "text": "a  b"}, b"", b"{not json", {"id": 2, "text": "c   d"}, b"\xff\xfe",
                  {"id": 3}, [1, 2], {"id": 4, "text": "e  f", "options": {"diff": "inline"}})
    r = client.post("/v1/batch?steps=whitespace&diff=none", data=body, content_type="application/x-ndjson")
    assert r.status_code == 200 and r.mimetype == "application/x-ndjson"
    assert_conforms("/v1/batch", "post", r)
    lines = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    for entry in lines:
        assert_batch_item(entry)
    assert [(e["id"], e.get("line")) for e in lines] == [(1, None), (None, 3), (2, None), (None, 5), (3, 6),
                                                         (None, 7), (4, None)]
    assert lines[0]["text"] == "a b" and lines[0]["diff"] is None
    assert lines[1]["error"]["code"] == "invalid_json" and "line 3" in lines[1]["error"]["message"]
    assert lines[3]["error"]["code"] == "invalid_encoding"
    assert lines[4]["error"]["code"] == "missing_field"
    assert lines[6]["diff"] and "[-" in lines[6]["diff"]


def test_ndjson_is_streamed_line_by_line(app):
    """The first result is ready before the rest of the input has been read."""
    class CountingStream(io.BytesIO):
        reads = 0

        def readline(self, *a):
            CountingStream.reads += 1
            return super().readline(*a)

    stream = CountingStream(ndjson(*({"id": i, "text": "a  b", "options": {"steps": ["whitespace"]}}
                                     for i in range(50))))
    with app.test_request_context("/v1/batch"):
        lines = http_batch.stream_results(stream, {}, 1024)
        first = json.loads(next(lines))
        assert first["id"] == 0 and first["text"] == "a b"
        assert CountingStream.reads == 1
        assert len(list(lines)) == 49


def test_ndjson_line_and_stream_limits(make_app):
    small = make_app(MAX_CONTENT_LENGTH=1024, MAX_STREAM_BYTES=4096).test_client()
    long_line = {"id": "big", "text": "x" * 2000}
    r = small.post("/v1/batch", data=ndjson(long_line, {"id": "ok", "text": "a  b"}),
                   content_type="application/x-ndjson")
    lines = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    assert lines[0]["error"]["code"] == "line_too_large" and lines[0]["line"] == 1
    assert lines[1]["id"] == "ok" and "text" in lines[1]
    r = small.post("/v1/batch", data=ndjson(*[{"id": i, "text": "y" * 500} for i in range(10)]),
                   content_type="application/x-ndjson")
    assert r.status_code == 413 and "MAX_STREAM_BYTES" in r.get_json()["error"]["message"]
    assert_conforms("/v1/batch", "post", r)


def test_ndjson_bad_query_defaults_are_400(client):
    r = client.post("/v1/batch?diff=sideways", data=ndjson({"id": 1, "text": "a"}), content_type="application/x-ndjson")
    assert r.status_code == 400
    assert_conforms("/v1/batch", "post", r)


# --- command line -----------------------------------------------------------------------------

@pytest.fixture
def loaded(monkeypatch):
    """The CLI batch's per-process resources, already loaded (so tests skip the load)."""
    monkeypatch.setattr(cli_batch, "_resources", pipeline.default_resources())


def write_lines(path: Path, *lines) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        for line in lines:
            fh.write((line if isinstance(line, str) else json.dumps(line)) + "\n")


def read_results(path: Path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_batch_cleans_and_reports_bad_lines(tmp_path, loaded):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(src, {"id": "a", "text": "a  b"}, "oops", {"id": "b", "text": 3}, "", {"id": "c", "text": "c  d"})
    counts = cli_batch.run_batch(str(src), str(out), workers=1, defaults={"steps": ["whitespace"]}, progress=False)
    assert counts == {"cleaned": 2, "errors": 2, "skipped": 0}
    by_id = {(e["id"], e.get("line")): e for e in read_results(out)}
    assert by_id[("a", None)]["text"] == "a b" and by_id[("c", None)]["text"] == "c d"
    assert by_id[(None, 2)]["error"]["code"] == "invalid_json"
    assert by_id[("b", 3)]["error"]["code"] == "invalid_field"
    for entry in by_id.values():
        assert_batch_item(entry)


def test_cli_batch_resumes_and_skips_done_ids(tmp_path, loaded):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(src, {"id": 1, "text": "a  b"}, {"id": 2, "text": "c  d"}, "bad line")
    cli_batch.run_batch(str(src), str(out), workers=1, defaults={"steps": ["whitespace"]}, progress=False)
    # an interrupted run leaves a torn last line; it is cut off and that document redone
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"id": 3, "text": "e f", "edi')
    write_lines(src, {"id": 3, "text": "e  f"}, {"id": 4, "text": "g  h"})
    counts = cli_batch.run_batch(str(src), str(out), workers=1, defaults={"steps": ["whitespace"]}, progress=False)
    assert counts == {"cleaned": 2, "errors": 0, "skipped": 3}
    results = read_results(out)
    assert sorted(str(e["id"]) for e in results) == ["1", "2", "3", "4", "None"]
    assert {e["id"]: e.get("text") for e in results}[3] == "e f"


def test_cli_batch_command_uses_worker_processes(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(src, *({"id": i, "text": f"item {i}  here"} for i in range(12)))
    r = subprocess.run([sys.executable, "-m", "service", "batch", str(src), str(out), "--workers", "2",
                        "--steps", "whitespace", "--diff", "none"], cwd=ROOT, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr
    assert "12 cleaned, 0 errors" in r.stderr and "doc" in r.stderr  # summary and tqdm's bar
    results = read_results(out)
    assert sorted(e["id"] for e in results) == list(range(12))
    assert all(e["text"] == f"item {e['id']} here" and e["diff"] is None for e in results)


def test_cli_batch_errors_are_clear(tmp_path):
    r = subprocess.run([sys.executable, "-m", "service", "batch", str(tmp_path / "missing.jsonl"),
                        str(tmp_path / "out.jsonl"), "--workers", "1", "--steps", "nope"],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "error:" in r.stderr
