"""Language detection with langdetect, made deterministic.

langdetect is random by design; a fixed seed on a fresh detector factory per
call makes its answer a function of the text alone, and thread-safe.
Detection reads a bounded sample: a language does not change mid-article, and
long texts would otherwise cost time linear in their size for no gain.

  (here)    detect_language, per-paragraph reading (other_language_lines)
  detector  langdetect's inner loops for CPython, the same probabilities
  shared    English function words frequent in other languages (generated)
"""
from __future__ import annotations

import re
import threading

from langdetect import DetectorFactory, LangDetectException, detector_factory

from .detector import FastDetector
from .shared import SHARED_FUNCTION_WORDS
from .words import (TOKEN, english_evidence, is_english_word, is_frequent_in, knows, likeliest_other_language,
                    stem_of, text_words)
from ..lexicon import ENGLISH_FUNCTION_WORDS, count_in, function_words

# langdetect's cost rises steeply with length, and a thousand characters give
# the same answers on news as the whole text (bench/NOTES.md, "Language sample").
SAMPLE_CHARS = 1000
SCAN_CHARS = 20000
_WORDS = re.compile(r"[^\W\d_]{2,}")
# The fast path for clear English (see `clearly_english`). Validated against
# langdetect on the benchmark documents, the perf corpus and ~5,000 synthetic
# mixes of English with words of 40 other languages: wherever it fires,
# langdetect said ("en", 1.0) too; the worst mix langdetect did not call
# ("en", 1.0) had 86% English words, against the 93% required here.
FAST_MIN_WORDS = 40
FAST_MIN_FUNCTION_SHARE = 0.2
FAST_MIN_KNOWN_SHARE = 0.93
# a memo's answer for a sample the fast path called English (`detect_language`)
_CLEAR = ("en", 1.0, "clearly English")
# The language a text that gives no evidence of its own is taken to be in
# ("Rockledge 14 11 6 15 — 44", "9.30 A.M."), with probability 0.0: the service's
# correcting steps are English, and they ran on such text as "und" all the same.
ASSUMED_LANGUAGE = "en"
_lock = threading.Lock()
_factory: DetectorFactory | None = None


def _get_factory() -> DetectorFactory:
    global _factory
    with _lock:
        if _factory is None:
            detector_factory.init_factory()
            _factory = detector_factory._factory
        return _factory


def _sample(text: str) -> str:
    """The words of the longest lines: prose says more about the language than menus.

    >>> _sample("Home\\nThe minister said the talks would resume on Monday.\\nMenu")
    'The minister said the talks would resume on Monday Home Menu'
    >>> _sample("                    Le menu\\nThe talks resume.") == _sample("Le menu\\nThe talks resume.")
    True
    """
    # Lines are measured and the scan bounded without their runs of blanks: the whitespace
    # step removes those, and the sample (so the answer) must not change when the output is
    # cleaned again (indented menu lines once outranked the prose).
    lines = _normal_lines(text)
    if lines is None:
        lines = map(" ".join, map(str.split, text.splitlines()))
    if len(text) < SCAN_CHARS:  # the scan's bound cannot be reached: each line is shorter normalised
        lines = [line for line in lines if line]
    else:
        kept, scanned = [], 0
        for line in lines:
            if line:
                kept.append(line)
                scanned += len(line) + 1
                if scanned >= SCAN_CHARS:
                    break
        lines = kept
    lines.sort(key=len, reverse=True)
    words: list[str] = []
    size = 0
    for line in lines:
        # a long line is read a piece at a time, each piece ending before a space (no word
        # crosses one): the sample's end is reached without finding the words of the rest
        pos, end_of_line = 0, len(line)
        while pos < end_of_line:
            end = line.find(" ", pos + SAMPLE_CHARS - size)
            end = end_of_line if end < 0 else end
            found = _WORDS.findall(line, pos, end)
            grow = sum(map(len, found)) + len(found)
            if size + grow < SAMPLE_CHARS:
                words += found
                size += grow
                pos = end
                continue
            for word in found:
                words.append(word)
                size += len(word) + 1
                if size >= SAMPLE_CHARS:
                    return " ".join(words)
    return " ".join(words)


