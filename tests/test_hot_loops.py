"""Hot loops rewritten for speed give exactly the answers of the plain code
they replaced (kept here as the reference), on generated text."""
from __future__ import annotations

from operator import itemgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from service import guards
from service.steps.chrome import content, signals

# Prices, units, times, scores, tables and their near misses, in any order.
LIST_PIECES = ["$", "€", "£", " ", "  ", "\t", "|", " | ", "(", "5", "12", "7:30", "3.5", "1,000", "400", "2-1",
               "kg", "g", "ml", "cups", "tbsp", "pm", "a.m.", "uhr", "USD", "kr", "₹", "Kč", "flour", "Sonos",
               "Move", "for", "price", "-", "–", ":", "/", ".", ",", "٣", "x", "\n", "İ"]


def plain_is_list_content(text: str) -> bool:
    return bool(content._LIST_CONTENT.search(text)) or len(content._NUMBER.findall(text)) >= 3


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.one_of(st.lists(st.sampled_from(LIST_PIECES), max_size=25).map("".join), st.text(max_size=60)))
def test_list_content_is_the_plain_search(text):
    assert content.is_list_content(text) == plain_is_list_content(text)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["The", "minister", "said", "Home", "News", "ÉTÉ", "été", "5G", "x,", "U.S.",
                                 ".", " ", "  ", "\n", "talks", "Trade"]), max_size=40).map(" ".join))
def test_lower_case_words_are_counted_as_before(text):
    words = signals.words_unordered(text)
    assert len(words) - sum(map(str.isupper, map(itemgetter(0), words))) == sum(
        1 for w in words if not w[0].isupper())


# ---------------------------------------------------------------- langdetect

def _probabilities(cls, sample: str):
    from service import language
    detector = cls(language._get_factory())
    detector.set_max_text_length(language.SAMPLE_CHARS)
    detector.seed = 0
    detector.append(sample)
    try:
        detector.get_probabilities()
    except Exception as e:  # noqa: BLE001 - the same error is part of the same answer
        return type(e).__name__
    return detector.langprob


MIXED = ["The minister said the talks would resume", "Le ministre a dit que", "Der Minister sagte, dass",
         "El ministro dijo que", "Министр сказал", "部長は会談が再開すると述べた", "장관은 말했다", "الوزير قال",
         "Bộ trưởng nói rằng", "Ministrul a spus că ș ț", "HOME NEWS SPORT", "NATO", "5G 2024", "e-mail x@y.io",
         "https://x.io/a", "Ã©tÃ© â€™", "  ", "\n", ".", "ǅ", "ΣΑΣ σας"]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.one_of(st.lists(st.sampled_from(MIXED), min_size=1, max_size=12).map(" ".join), st.text(max_size=200)))
def test_fast_detector_gives_langdetects_probabilities(sample):
    from langdetect.detector import Detector

    from service.language.detector import FastDetector
    assert _probabilities(FastDetector, sample) == _probabilities(Detector, sample)


def test_fast_detector_on_articles():

    from langdetect.detector import Detector

    from service import language
    from service.language.detector import FastDetector
    from bench.corpus import corpus
    for text in corpus(12):
        sample = language._sample(text)
        assert _probabilities(FastDetector, sample) == _probabilities(Detector, sample)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.one_of(st.lists(st.sampled_from(MIXED + ["ABc", "aBC", "A", "x", "Ɂ", "a\u0300", "ơ\u0301", "  ", "漢字"]),
                          min_size=1, max_size=16).map("".join),
                 st.text(max_size=120)))
def test_fast_detector_reads_the_same_ngrams(sample):
    from langdetect.detector import Detector

    from service import language
    from service.language.detector import FastDetector
    plain, fast = Detector(language._get_factory()), FastDetector(language._get_factory())
    for detector in (plain, fast):
        detector.set_max_text_length(60)
        detector.append(sample)
        detector.cleaning_text()
    assert fast.text == plain.text
    assert fast._extract_ngrams() == plain._extract_ngrams()


# ---------------------------------------------------------------- context model

@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.sampled_from([None, "the", "of", "more", "zzqx", "we", "it's", "whittling", "overpriced", "sleepily"]),
       st.sampled_from(["their", "there", "then", "than", "to", "too", "zzqy", "it", "new", "a", "quietly"]),
       st.sampled_from([None, "the", "cat", "expected", "zzqz", "is", "whittling", "overpriced", "sleepily",
                        "bespoke", "gardeners"]))
def test_one_word_phrases_score_as_their_chain(left, word, right):
    from service.resources import dictionaries
    from service.steps.context import model as context_model
    model = context_model.model_for(dictionaries())
    model.memo.clear()
    assert context_model.phrase_logprob(model, left, (word,), right) == max(
        context_model.chain_logprob(model, left, c, right) for c in context_model.expand_word(word))


# Marks of code and the punctuation around them, for guards.count_code_marks' screen.
CODE_PIECES = ["said", "Said", "SAID", "x", "fs", "open", "std", "iPhone", "x86", "0x1f", ".", ",", ";", ":", "::",
               "!", "?", "\"", "'", "“", "”", "‘", "’", "(", ")", "()", "-", "--", "->", "_", "`", "/", "=", "{",
               "é", "ß", "İ", "Σ", "٣", " ", "\n", "a.b", "Mr."]


def plain_count_code_marks(text: str) -> tuple:
    chunks = text.split()
    return sum(1 for c in chunks if guards._CODE_MARK.search(c)), len(chunks)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(CODE_PIECES), min_size=1, max_size=5).map("".join), max_size=12).map(" ".join))
def test_code_marks_are_the_plain_count(text):
    assert guards.count_code_marks(text) == plain_count_code_marks(text)
    assert guards.count_code_marks(text) == plain_count_code_marks(text)  # again: the last text's memo


def test_code_marks_hold_when_the_read_chunks_start_afresh(monkeypatch):
    monkeypatch.setattr(guards, "CHUNKS_KEPT", 8)
    monkeypatch.setattr(guards, "_read_chunks", (set(), set()))
    # the second text's new chunks overflow the kept ones: its known chunks are read again
    texts = ["Call `fs.open()` with flags_mask set.", "Call `fs.open()` and x86 std:: or :: then",
             "The minister said so, “Yes!”", "Call `fs.open()` with flags_mask set."]
    assert [guards.count_code_marks(t) for t in texts] == [plain_count_code_marks(t) for t in texts]


def test_a_texts_verb_headings_are_read_once_however_many_headings_ask(monkeypatch):
    """context.headings.imperative_heading asked at each of a page's many headings reads the
    page's lines once (verb_headings), not once a heading: a page of N headings stays linear."""
    from service.steps.context import headings
    # one verb heading repeated: no run of others, so each heading's question reads every line
    lines = ["Buy the Spare Parts Early", "Solar Panel Wiring Guide", "The crew met on Monday."] * 200
    text = "\n".join(lines) + "\n"
    read = []
    real = headings.is_heading
    monkeypatch.setattr(headings, "is_heading", lambda line: read.append(line) or real(line))
    starts = [i for i in range(len(text)) if text.startswith("Buy", i)]
    assert not any(headings.imperative_heading(text, s) for s in starts)
    assert len(read) <= len(lines) + len(starts), f"{len(read)} lines read for {len(starts)} headings"
