"""The spelling step: labelled cases (tests/data/spelling_cases.yaml), its rules, its guards.

The step runs alone through `service.clean`, with only its own rules file
loaded, so that these tests do not depend on the other steps' rule files.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import wordfreq
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import service
from service.errors import RulesError
from service.lexicon import match_casing
from service.pipeline import Resources
from service.resources import dictionaries
from service.rules import load_rules
from service.steps import context_for
from service.steps.spelling import step as spelling
from service.steps.spelling.rank import lexicon_for

CASES = yaml.safe_load((Path(__file__).parent / "data" / "spelling_cases.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(rules=load_rules(steps=(spelling.STEP,)), dictionaries=dictionaries())


def _clean(text: str, resources: Resources):
    return service.clean(text, steps=["spelling"], language="en", resources=resources)


@pytest.mark.parametrize("case", CASES["fix"], ids=lambda c: c["input"][:40])
def test_typo_is_fixed(case, resources):
    result = _clean(case["input"], resources)
    assert result.text == case["output"], result.edits
    assert _clean(result.text, resources).edits == (), "a correction must be stable"


@pytest.mark.parametrize("text", CASES["keep"], ids=lambda t: t[:40])
def test_correct_text_is_kept(text, resources):
    result = _clean(text, resources)
    assert result.text == text, [(e.original, e.replacement, e.message) for e in result.edits]


@pytest.mark.parametrize("case", CASES["suggested"], ids=lambda c: c["input"][:40])
def test_name_by_evidence_is_only_suggested(case, resources):
    result = _clean(case["input"], resources)
    assert result.text == case["input"], [(e.original, e.replacement, e.message) for e in result.edits]
    assert [e.original for e in result.suggestions] == case.get("words", [case.get("word")]), result.suggestions


@pytest.mark.parametrize("text", CASES["names"], ids=lambda t: t[:40])
def test_name_written_as_code_is_left_alone(text, resources):
    result = _clean(text, resources)
    assert result.text == text and result.suggestions == (), [(e.original, e.replacement) for e in result.suggestions]


@pytest.mark.parametrize("case", CASES["split"], ids=lambda c: c["input"][:40])
def test_joined_words_are_split(case, resources):
    result = _clean(case["input"], resources)
    assert result.text == case["output"], result.edits
    assert _clean(result.text, resources).edits == ()


def test_edit_reports_rule_message_and_confidence(resources):
    result = _clean("The goverment met inthe capital to discuss the agreemnet.", resources)
    by_original = {e.original: e for e in result.edits}
    assert set(by_original) == {"goverment", "inthe", "agreemnet"}
    typo = by_original["agreemnet"]
    assert typo.rule == "spelling.typo"
    assert typo.message == "'agreemnet' is likely a typo for 'agreement'"
    assert 0.5 <= typo.confidence <= 0.99
    assert by_original["inthe"].rule == "spelling.split"
    assert by_original["goverment"].rule == "spelling.common.doubling"


def test_ambiguous_typo_is_left_alone(resources):
    # "fro" could be for, from, fr... and is a word: no clear winner, no change
    assert _clean("They came fro the north.", resources).edits == ()


def test_every_rules_misspelling_is_fixed(resources):
    fixes = resources.rules.compiled("spelling").fixes
    assert len(fixes) > 50
    for wrong, (right, rule_id) in fixes.items():
        result = _clean(f"They said {wrong} again.", resources)
        assert result.text == f"They said {right} again.", rule_id


def test_deployment_dictionary_words_are_never_corrected(resources):
    assert len(resources.rules.dictionary) > 100
    for word in sorted(resources.rules.dictionary):
        text = f"The {word} was there."
        assert _clean(text, resources).text == text, word


def test_spelling_skips_dictionary_words_before_scoring(resources):
    """The step itself leaves them (not only the pipeline's final guard), so they
    spend none of the document's scoring allowance."""
    ctx = context_for("spelling")
    assert "emobility" in ctx.dictionary
    # a word of a newsroom's own that the step would otherwise take for a slip
    own = replace(ctx, dictionary=ctx.dictionary | {"mobilty"})
    assert spelling.run("The mobilty plan.", own) == []
    assert [c.replacement for c in spelling.run("The mobilty plan.", ctx)] == ["mobility"]


def test_seed_article_correct_words_unchanged(seed_text, resources):
    """On the seed article the step may only touch tokens that are not words."""
    lex = lexicon_for(resources.dictionaries)
    rules = resources.rules.compiled("spelling")
    result = _clean(seed_text, resources)
    for e in result.edits:
        lower = e.original.lower().replace("’", "'")
        assert lower in rules.fixes or (not lex.in_dictionary(lower) and lex.zipf(lower) < spelling.KNOWN_ZIPF), e
    for name in ("Huawei", "Modi", "LTE", "5G", "Indo-Pacific", "Quad"):
        assert result.text.count(name) == seed_text.count(name), name


# --- rules file errors name the entry ---------------------------------------------------

@pytest.mark.parametrize("entry,fragment", [
    ({"id": "bad.same", "misspelling": "teh", "correction": "teh"}, "bad.same"),
    ({"id": "bad.both", "fixes": {"x": "y"}, "misspelling": "teh", "correction": "the"}, "bad.both"),
    ({"id": "bad.half", "misspelling": "teh"}, "bad.half"),
    ({"id": "bad.upper", "misspelling": "Teh", "correction": "the"}, "bad.upper"),
    ({"id": "bad.moved", "protect": ["fintech"]}, "bad.moved"),
])
def test_bad_rules_raise_naming_the_entry(tmp_path, entry, fragment):
    (tmp_path / "spelling.yaml").write_text(yaml.safe_dump({"rules": [entry]}), encoding="utf-8")
    with pytest.raises(RulesError, match=fragment):
        load_rules(tmp_path, steps=(spelling.STEP,))


def test_dictionary_word_wins_over_a_spelling_fix():
    """A dictionary word is left as written even when a spelling rule lists it."""
    ctx = context_for("spelling")
    assert [c.replacement for c in spelling.run("It costs alot.", ctx)] == ["a lot"]
    assert spelling.run("It costs alot.", replace(ctx, dictionary=frozenset({"alot"}))) == []


# --- small pure helpers -----------------------------------------------------------------

@pytest.mark.parametrize("original,replacement,expected", [
    ("goverment", "government", "government"),
    ("Goverment", "government", "Government"),
    ("GOVERMENT", "government", "GOVERNMENT"),
    ("Alot", "a lot", "A lot"),
])
def test_match_casing(original, replacement, expected):
    assert match_casing(original, replacement) == expected


# --- properties -------------------------------------------------------------------------

# wordfreq counts some misspellings ("dont") among common words; the rules fix
# those on purpose, so they are not "common words" for this property.
_FIXED = set(load_rules(steps=(spelling.STEP,)).compiled("spelling").fixes)
_COMMON = [w for w in wordfreq.top_n_list("en", 3000) if w.isalpha() and len(w) > 2 and w not in _FIXED]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_COMMON), min_size=3, max_size=30))
def test_text_of_common_words_is_never_changed(words):
    res = Resources(rules=load_rules(steps=(spelling.STEP,)), dictionaries=dictionaries())
    text = " ".join(words) + "."
    assert _clean(text, res).edits == ()


