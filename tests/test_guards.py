"""What no step edits (service.guards) and the words of the lexicon (service.lexicon):
request names, the request's `dictionary` and the deployment's rules/dictionary.yaml,
honoured by every step that corrects words."""
from __future__ import annotations

from dataclasses import replace

import pytest

import service
from service.errors import OptionsError
from service.options import MAX_DICTIONARY, Options
from service.pipeline import default_resources


def _fixes(text: str, **options) -> list:
    result = service.clean(text, language="en", **options)
    return [(e.original, e.replacement, e.step) for e in result.edits + result.suggestions]


def _without_deployment_dictionary():
    resources = default_resources()
    return replace(resources, rules=replace(resources.rules, dictionary_entries=(), dictionary=frozenset()))


# --- the request's dictionary, one step at a time --------------------------------------

@pytest.mark.parametrize("text,word,step", [
    ("The two counties have decided to merge their armies.", "counties", "context"),
    ("Zelenskiy met the press in Kyiv.", "Zelenskiy", "names"),
    ("The hedlines were late.", "Hedlines", "spelling"),  # any case
])
def test_a_dictionary_word_is_left_as_written_by_every_step(text, word, step):
    options = {"name_style": "canonical"} if step == "names" else {}
    resources = _without_deployment_dictionary()
    before = service.clean(text, Options.from_mapping(language="en", **options), resources)
    assert [e.step for e in before.edits] == [step]  # the step does change it without the word
    after = service.clean(text, Options.from_mapping(language="en", dictionary=[word], **options), resources)
    assert after.text == text and after.edits == () and after.suggestions == ()


def test_a_dictionary_word_guards_hyphenated_compounds_and_curly_apostrophes():
    resources = _without_deployment_dictionary()
    text = "Our skeds-driven day and the skeds’ order."
    assert service.clean(text, Options.from_mapping(language="en"), resources).edits
    after = service.clean(text, Options.from_mapping(language="en", dictionary=["skeds"]), resources)
    assert after.text == text


def test_other_words_are_still_corrected_beside_a_dictionary_word():
    assert _fixes("The skeds and the agreemnet are late.", dictionary=["skeds"]) == [
        ("agreemnet", "agreement", "spelling")]


# --- the deployment's dictionary (rules/dictionary.yaml) -------------------------------

def _dictionary_cases():
    for entry in default_resources().rules.dictionary_entries:
        for n, ex in enumerate(entry.get("examples", [])):
            yield pytest.param(ex["input"], ex["output"], True, id=f"{entry['id']}-ex{n}")
        for n, neg in enumerate(entry.get("negatives", [])):
            yield pytest.param(neg, neg, False, id=f"{entry['id']}-neg{n}")


@pytest.mark.parametrize("text,expected,needs_file", list(_dictionary_cases()))
def test_dictionary_file_examples_hold_with_every_step(text, expected, needs_file):
    """Examples and negatives come out as written; each example also needs the
    file (without it some step would change the text), while negatives show
    words the list keeps safe from future changes of the steps."""
    assert service.clean(text, language="en").text == expected
    if needs_file:
        assert service.clean(text, Options.from_mapping(language="en"), _without_deployment_dictionary()).text != text


def test_a_broken_dictionary_file_names_the_entry(tmp_path):
    from service.errors import RulesError
    from service.rules import DEFAULT_RULES_DIR, load_rules

    for f in DEFAULT_RULES_DIR.glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "dictionary.yaml").write_text("rules:\n  - {id: d.x, words: [two words]}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"dictionary.yaml: rule #1 \(d.x\): words/0"):
        load_rules(tmp_path)
    (tmp_path / "dictionary.yaml").unlink()
    assert load_rules(tmp_path).dictionary == frozenset()  # the file is optional


# --- request names: spelling honours them as context does ------------------------------

def test_spelling_leaves_a_request_name_at_a_sentence_start():
    text = "Briann said on Monday that the plan had failed."
    assert _fixes(text, steps=["spelling"]) == [("Briann", "Brian", "spelling")]
    assert _fixes(text, steps=["spelling"], names=["Briann Okoro"]) == []


# --- one casing policy ------------------------------------------------------------------

def test_a_pattern_match_in_capitals_is_corrected_in_capitals():
    assert service.clean("WE COULD OF WON.", language="en", steps=["context"]).text == "WE COULD HAVE WON."


# --- the option: bounded, precise errors ------------------------------------------------

@pytest.mark.parametrize("value,message", [
    ("skeds", "'dictionary' must be a list of words"),
    (["skeds", "bury the lede"], "'dictionary[1]' must be one word"),
    (["skeds", ""], "'dictionary[1]' must be one word"),
    ([3], "'dictionary[0]' must be one word"),
    (["x" * 101], "'dictionary[0]' is 101 characters long"),
    (["w"] * (MAX_DICTIONARY + 1), f"at most {MAX_DICTIONARY} words"),
])
def test_a_bad_dictionary_is_refused_naming_the_entry(value, message):
    with pytest.raises(OptionsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Options.from_mapping(dictionary=value)


def test_the_http_api_takes_a_dictionary_and_refuses_a_bad_one(client):
    r = client.post("/v1/clean", json={"text": "The two counties have decided.", "language": "en",
                                       "dictionary": ["counties"]})
    assert r.status_code == 200 and r.get_json()["text"] == "The two counties have decided."
    r = client.post("/v1/clean", json={"text": "a", "dictionary": ["two words"]})
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "invalid_option"
    assert "dictionary[0]" in r.get_json()["error"]["message"]
    rules = client.get("/v1/rules").get_json()
    assert rules["dictionary"]["words"] == len(default_resources().rules.dictionary) > 0


def test_a_batch_document_takes_a_dictionary(client):
    body = {"documents": [{"id": 1, "text": "The two counties have decided.",
                           "options": {"dictionary": ["counties"], "language": "en"}}]}
    r = client.post("/v1/batch", json=body)
    assert r.status_code == 200, r.get_data(as_text=True)
    result = r.get_json()["results"][0]
    assert result["text"] == "The two counties have decided." and result["edits"] == []


def test_no_step_corrects_words_inside_code_spans():
    """Inline and fenced code are guarded for every word-correcting step by the
    pipeline (guards.drop_guarded_changes), not by each step remembering to."""
    text = "Pass `function(err, buf) {}` as the callback.\n\nUse `x = teh + 1` here, not teh other.\n"
    result = service.clean(text, language="en", diff="none")
    assert result.text == text.replace("not teh", "not the")