def _normal_lines(text: str) -> list[str] | None:
    """The text's lines when each is already as `" ".join(line.split())` leaves it (no
    blank but single spaces between words, no line break but "\\n"); None otherwise.

    Text the whitespace step has read is so, and these few scans of the whole text
    cost less than splitting every line into its words.

    >>> _normal_lines("The talks\\nresume."), _normal_lines("The  talks"), _normal_lines("The\\u00a0talks")
    (['The talks', 'resume.'], None, None)
    """
    if ("  " in text or "\n " in text or " \n" in text or text[:1] == " " or text[-1:] == " "
            or not text.replace("\n", "").isprintable()):  # every blank but " " is unprintable
        return None
    return text.split("\n")


def clearly_english(sample: str, known_words) -> bool:
    """True when the sample is plainly English prose: enough words, a fifth of
    them function words, and nearly all of them in the English dictionary.

    langdetect costs ~2.5 ms per article and answers ("en", 1.0) for such text;
    this check costs a few hundred microseconds.

    >>> clearly_english("the cat sat on the mat " * 10, {"the", "cat", "sat", "on", "mat"})
    True
    >>> clearly_english("le chat est sur le tapis " * 10, {"the", "cat", "le"})
    False
    """
    words = sample.lower().split()
    n = len(words)
    if n < FAST_MIN_WORDS:
        return False
    function = count_in(words, ENGLISH_FUNCTION_WORDS)
    if function < FAST_MIN_FUNCTION_SHARE * n:
        return False
    known = count_in(words, known_words)
    return known >= FAST_MIN_KNOWN_SHARE * n


def detect_language(text: str, known_words=None, memo: dict | None = None,
                    prior: str | None = None) -> tuple[str, float]:
    """Return (language code, probability); ("und", 0.0) when there is no evidence.

    `prior`: the language the text is expected in (the document's, for one of
    its sentences; the caller's). A short text that gives no evidence of its
    own (names and numbers: "Derek Mertz 3 saves.") or whose words, names set
    aside, are English words takes an English prior (`take_prior`).

    `known_words` (the English unigram dictionary, when the caller has it
    loaded) enables the fast path for clear English (`clearly_english`).
    `memo`: the answers by sample (langdetect's, or the fast path's), for a caller
    that reads several versions of one text with the same `known_words` (the
    pipeline, before and after chrome is removed: the sample is the longest
    lines, which chrome rarely touches).

    >>> detect_language("The two countries have decided to develop 5G technology together.")[0]
    'en'
    """
    sample = _sample(text)
    if len(sample) < 3:
        return (prior, 0.0) if prior is not None else ("und", 0.0)
    if memo is not None and sample in memo:
        found = memo[sample]  # the second version's sample is most often the first's
    else:
        found = _CLEAR if known_words is not None and clearly_english(sample, known_words) else _detect(sample)
        if memo is not None:
            memo[sample] = found
    if found is _CLEAR:
        return "en", 1.0
    code, prob = found
    short = known_words is not None and len(sample.split()) < FAST_MIN_WORDS
    if short:
        read = read_words(text[:SCAN_CHARS], code, known_words)
        if read is not None:
            return read
    if code not in ("en", "und") and short:
        verdict = read_short_text(text[:SCAN_CHARS], code, known_words, prob)
        if verdict is None and mostly_english_words(sample, known_words):
            verdict = "und", 0.0
        if verdict is not None and verdict[0] == "en":
            return verdict
        if prior == "en" and take_prior(text[:SCAN_CHARS], code, known_words):
            return "en", 0.0
        if verdict is not None:
            return verdict
    elif code == "und" and prior is not None:
        return prior, 0.0
    return code, round(prob, 4)