# --- the fast word scan (spelling_words) gives the plain scan's answers -----------------

def test_lowering_the_text_is_lowering_each_word():
    """Document.scan lowers the whole text at once: exact for every character but İ and Σ."""
    import re
    import sys
    from service.steps.spelling.words import _LOWER_UNSAFE
    letter, joiners = re.compile(r"[^\W\d_]"), "'’-"

    def kind(c: str) -> str:
        return "letter" if letter.match(c) else "joiner" if c in joiners else "other"

    odd = []
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        low = c.lower()
        if low != c and (len(low) != 1 or kind(low) != kind(c)):
            odd.append(c)
    assert set(odd) <= set(_LOWER_UNSAFE), odd


def test_capitals_within_knows_every_capital_of_an_ascii_letter():
    """named.capitals_within rules a window out by the capitals that lower to each ASCII letter:
    str.upper's, and named._OTHER_CAPITALS; no other code point lowers to one."""
    import string
    import sys
    from service.steps.spelling.named import _OTHER_CAPITALS
    for x in string.ascii_lowercase:
        found = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper() and c.lower() == x}
        assert found == {x.upper(), *_OTHER_CAPITALS.get(x, "")}, x


@pytest.mark.parametrize("text,word", [
    ("Demo programs, like itr (my Internet Talk Radio browser), now run.", "itr"),
    ("Demo programs, like itr (my “Internet” Talk Radio browser), now run.", "itr"),
    ("The \u212aernel Build Daemon (kbd) runs.", "kbd"),
    ("The Kernel build Daemon (kbd) runs.", "kbd"),
    ("Our Éditions Tout (ét) press.", "ét"),
    ("It is the reason we tried itr.", "itr"),
    ("The National Health Service and the nhs met.", "nhs"),
    ("Tom Hardy, Harry Styles and Sam: ths.", "ths"),
])
def test_spelt_out_beside_answers_as_without_its_screen(text, word, monkeypatch):
    """The capitals' screen (named.capitals_within) only skips windows that hold no answer."""
    from service.steps.spelling import named
    from service.steps.spelling.guard import Piece
    from service.steps.spelling.words import Document
    start = text.rindex(word)
    piece = Piece(word, start, start + len(word), "", "", False)
    screened = named.spelt_out_beside(Document(text), piece, word)
    monkeypatch.setattr(named, "capitals_within", lambda reach, lower: True)
    assert screened == named.spelt_out_beside(Document(text), piece, word)


