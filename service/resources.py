"""Dictionaries shared by the steps, loaded once and read-only afterwards.

symspellpy's bundled English dictionaries (82,765 words, 243,342 bigrams) are
the spelling and context steps' evidence. Building the SymSpell delete index
takes seconds, so the prepared object is cached as a pickle keyed by the
symspellpy version; start-up then only unpickles it.
"""
from __future__ import annotations

import gc
import importlib.resources
import logging
import os
import pickle
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from importlib.metadata import version as _pkg_version
from symspellpy import SymSpell

log = logging.getLogger(__name__)

UNIGRAMS = "frequency_dictionary_en_82_765.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
MAX_EDIT_DISTANCE = 2
_lock = threading.Lock()


@dataclass(frozen=True)
class Dictionaries:
    """Read-only word evidence: SymSpell index, unigram and bigram counts."""

    symspell: SymSpell
    unigrams: dict  # word -> count
    bigrams: dict   # "w1 w2" -> count
    total: int      # sum of unigram counts

    def count(self, word: str) -> int:
        return self.unigrams.get(word, 0)

    def bigram(self, w1: str, w2: str) -> int:
        return self.bigrams.get(f"{w1} {w2}", 0)


def cache_dir() -> Path:
    base = os.environ.get("COPYDESK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "copydesk")
    return Path(base)


def _build() -> SymSpell:
    data = importlib.resources.files("symspellpy")
    sym = SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=7)
    if not sym.load_dictionary(str(data / UNIGRAMS), 0, 1):
        raise RuntimeError(f"symspellpy dictionary {UNIGRAMS} is missing from the installed package")
    if not sym.load_bigram_dictionary(str(data / BIGRAMS), 0, 2):
        raise RuntimeError(f"symspellpy bigram dictionary {BIGRAMS} is missing from the installed package")
    return sym


@contextmanager
def _gc_paused():
    """Unpickling millions of small objects triggers the cyclic GC again and
    again for nothing (none of them is garbage); pausing it halves the load."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_cached(name: str, build):
    """`build()`'s result, pickled under the cache directory as `name`.

    For derived data that is a pure function of pinned packages (the key in
    `name` must say which versions): start-up then unpickles instead of
    rebuilding. An unreadable cache is rebuilt; an unwritable one is skipped.
    """
    path = cache_dir() / f"{name}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as fh, _gc_paused():
                return pickle.load(fh)
        except Exception as exc:  # a stale or truncated cache is rebuilt, not fatal
            log.warning("ignoring unreadable cache %s: %s", path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write then rename, so a concurrent reader never sees half a file
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not write cache %s: %s", path, exc)
    return value


def _load_symspell() -> SymSpell:
    return load_cached(f"symspell-{_pkg_version('symspellpy')}-d{MAX_EDIT_DISTANCE}", _build)


@lru_cache(maxsize=1)
def _dictionaries() -> Dictionaries:
    sym = _load_symspell()
    # SymSpell's own dicts, shared rather than copied: nothing writes to them after loading
    return Dictionaries(sym, sym.words, sym.bigrams, sum(sym.words.values()))


def dictionaries() -> Dictionaries:
    """The shared dictionaries (loaded on first call, thread-safe)."""
    with _lock:
        return _dictionaries()