# The words decide a short text's language against langdetect's guess when their
# evidence (words.english_evidence, a log10 likelihood ratio) reaches this much ...
WORDS_DECIDE = 1.0
# ... and, for a text langdetect calls English, against the likeliest of all the
# other languages: the best of 26 finds some evidence in most English sentences.
WORDS_DECIDE_AGAINST_ENGLISH = 2.0
# ... and holds this many words that are no English words.
FOREIGN_WORDS_AGAINST_ENGLISH = 2


def read_words(text: str, guess: str, known_words, known_language: bool = False) -> tuple[str, float] | None:
    """The language of a short text by its words, when they say it clearly; None to
    leave it to the other evidence.

    Names are set aside first (`content_words`); a text of names and title-case
    words ("Logitech MX Master 3 Mouse") is read by all its words. English needs
    most of the words in the English dictionary too (`known_words`): a text of
    foreign words no list here holds says nothing for English. With `known_language`
    (`guess` is a page's language, read on its longer text, and has a list here), words
    neither language knows are left out of that share: a typo is no foreign word.

    >>> known = {"assist", "isn't", "console", "array", "serial"}
    >>> read_words("Duvan Portillo 1 assist.", "fi", known)
    ('en', 0.9634)
    >>> read_words("Array aus Typ serial ist nicht implementiert", "en", known)[0]
    'de'
    >>> read_words("Rockledge 14 11 6 15", "sv", known) is None
    True
    >>> read_words("Industry minister Mélanie Joly met steelworkers in Hamilton.", "af",
    ...            {"industry", "minister", "met", "steelworkers", "in"})[0]
    'en'
    """
    content = content_words(text, known_words)
    if guess == "en":
        if not content:
            return None
        foreign = sum(1 for w in content if not is_english_word(w, known_words))
        if foreign < FOREIGN_WORDS_AGAINST_ENGLISH:
            return None  # English words only ("Linux PSF console font"): nothing to overrule
        other, evidence = likeliest_other_language(content)
        return (other, _probability(-evidence)) if evidence <= -WORDS_DECIDE_AGAINST_ENGLISH else None
    # a line of names and title-case words ("Logitech MX Master 3 Mouse") is read by all its words
    words = content or [w for w in text_words(text) if len(w) > 1]
    if words:
        other = guess if knows(guess) else likeliest_other_language(words)[0]
        evidence = english_evidence(words, other)
        is_english = [is_english_word(w, known_words) for w in words]
        english = sum(is_english)
        counted = len(words)
        if known_language and english >= max(2, counted - english):
            # words neither language knows (a typo, a rare word) speak for neither, when the
            # English words are at least two and at least as many as the others
            counted = english + sum(1 for w, e in zip(words, is_english) if not e and is_frequent_in(w, other))
        if evidence >= WORDS_DECIDE and english >= SHORT_MIN_KNOWN_SHARE * counted:
            return "en", _probability(evidence)
        if (guess != "und" and not knows(guess) and english == len(words) >= UNLISTED_GUESS_MIN_WORDS
                and evidence > -WORDS_DECIDE):
            # the guess is a language no list here holds (langdetect reads "minister met ...
            # in" as Afrikaans), every word is English and the nearest listed language is no
            # likelier: the words outweigh a detector's n-grams
            return "en", _probability(max(evidence, 0.0))
        if evidence <= -WORDS_DECIDE and (guess == "und" or knows(guess)):
            return (other if guess == "und" else guess), _probability(-evidence)
    return None


def _probability(evidence: float) -> float:
    """A log10 likelihood ratio as the probability of the likelier side (equal priors).

    >>> _probability(1.0), _probability(3.0)
    (0.9091, 0.999)
    """
    return round(1 / (1 + 10 ** -evidence), 4)


def take_prior(text: str, guess: str, known_words) -> bool:
    """Does a short text the detector calls `guess` leave an English prior standing:
    only names and numbers, or, names set aside, English dictionary words and
    none of `guess`'s frequent words that English does not use?

    >>> known = {"saves", "goal", "die", "hat", "am"}
    >>> take_prior("Derek Mertz 3 saves.", "fi", known), take_prior("Palm Bay 18 22", "sv", known)
    (True, True)
    >>> take_prior("Die Regierung hat am Montag getagt.", "de", known)
    False
    """
    words = content_words(text, known_words)
    if not words:
        return True
    if sum(1 for w in words if w in known_words) < SHORT_MIN_KNOWN_SHARE * len(words):
        return False
    english, other = function_words("en"), function_words(guess)
    return not any(w in other and w not in english for w in words)