def test_corrections_to_a_caller_s_words_are_those_of_all_corrections(monkeypatch):
    """corrections(to=...) returns exactly the full run's changes to those words (confidence
    and message included), and reads why a change is only suggested for those alone."""
    from service.steps.spelling import step as spelling_step
    res = dictionaries()
    words = frozenset({"york", "paris"})
    texts = ["She moved to new yoork, and teh goverment met in parris with the yoork ITR team.",
             "They will takls witth him in new yrok (sp?) next week.",
             "Our new yoork office: nyork and nwe yoork."]
    only = lambda w: True  # noqa: E731 - every unlisted word, as the spelling step checks
    reasoned = []
    reason = spelling_step.suggestion_reason
    monkeypatch.setattr(spelling_step, "suggestion_reason",
                        lambda piece, *a: reasoned.append(piece.text) or reason(piece, *a))
    dropped = 0
    for text in texts:
        whole = spelling_step.corrections(text, res, only=only)
        dropped += sum(c.replacement.lower() not in words for c in whole)
        reasoned.clear()
        kept = spelling_step.corrections(text, res, only=only, to=words)
        assert kept == [c for c in whole if c.replacement.lower() in words]
        assert kept and set(reasoned) == {text[c.start:c.end] for c in kept}
    assert dropped  # corrections to other words were made, and not reasoned about


_SCAN_ALPHABET = "abcAB’'- -\t\n.,:;“”5_éÉωΩ?!\"("
_SCAN_WORDS = ["ab", "abc", "ba", "cab", "éa", "a-b", "ab’c", "ωa", "abcab"]


def _scan_both(text: str, listed: dict, also: frozenset):
    from service.steps.spelling.words import Document
    fast, plain = Document.scan(text), Document(text)
    assert fast._low is not None and plain._low is None
    return fast, plain, fast.unlisted(listed, also, frozenset()), plain.unlisted(listed, also, frozenset())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SCAN_ALPHABET, max_size=60), st.sets(st.sampled_from(_SCAN_WORDS)),
       st.sets(st.sampled_from(_SCAN_WORDS)))
def test_fast_scan_matches_the_plain_scan(text, listed, also):
    listed = dict.fromkeys(listed, 1)
    fast, plain, got, expected = _scan_both(text, listed, frozenset(also))
    assert got == expected
    for word, start, end in expected:
        context = [spelling._context_word((word, start, end), n, text) for n in fast.neighbours(start, end)]
        assert context == [spelling._context_word((word, start, end), n, text) for n in plain.neighbours(start, end)]
    for w in {w.lower() for w, _, _ in plain.words} | {"ab", "b", "a-b"}:
        assert fast.count(w) == plain.count(w), w
        assert fast.written_capitalised(w) == (w in plain.capitalised), w


def test_fast_scan_reads_back_long_words():
    long_word = "ab-" * 40 + "ab"  # longer than _word_ending's window
    text = f"x {long_word}  zzq, {long_word} zzq"
    fast, plain, got, expected = _scan_both(text, {"x": 1, long_word: 1}, frozenset())
    assert got == expected == [("zzq", 126, 129), ("zzq", 254, 257)]
    assert [fast.neighbours(s, e) for _, s, e in got] == [((long_word, 2, 124), None), ((long_word, 131, 253), None)]


