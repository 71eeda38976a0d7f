"""Language detection with langdetect, made deterministic.

langdetect is random by design; a fixed seed on a fresh detector factory per
call makes its answer a function of the text alone, and thread-safe.
Detection reads a bounded sample: a language does not change mid-article, and
long texts would otherwise cost time linear in their size for no gain.
"""
from __future__ import annotations

import re
import threading

from langdetect import DetectorFactory, LangDetectException, detector_factory

# langdetect's cost rises steeply past about a thousand characters (12.8 ms at
# 2000 against 2.6 ms at 1000 on a 5 KB article) with the same answers on news.
SAMPLE_CHARS = 1000
SCAN_CHARS = 20000
_WORDS = re.compile(r"[^\W\d_]{2,}")
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
    """
    lines = sorted(text[:SCAN_CHARS].splitlines(), key=len, reverse=True)
    words: list[str] = []
    size = 0
    for line in lines:
        for word in _WORDS.findall(line):
            words.append(word)
            size += len(word) + 1
            if size >= SAMPLE_CHARS:
                return " ".join(words)
    return " ".join(words)


def detect_language(text: str) -> tuple[str, float]:
    """Return (language code, probability); ("und", 0.0) when there is no evidence.

    >>> detect_language("The two countries have decided to develop 5G technology together.")[0]
    'en'
    """
    sample = _sample(text)
    if len(sample) < 3:
        return "und", 0.0
    detector = _get_factory().create()
    detector.set_max_text_length(SAMPLE_CHARS)
    # langdetect reseeds its Random from `detector.seed` (None: the OS) for each
    # detection; a fixed seed makes the answer a function of the text alone
    detector.seed = 0
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "und", 0.0
    return best.lang.split("-")[0], round(best.prob, 4)