# A short text is English when, its names set aside, nearly all of its words
# are English dictionary words and it holds at least as many words only
# English uses often as words only the detector's language uses often.
SHORT_MIN_KNOWN_SHARE = 0.8
# words a short text needs before all of them being English overrules a guess no list holds
UNLISTED_GUESS_MIN_WORDS = 4
# With this few words left (but not fewer than SHORT_MIN_WORDS) and no frequent
# word either way, the dictionary decides.
SHORT_NO_FUNCTION_WORDS = 6
SHORT_MIN_WORDS = 3
# A tie in function words goes to English unless the detector is this sure of its guess.
SURE_GUESS = 0.8
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*)[\"'“‘(\[]*$")


def content_words(text: str, known_words) -> list[str]:
    """The lower-cased words of a short text, its names set aside.

    A name says nothing of the language around it ("Friedrich Merz met union
    leaders"): a capitalised word that does not open a sentence, or whose
    lower-case form is no English word, is a name, and so is a particle
    between two names ("Botic van de Zandschulp").

    >>> content_words("German chancellor Friedrich Merz met union leaders in Berlin.", {"german", "met", "in"})
    ['german', 'chancellor', 'met', 'union', 'leaders', 'in']
    >>> content_words("Botic van de Zandschulp lost.", {"van", "de", "lost"})
    ['lost']
    >>> content_words("Javier Gonzales 1 goal. The Verge", {"javier", "goal", "the"})
    ['goal', 'the']
    """
    found = [m for m in TOKEN.finditer(text) if len(m.group(0)) > 1]
    tokens = [(m.group(0), bool(_SENTENCE_START.search(text[max(0, m.start() - 4):m.start()]))) for m in found]
    name = [w[:1].isupper() and (not opens or w.lower() not in known_words) for w, opens in tokens]
    for i in range(len(tokens) - 1):  # "Javier Gonzales": a first name opens the sentence
        if tokens[i][1] and tokens[i][0][:1].isupper() and name[i + 1] and not tokens[i + 1][1] \
                and tokens[i][0].lower() not in ENGLISH_FUNCTION_WORDS \
                and text[found[i].end():found[i + 1].start()].isspace():
            name[i] = True
    # "and" between two names is English, "van de" is part of one name
    particle = [w.islower() and len(w) <= 3 and w not in ENGLISH_FUNCTION_WORDS for w, _ in tokens]
    for i in range(1, len(tokens) - 1):
        if particle[i] and name[i - 1]:
            j = i
            while j < len(tokens) and particle[j] and j - i < 2:
                j += 1
            if j < len(tokens) and name[j]:
                name[i:j] = [True] * (j - i)
    return [w.lower().replace("’", "'") for (w, _), is_name in zip(tokens, name) if not is_name]