def test_a_line_in_another_language_is_left_alone_beside_english(resources):
    text = ("The minister met reporters in the capitol on Tuesday to discuss the agreemnet.\n\n"
            "«Los tipos de datos se logran con dos palabras clave», dijo el ministro.")
    result = _clean(text, resources)
    assert [(e.original, e.replacement) for e in result.edits] == [("agreemnet", "agreement")]


def test_jargon_in_technical_text_is_suggested_not_applied():
    """In technical text a short unknown word may be an identifier: the editor
    sees the correction as a suggestion; the same word in news is no jargon."""
    text = "Each release that bumps the libm major number may change `stream.pipe()` and `util.inspect()`."
    result = service.clean(text, language="en", diff="none")
    assert result.text == text and result.edits == ()
    assert [(s.original, s.replacement) for s in result.suggestions] == [("libm", "limb")]
    assert "technical text" in result.suggestions[0].message and result.suggestions[0].confidence < 0.5
    news = "The council said each libm major release of the plan was delayed."
    assert [(e.original, e.replacement) for e in service.clean(news, language="en").edits] == [("libm", "limb")]


def test_a_term_of_the_curated_software_lexicon_is_suggested_in_any_text():
    """A word of spelling.yaml's `terms` (software's vocabulary) is a term as often as a
    slip, in news too: its correction is only suggested, at any share."""
    news = "The council said each semver major release of the plan was delayed."
    result = service.clean(news, language="en", diff="none")
    assert result.text == news and result.edits == ()
    assert [(s.original, s.replacement) for s in result.suggestions] == [("semver", "server")]
    assert "curated lexicon" in result.suggestions[0].message


def test_the_curated_software_lexicon_leaves_dictionary_words_to_the_dictionary(resources):
    """A word rules/dictionary.yaml keeps is kept, never suggested: one policy per word."""
    terms = resources.rules.compiled("spelling").terms
    assert len(terms) > 1000 and not terms & resources.rules.dictionary


def test_a_repeated_typo_is_suggested_not_applied():
    """Written twice, an unknown lower-case word may be a term: the editor sees a
    suggestion and the text keeps the word; a capitalised one (a name) stays silent."""
    text = "We should work togther on this. Working togther is the plan."
    result = service.clean(text, language="en", diff="none")
    assert result.text == text and result.edits == ()
    assert [(s.original, s.replacement) for s in result.suggestions] == [("togther", "together")] * 2
    assert all(s.confidence < 0.5 and "perhaps a term" in s.message for s in result.suggestions)
    accepted = service.clean(text, language="en", diff="none", min_confidence=0.4)
    assert accepted.text == text.replace("togther", "together")
    names = "Mr Togther spoke. Togther said no."
    assert service.clean(names, language="en").suggestions == ()


def test_a_text_scanned_again_shares_its_document_and_each_caller_its_own_lists():
    # the names step scans a page for typos of name words just before the spelling
    # step scans it whole: one Document, and the rule words of each call still count
    from service.steps.spelling.words import Document, irregular_keys
    listed = {"the": 1, "cat": 1, "sat": 1}
    text = "The cat sat on teh mat."
    doc = Document.scan(text)
    assert Document.scan(text) is doc
    assert Document.scan(text + " ") is not doc
    doc = Document.scan(text)
    irregular = irregular_keys(listed)
    assert [w for w, _, _ in doc.unlisted(listed, frozenset(), irregular)] == ["on", "teh", "mat"]
    assert [w for w, _, _ in doc.unlisted(listed, frozenset({"cat"}), irregular)] == ["cat", "on", "teh", "mat"]
    assert [w for w, _, _ in doc.unlisted(listed, frozenset(), irregular, only=lambda w: w == "teh")] == ["teh"]


# --- the scoring allowance: all or nothing, so one pass does it all ----------------------

def _typo_sentences(resources, n: int) -> str:
    """`n` sentences, each with a different common word with two inner letters swapped
    ("goverment" kind of slips), none of them listed: n unknown words to score."""
    listed = resources.dictionaries.unigrams
    words = [w for w, _ in sorted(listed.items(), key=lambda kv: -kv[1])
             if len(w) >= 7 and w.isalpha() and w.isascii()]
    typos = []
    for w in words:
        t = w[:3] + w[4] + w[3] + w[5:]
        if t != w and t not in listed and t[:4] not in {x[:4] for x in typos}:
            typos.append(t)
        if len(typos) == n:
            break
    return " ".join(f"They said the {t} was new." for t in typos)


