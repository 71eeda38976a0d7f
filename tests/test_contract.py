"""The HTTP contract: one document check for HTTP and the batch CLI, 422 for requests
the schema accepts but whose parts contradict each other, and openapi.yaml saying so."""
from __future__ import annotations

import json

import pytest
from spec import SPEC_PATH

import yaml

CLASHING_NAMES = [{"canonical": "Xi Jinping", "aliases": ["Xi"]}, {"canonical": "Xi Wang", "aliases": ["Xi"]}]


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.get_json()["error"]["code"]


def test_names_claiming_one_variant_twice_are_a_422(client):
    r = client.post("/v1/clean", json={"text": "Xi met Xi.", "names": CLASHING_NAMES})
    assert error_of(r) == (422, "invalid_names")
    assert "Xi" in r.get_json()["error"]["message"]


def test_batch_default_names_that_clash_fail_the_request_with_422(client):
    r = client.post("/v1/batch", json={"documents": [{"id": 1, "text": "a"}], "options": {"names": CLASHING_NAMES}})
    assert error_of(r) == (422, "invalid_names")


def test_a_batch_document_with_clashing_names_gets_its_own_422_code(client):
    r = client.post("/v1/batch", json={"documents": [{"id": 1, "text": "a", "options": {"names": CLASHING_NAMES}},
                                                     {"id": 2, "text": "b"}]})
    first, second = r.get_json()["results"]
    assert r.status_code == 200 and first["error"]["code"] == "invalid_names" and second["text"] == "b"
    assert first["error"]["message"].startswith("document 0: ")


def test_an_accepted_id_that_no_edit_has_is_a_422(client):
    r = client.post("/v1/apply", json={"text": "", "edits": [], "accept": [""]})
    assert error_of(r) == (422, "unknown_edit")


def test_an_edit_past_the_end_of_the_text_is_a_422(client):
    edit = {"id": "e", "start": 0, "end": 1, "original": "", "replacement": ""}
    assert error_of(client.post("/v1/apply", json={"text": "", "edits": [edit]})) == (422, "invalid_edits")


@pytest.mark.parametrize("data", ["0", "{}", '{"annotation": [{"text": 1}]}'])
def test_check_data_that_is_not_an_annotation_is_a_422(client, data):
    r = client.post("/v2/check", data={"language": "en-US", "data": data})
    assert error_of(r) == (422, "invalid_data")


def test_http_batch_and_the_batch_cli_give_one_code_and_message(client, tmp_path):
    from service import batch as cli_batch
    bad = {"id": "b", "text": 3}
    r = client.post("/v1/batch", json={"documents": [bad]})
    http_error = r.get_json()["results"][0]["error"]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    cli_batch.run_batch(str(src), str(out), workers=1, progress=False)
    cli_error = json.loads(out.read_text(encoding="utf-8"))["error"]
    assert cli_error["code"] == http_error["code"] == "invalid_field"
    assert cli_error["message"].removeprefix("line 1: ") == http_error["message"].removeprefix("document 0: ")


@pytest.mark.parametrize("path", ["/v1/clean", "/v1/batch", "/v1/apply", "/v2/check"])
def test_the_spec_documents_422_where_the_service_answers_it(spec, path):
    assert "422" in spec["paths"][path]["post"]["responses"]


def test_a_text_body_is_any_string_in_the_spec(spec, client):
    body = spec["paths"]["/v1/clean"]["post"]["requestBody"]["content"]
    for kind in ("text/plain", "text/html"):
        ref = body[kind]["schema"]["$ref"].rsplit("/", 1)[1]
        assert "type" not in spec["components"]["schemas"][ref]
        r = client.post("/v1/clean?steps=unicode", data="{}", content_type=kind)
        assert r.status_code == 200


def test_request_names_must_hold_a_letter_in_the_spec_as_in_the_service(spec, client):
    import re
    pattern = spec["components"]["schemas"]["NameForm"]["pattern"]
    assert not re.search(pattern, "12 -") and re.search(pattern, "Zoë")
    assert client.post("/v1/clean", json={"text": "a", "names": ["12 -"]}).status_code in (400, 422)


def test_check_languages_in_the_spec_are_those_the_service_knows(spec):
    from service.app.languagetool import LANGUAGES
    enum = spec["components"]["schemas"]["LtCheckRequest"]["properties"]["language"]["enum"]
    assert enum == ["auto"] + [long for _, _, long in LANGUAGES]


def test_apply_link_sends_the_clean_edits_to_apply(spec):
    links = spec["paths"]["/v1/clean"]["post"]["responses"]["200"]["links"]
    assert links["ApplyAllEdits"]["operationId"] == "applyChoice"
