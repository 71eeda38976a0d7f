"""The language of a short, name-heavy line read with a prior (issue 18): the
document's language or the caller's, for a line of only names and numbers."""
from __future__ import annotations

import pytest

from service.language import detect_language
from service.resources import dictionaries


@pytest.mark.parametrize("text", [
    "Rockledge 14 11 6 15 — 44",
    "9.30 A.M. / 7.00 P.M.",
    "HANOI, Vietnam (AP) — U.S.",
])
def test_a_line_without_words_of_any_language_takes_the_prior(text):
    known = dictionaries().unigrams
    assert detect_language(text, known)[0] == "und"  # no evidence of its own
    assert detect_language(text, known, prior="en") == ("en", 0.0)


@pytest.mark.parametrize("text", [
    "Derek Mertz 3 saves.",          # names and one English word: langdetect says Norwegian
    "Duvan Portillo 1 assist.",      # ... Finnish
    "Shaniya Fluellen 6 points.",
    "Javier Gonzales 1 goal.",       # a first name opening the sentence is a name too
    "Stadia isn't a console.",       # a contraction is one English word (langdetect: Italian)
    "Jordan Spira and Megan Cook 4 total.",  # "and" between names is English, not a particle
    "Do we have an oxygen bar in Delhi?",
])
def test_a_short_english_line_reads_as_english_by_its_words(text):
    code, probability = detect_language(text, dictionaries().unigrams)
    assert code == "en" and probability > 0.5


@pytest.mark.parametrize("text,code", [
    ("Array aus Typ serial ist nicht implementiert", "de"),  # langdetect: English
    ("no hay archivos pack para indexar.", "es"),
    ("Setzt das Ziel für die Serverlogausgabe.", "de"),       # was "und": English steps ran on it
])
def test_a_short_foreign_line_with_english_loan_words_reads_as_its_language(text, code):
    assert detect_language(text, dictionaries().unigrams, prior="en")[0] == code


def test_english_words_alone_never_make_a_line_foreign():
    # "font" and "console" are frequent French words too; with no word that is not
    # English, the words do not overrule a detector that says English
    from service.language import read_words

    assert read_words("Linux PSF console font", "en", dictionaries().unigrams) is None


def test_a_request_without_evidence_reports_the_assumed_language_with_probability_zero():
    import service

    assert service.clean("Rockledge 14 11 6 15 — 44").language == {"code": "en", "probability": 0.0}


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
    assert detect_language("Rockledge 14 11 6 15 — 44", known)[0] == "und"