def test_a_document_past_the_scoring_allowance_is_cleaned_in_one_pass(resources):
    """The old allowance scored the first 40 + 1 per 1,000 characters and left the rest;
    the second pass, rid of the first's corrections, scored and fixed the next ones."""
    text = _typo_sentences(resources, 80)
    assert 80 > spelling.scoring_allowance(len(text))
    once = _clean(text, resources)
    assert once.incomplete and once.incomplete["reason"] == "cost_cap"
    assert _clean(once.text, resources).edits == ()


def test_a_document_within_the_scoring_allowance_scores_every_word(resources):
    text = _typo_sentences(resources, 40)
    assert 40 <= spelling.scoring_allowance(len(text))
    once = _clean(text, resources)
    assert not once.incomplete and len(once.edits) >= 30
    assert _clean(once.text, resources).edits == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["command", "Files", "file", "\u017fcript", "SCRIPT", "subcommand", "profile",
                                 "\u0130", "\u212a", "macro", "functions", "the", " ", "\n", "-", "x", "9"]),
                max_size=30))
def test_artefact_noun_screen_gives_the_regex_answer(parts):
    """names_artefacts_often counts with the regex only past a cheap upper bound; the answer is the regex's."""
    from service.steps.spelling import guard
    text = "".join(parts)
    nouns = len(guard._ARTEFACT_NOUN.findall(text))
    assert guard.artefact_nouns_at_most(text) >= nouns
    assert guard.names_artefacts_often(text) == (
        nouns >= guard.ARTEFACT_NOUNS_MIN and 1000 * nouns >= guard.ARTEFACT_NOUNS_PER_1000 * len(text.split()))


def test_artefact_noun_regex_skipped_on_news(monkeypatch):
    """A news paragraph with one artefact noun is told apart without the regex over the whole text."""
    from service.steps.spelling import guard

    class NoRegex:
        def findall(self, text):
            raise AssertionError("regex run")
    monkeypatch.setattr(guard, "_ARTEFACT_NOUN", NoRegex())
    text = "The minister said the agency would file its report. " + "Talks resume on Tuesday in Geneva. " * 20
    assert not guard.names_artefacts_often(text)


def test_a_words_readings_are_kept_across_contexts():
    """score_hypotheses reads a word's candidates, channel and keep scores once (Lexicon.readings)
    and adds each context's lift: the same hypotheses, float for float, as read afresh."""
    from service.steps.spelling import rank
    lex = lexicon_for(dictionaries())
    contexts = [("the", "is"), ("", ""), ("of", "and"), ("a", "")]
    for word in ("mazk", "umask", "goverment", "inthe", "recieved"):
        for capitalised in (False, True):
            for left, right in contexts:
                fresh = rank._readings(lex, word, capitalised, True)
                before = lex.readings.cache_info().hits
                kept = rank.score_hypotheses(lex, word, left, right, capitalised)
                assert lex.readings(word, capitalised, True) == fresh
                assert lex.readings.cache_info().hits > before or (left, right) == contexts[0]
                lex_plain = type("Plain", (), {})()
                for name in ("frequency", "candidates", "lift", "bigram_frequency", "zipf", "in_dictionary",
                             "dicts", "splits", "derivation"):
                    setattr(lex_plain, name, getattr(lex, name))
                assert rank.score_hypotheses(lex_plain, word, left, right, capitalised) == kept


def test_a_pass_whose_words_reach_no_kept_word_is_not_screened(monkeypatch):
    """corrections(to=...) (the names step's pass) ends before screening and scoring when no
    checked word has a candidate among the words it keeps: it could keep no change."""
    def screened(*args, **kwargs):
        raise AssertionError("screened")
    monkeypatch.setattr(spelling, "screen_checks", screened)
    text = "She spent six monhts in the city."
    assert spelling.corrections(text, dictionaries(), only=lambda w: True, to=frozenset({"york"})) == []
    with pytest.raises(AssertionError):
        spelling.corrections(text, dictionaries(), only=lambda w: True, to=frozenset({"months"}))