def read_short_text(text: str, guess: str, known_words, guess_prob: float = 1.0) -> tuple[str, float] | None:
    """("en", p) when a short text that langdetect calls `guess` reads as English;
    ("und", 0.0) when only names are left; None to keep the detector's answer.

    langdetect guesses wildly on a few words ("Do we have an oxygen bar in
    Delhi?" -> Dutch; "teh cat sat" -> Indonesian), and a wrong guess skips
    every English step for an editor's one-sentence check. The evidence:
    the share of English dictionary words once names are set aside, and
    English function words that `guess` does not use often
    (shared.py: "in" and "was" are German words too) against the
    frequent words of `guess` that English does not use often (German
    "die", "hat" are English words, but German's frequent words).

    >>> known = {"do", "we", "have", "an", "oxygen", "bar", "in", "die", "hat", "am", "teh", "cat", "sat"}
    >>> read_short_text("Do we have an oxygen bar in Delhi?", "nl", known)
    ('en', 1.0)
    >>> read_short_text("Die Regierung hat am Montag getagt.", "de", known) is None
    True
    >>> read_short_text("Palm Bay 18 22", "sv", known)
    ('und', 0.0)
    """
    words = content_words(text, known_words)
    if not words:
        return "und", 0.0
    known = count_in(words, known_words)
    if known < SHORT_MIN_KNOWN_SHARE * len(words):
        return None
    english, other = function_words("en"), function_words(guess)
    shared = SHARED_FUNCTION_WORDS.get(guess, other)
    only_english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS and w not in shared)
    only_other = sum(1 for w in words if w in other and w not in english)
    if only_english > only_other or (only_english == only_other > 0 and guess_prob < SURE_GUESS) or (
            only_english == only_other == 0 and SHORT_MIN_WORDS <= len(words) <= SHORT_NO_FUNCTION_WORDS):
        return "en", round(known / len(words), 4)
    return None


# Below SHORT_WORDS words, a non-English guess that read_short_text could not
# overturn is still not trusted when most words are English dictionary words
# ("teh cat sat" -> Indonesian): the language is reported as undetermined
# ("und"), and undetermined text gets every step.
SHORT_WORDS = 8
SHORT_KNOWN_SHARE = 0.6


def mostly_english_words(sample: str, known_words) -> bool:
    """A short sample (under SHORT_WORDS words) whose words are mostly English.

    >>> mostly_english_words("teh cat sat", {"cat", "sat"}), mostly_english_words("der Hund ist", {"der"})
    (True, False)
    """
    words = sample.lower().split()
    if not words or len(words) >= SHORT_WORDS:
        return False
    return count_in(words, known_words) >= SHORT_KNOWN_SHARE * len(words)


# ---------------------------------------------------------------- paragraphs
# A page detected as one language may hold paragraphs of another (a quote, a
# translation, a reader's comment). English steps must run on the English
# paragraphs and on no other; `other_language_lines` finds the lines whose
# language differs from the document's. Lines shorter than PARAGRAPH_MIN_WORDS
# take the document's language (too little to judge), and at most
# MAX_PARAGRAPH_DETECTIONS lines a document are given to langdetect (its cost
# is ~1 ms a line): the cheap tests below settle most lines.
PARAGRAPH_MIN_WORDS = 6
PARAGRAPH_SAMPLE_WORDS = 40
MAX_PARAGRAPH_DETECTIONS = 64
# English prose: at least this share of function words ...
PARAGRAPH_FUNCTION_SHARE = 0.15
# ... or most words English dictionary words (a list, a title)
PARAGRAPH_KNOWN_SHARE = 0.7
# langdetect must be at least this sure to call a line another language
PARAGRAPH_SURE = 0.9


def other_language_lines(text: str, doc_code: str, known_words) -> list[tuple[int, int, str]]:
    """(start, end, code) of each line in another language than the document's,
    as far as English is concerned: in an English document the lines in
    another language, in any other the English lines.

    >>> from service.resources import dictionaries
    >>> known = dictionaries().unigrams
    >>> text = ("The minister said the talks would resume on Monday in the capital.\\n"
    ...         "Los tipos de datos se logran con dos palabras clave en el lenguaje.\\n")
    >>> other_language_lines(text, "en", known)
    [(67, 135, 'es')]
    >>> other_language_lines(text, "es", known)
    [(0, 67, 'en')]
    """
    english_doc = doc_code in ("en", "und")
    out = []
    budget = MAX_PARAGRAPH_DETECTIONS
    start = 0
    while start < len(text) and budget > 0:
        if text[start] == "\n":
            start += 1  # an empty line (a scraped page's are mostly): no words, in any document
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        head = text[start:min(end, start + 60 * PARAGRAPH_SAMPLE_WORDS)]
        chunks = head.split(None, PARAGRAPH_SAMPLE_WORDS)[:PARAGRAPH_SAMPLE_WORDS]
        # the cheap tests first, on a plain split: most lines settle here
        if english_doc and (len(chunks) < PARAGRAPH_MIN_WORDS or is_function_rich(chunks)):
            start = end
            continue
        if not english_doc:
            # a short English line in another language's page ("The goverment's plan was
            # criticised."): its words against the page's language decide
            read = read_words(head, doc_code, known_words, knows(doc_code)) \
                if len(chunks) >= SHORT_MIN_WORDS and has_english_function_word(chunks, doc_code) \
                and is_mostly_ascii(head) else None
            if read is not None or len(chunks) < PARAGRAPH_MIN_WORDS:
                if read is not None and read[0] == "en":
                    out.append((start, end, "en"))
                start = end
                continue
        words = content_words(head, known_words)[:PARAGRAPH_SAMPLE_WORDS]
        if len(words) >= PARAGRAPH_MIN_WORDS:
            english = looks_english(words, known_words)
            if english is not english_doc:  # unsure, or the other way from the document
                budget -= 1
                code, prob = _detect(" ".join(words))
                if prob >= PARAGRAPH_SURE and english_doc and code not in ("en", "und"):
                    out.append((start, end, code))
                elif prob >= PARAGRAPH_SURE and not english_doc and code == "en" and english:
                    out.append((start, end, "en"))
        start = end
    return out


