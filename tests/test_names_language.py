"""The language of a short, name-heavy line read with a prior (issue 18): the
document's language or the caller's, for a line of only names and numbers."""
from __future__ import annotations

import pytest

from service.language import detect_language
from service.resources import dictionaries


@pytest.mark.parametrize("text", [
    "Derek Mertz 3 saves.",
    "Rockledge 14 11 6 15 — 44",
    "Shaniya Fluellen 6 points.",
    "Starven Saint Hilare 1 goal.",
])
def test_a_line_of_names_and_numbers_takes_an_english_prior(text):
    known = dictionaries().unigrams
    assert detect_language(text, known)[0] != "en"  # no evidence of its own
    assert detect_language(text, known, prior="en")[0] == "en"


@pytest.mark.parametrize("text,code", [
    ("Die Regierung hat am Montag in Berlin getagt.", "de"),
    ("Los tipos de datos se logran con dos palabras clave.", "es"),
])
def test_a_prior_does_not_overrule_another_language(text, code):
    assert detect_language(text, dictionaries().unigrams, prior="en")[0] == code


def test_without_a_prior_the_answer_is_unchanged():
    known = dictionaries().unigrams
    for text in ("Palm Bay 18 22 13 17 — 70", "The minister said the talks would resume on Monday."):
        assert detect_language(text, known) == detect_language(text, known, prior=None)
    assert detect_language("Palm Bay 18 22", known)[0] == "und"
