"""Dictionaries shared by the steps, loaded once and read-only afterwards.

symspellpy's bundled English dictionaries (82,765 words, 243,342 bigrams) are
the spelling and context steps' evidence. Building the SymSpell delete index
takes seconds, so it is cached on disk keyed by the symspellpy version, in a
compact form (`DeleteIndex`) that loads in a fraction of a pickle's time.
"""
from __future__ import annotations

import gc
import importlib.resources
import logging
import os
import pickle
import tempfile
import threading
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import mmap
import sys
from array import array

from importlib.metadata import version as _pkg_version
from symspellpy import SymSpell

log = logging.getLogger(__name__)

UNIGRAMS = "frequency_dictionary_en_82_765.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
MAX_EDIT_DISTANCE = 2
# SymSpell indexes deletes of each word's first PREFIX_LENGTH letters. 6 makes
# 287,149 deletes instead of 7's 676,094 (start-up loads them all) and gave
# identical lookups on 9,000 misspellings at distances 1 and 2; 5 did not.
PREFIX_LENGTH = 6
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
    sym = SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)
    if not sym.load_dictionary(str(data / UNIGRAMS), 0, 1):
        raise RuntimeError(f"symspellpy dictionary {UNIGRAMS} is missing from the installed package")
    if not sym.load_bigram_dictionary(str(data / BIGRAMS), 0, 2):
        raise RuntimeError(f"symspellpy bigram dictionary {BIGRAMS} is missing from the installed package")
    return sym


_pause_lock = threading.Lock()
_pauses = [0, False]  # pauses open (across threads), whether the collector ran before the first