def has_english_function_word(chunks: list[str], language: str) -> bool:
    """A cheap first test for an English line in a page in `language`: one of its
    white-space chunks is an English function word that `language` does not use often.

    >>> has_english_function_word("The operaing costs fell.".split(), "de")
    True
    >>> has_english_function_word("Die Regierung hat am Montag getagt.".split(), "de")
    False
    """
    shared = SHARED_FUNCTION_WORDS.get(language, function_words(language))
    for chunk in chunks:
        word = stem_of(chunk.strip(".,;:!?\"'()[]“”‘’"))  # that's: that
        if word in ENGLISH_FUNCTION_WORDS and word not in shared:
            return True
    return False


def is_mostly_ascii(text: str) -> bool:
    """Are most of its letters ASCII (English is written so; Russian, Greek or Hindi is not)?

    >>> is_mostly_ascii("The minister said so."), is_mostly_ascii("Правительство собралось в понедельник")
    (True, False)
    """
    letters = sum(1 for c in text if c.isalpha())
    return sum(1 for c in text if c.isascii() and c.isalpha()) * 2 > letters


def is_function_rich(chunks: list[str]) -> bool:
    """True when enough of a line's white-space chunks are English function words.

    >>> is_function_rich("The minister said that the talks would resume.".split())
    True
    """
    return count_in(map(str.lower, chunks), ENGLISH_FUNCTION_WORDS) >= PARAGRAPH_FUNCTION_SHARE * max(
        PARAGRAPH_MIN_WORDS, len(chunks))


def looks_english(words: list[str], known_words) -> bool | None:
    """True for English prose or English words, False for plainly not English,
    None when unsure (lower-case words, names set aside: `content_words`).

    >>> looks_english("the talks would resume on monday".split(), {"talks"})
    True
    >>> looks_english("los tipos de datos se logran".split(), {"de"})
    False
    """
    n = len(words)
    function = count_in(words, ENGLISH_FUNCTION_WORDS)
    if function >= PARAGRAPH_FUNCTION_SHARE * n:
        return True
    known = count_in(words, known_words)
    if known >= PARAGRAPH_KNOWN_SHARE * n:
        return True  # English words without function words: a list or a title, nothing foreign to protect
    return False if function == 0 and known < n / 2 else None


def _detect(sample: str) -> tuple[str, float]:
    """langdetect's best guess for a sample: (code, probability), ("und", 0.0) without one."""
    detector = FastDetector(_get_factory())  # factory.create()'s Detector, its loops made faster
    detector.set_max_text_length(SAMPLE_CHARS)
    # langdetect reseeds its Random from `detector.seed` (None: the OS) for each
    # detection; a fixed seed makes the answer a function of the text alone
    detector.seed = 0
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "und", 0.0
    return best.lang.split("-")[0], best.prob