@contextmanager
def gc_paused():
    """The cyclic garbage collector paused for the block; counted, so that
    threads cleaning at once restore it only when the last one is done (and
    only if it ran before). A block that ends while another is still open
    collects the young generations itself: under steady load two threads'
    cleans can overlap for hours, and the garbage made between them (by the
    HTTP layer) must not pile up meanwhile.

    Unpickling millions of small objects triggers it again and again for
    nothing (none of them is garbage); so does cleaning a large text: a full
    collection walks every object the clean holds, and there are more of both
    (collections and objects) as the text grows, so its cost per MB grew with
    the size. A clean makes no cyclic garbage (tests/test_pipeline.py): what
    it frees, reference counting frees.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    with _pause_lock:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses[0] -= 1
            others, running = _pauses[0], _pauses[1]
            if others == 0 and running:
                gc.enable()
        if others and running:
            gc.collect(1)


def load_cached(name: str, build):
    """`build()`'s result, pickled under the cache directory as `name`.

    For derived data that is a pure function of pinned packages (the key in
    `name` must say which versions): start-up then unpickles instead of
    rebuilding. An unreadable cache is rebuilt; an unwritable one is skipped.
    """
    path = cache_dir() / f"{name}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as fh, gc_paused():
                return pickle.load(fh)
        except Exception as exc:  # a stale or truncated cache is rebuilt, not fatal
            log.warning("ignoring unreadable cache %s: %s", path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        publish_pickle(path, value)
    except OSError as exc:
        log.warning("could not write cache %s: %s", path, exc)
    return value


class DeleteIndex(Mapping):
    """SymSpell's delete index (delete -> words), read-only and compact.

    symspellpy keeps it as a dict of lists (287,149 holding 1.6 million word
    references); unpickling that was a third of start-up. Here the deletes are
    one dict of delete -> row, and the rows are two arrays of unsigned 32-bit
    integers (word ids, and where each row starts) memory-mapped from the
    cache as memoryviews, so loading makes no per-entry objects but the keys,
    and the arrays' pages are shared by every gunicorn worker (numpy would do
    the same but costs 0.1 s to import). Only SymSpell.lookup reads it,
    through `in` and `[]`, and only for the few unknown words of a text.

    >>> idx = DeleteIndex.build({"ab": ["abc", "abd"], "b": ["abc"]}, ["abc", "abd"])
    >>> "ab" in idx, idx["ab"], idx["b"], len(idx), "zz" in idx
    (True, ['abc', 'abd'], ['abc'], 2, False)
    """

    def __init__(self, rows: dict, starts, word_ids, words: list):
        self._rows, self._starts, self._ids, self._words = rows, starts, word_ids, words

    @classmethod
    def build(cls, deletes: dict, words: list) -> "DeleteIndex":
        number = {w: i for i, w in enumerate(words)}
        rows, starts, ids = {}, [0], []
        for key, suggestions in deletes.items():
            rows[key] = len(rows)
            ids.extend(number[w] for w in suggestions)
            starts.append(len(ids))
        return cls(rows, memoryview(array("I", starts)), memoryview(array("I", ids)), words)

    def __contains__(self, key) -> bool:
        return key in self._rows

    def __getitem__(self, key) -> list:
        row = self._rows[key]
        words = self._words
        return [words[i] for i in self._ids[self._starts[row]:self._starts[row + 1]].tolist()]

    def __iter__(self):
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def save(self, folder: Path, name: str) -> None:
        """The two arrays as raw native-order files (memory-mappable)."""
        for part, values in (("starts", self._starts), ("ids", self._ids)):
            with open(folder / f"{name}.{part}.u32", "wb") as fh:
                fh.write(values.tobytes())

    @classmethod
    def load(cls, folder: Path, name: str, keys: str, words: list) -> "DeleteIndex":
        starts, ids = (_map_u32(folder / f"{name}.{part}.u32") for part in ("starts", "ids"))
        key_list = keys.split("\n") if keys else []
        if len(starts) != len(key_list) + 1:
            raise ValueError("delete index arrays do not match their keys")
        return cls(dict(zip(key_list, range(len(key_list)))), starts, ids, words)


def _map_u32(path: Path) -> memoryview:
    """A read-only file of unsigned 32-bit integers, memory-mapped (no copy)."""
    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if len(mapped) % 4:
        raise ValueError(f"{path}: not a whole number of 32-bit integers")
    return memoryview(mapped).cast("I")


# SymSpell's state besides the delete index; restored onto a fresh object.
_SYMSPELL_STATE = ("_words", "_below_threshold_words", "_bigrams", "_replaced_words",
                   "_max_dictionary_edit_distance", "_prefix_length", "_count_threshold",
                   "_max_length", "bigram_count_min")


def _symspell_name() -> str:
    # the arrays are in this machine's byte order: a cache copied elsewhere is rebuilt
    return f"symspell-{_pkg_version('symspellpy')}-d{MAX_EDIT_DISTANCE}-p{PREFIX_LENGTH}-{sys.byteorder}"


def _save_symspell(sym: SymSpell, folder: Path, name: str) -> None:
    words = list(sym._words)
    index = DeleteIndex.build(sym._deletes, words)
    folder.mkdir(parents=True, exist_ok=True)
    index.save(folder, name)
    state = {k: getattr(sym, k) for k in _SYMSPELL_STATE}
    state["keys"] = "\n".join(index)  # no delete holds a line feed: words are single tokens
    # the pickle is written last and is what marks the cache complete
    publish_pickle(folder / f"{name}.pickle", state)


def publish_pickle(path: Path, value) -> None:
    """Pickle `value` to `path`: written aside then renamed, so a concurrent
    reader never sees half a file, and readable by every user like a file
    `open` makes (mkstemp's are owner-only: a cache built by root at image
    build time would be unreadable by the service's own user)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o666 & ~_umask())
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _umask() -> int:
    """The process's umask (reading it means setting it; set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class SymSpellInternalsChanged(RuntimeError):
    """The installed symspellpy no longer has the attributes its cache restores."""


def check_symspell_internals(sym: SymSpell) -> None:
    """Fail fast, and say why, when symspellpy's private state is not what the cache
    sets: restoring into renamed attributes would leave lookups silently empty.

    >>> check_symspell_internals(SymSpell())
    """
    missing = [k for k in _SYMSPELL_STATE + ("_deletes",) if not hasattr(sym, k)]
    if missing:
        raise SymSpellInternalsChanged(
            f"symspellpy {_pkg_version('symspellpy')} has no {', '.join(missing)}: the dictionary cache "
            "(service/resources.py) restores these private attributes; pin the version in "
            "requirements.txt or update _SYMSPELL_STATE")


def _restore_symspell(folder: Path, name: str) -> SymSpell:
    with open(folder / f"{name}.pickle", "rb") as fh, gc_paused():
        state = pickle.load(fh)
        sym = SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)
        check_symspell_internals(sym)
        for key in _SYMSPELL_STATE:
            setattr(sym, key, state[key])
        sym._deletes = DeleteIndex.load(folder, name, state["keys"], list(state["_words"]))
    return sym


def _load_symspell() -> SymSpell:
    """The SymSpell index from the disk cache, built (seconds) when missing."""
    folder, name = cache_dir(), _symspell_name()
    if (folder / f"{name}.pickle").exists():
        try:
            return _restore_symspell(folder, name)
        except SymSpellInternalsChanged:
            raise  # not the cache's fault: rebuilding it would not help
        except Exception as exc:  # a stale or truncated cache is rebuilt, not fatal
            log.warning("ignoring unreadable cache %s: %s", folder / name, exc)
    sym = _build()
    try:
        _save_symspell(sym, folder, name)
    except OSError as exc:
        log.warning("could not write cache %s: %s", folder / name, exc)
    return sym


@lru_cache(maxsize=1)
def _dictionaries() -> Dictionaries:
    sym = _load_symspell()
    # SymSpell's own dicts, shared rather than copied: nothing writes to them after loading
    return Dictionaries(sym, sym.words, sym.bigrams, sum(sym.words.values()))


def dictionaries() -> Dictionaries:
    """The shared dictionaries (loaded on first call, thread-safe)."""
    with _lock:
        return _dictionaries()
