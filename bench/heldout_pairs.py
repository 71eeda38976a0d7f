"""Recall on confusion pairs held out of every list, in prose never tuned on (issue 14).

usage: python -m bench.heldout_pairs [--per-pair 20] [--show N] [DIR ...]

Pairs (correct word, error), two groups reported apart:
  hand      bench/calibrate_candidates.HELDOUT_PAIRS: common homophones picked before
            any measurement and never used to choose a threshold;
  cmudict   every pair of words of wordfreq zipf >= 4 with the same primary
            pronunciation in the CMU Pronouncing Dictionary (the pinned `cmudict`),
            spelling variants and inflections excluded (candidates.homophone_pairs).
A pair that rules/context.yaml lists (a confusion set or a `similar` partner) is left
out, so what is measured is recall on errors nobody curated; the open-ended
`candidates` generator may still propose them, which is what the figure measures.

Sentences: prose paragraphs of the documentation folders of SOURCES (npm's documentation and
Debian packages `make prose-pools` installs, named so that the set does not depend on what else a
machine has installed), or of the DIRs given, leaving out the sources other checks were read on
(bench/clean_prose.py's nodejs, valgrind, pip, git, libxslt, gdb; every folder of its pools), also
where another package's folder links to their files. Each error is one sentence holding the
correct word, with that word swapped for the error; the whole pipeline (service.clean) cleans
it in process. Per error: repaired (an edit back to the correct word), suggested (a
suggestion of it), wrong (another change at the word), missed. False edits: edits of the
same sentences unswapped, per 1000 words. Never point it at the development benchmark.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import os
import re

import service
from bench.calibrate_candidates import HELDOUT_PAIRS
from bench.clean_prose import POOLS
from bench.clean_sources import prose_dir_paragraphs
from service.lexicon import frequent_words
from service.pipeline import Resources
from service.resources import dictionaries
from service.rules import load_rules

DOC_ROOT = "/usr/share/doc"
# npm's own documentation (markdown and html), read by no other check.
NPM_DOCS = ("/usr/lib/node_modules/npm/docs", "/usr/lib/node_modules/npm/node_modules/undici/docs")
# The Debian documentation folders read (each held ten or more sentences on the machine they were
# chosen on, 2026-12-07); the Makefile's PAIRS_PACKAGES installs them. Named, not every folder of
# DOC_ROOT, so that a figure does not move with what else a machine has installed.
DOC_SOURCES = ("dpkg", "libexpat1-dev", "time", "bc", "ninja-build", "python3", "xtrans-dev",
               "libjs-underscore", "libffi8", "python3-setuptools", "libjs-bootstrap", "openssl", "systemd",
               "procps", "libpango-1.0-0", "python3-httplib2", "libxml2", "libgtk-3-common")
# Sources other benches were read on (bench/clean_prose.py, README), and every folder of every
# clean_prose pool: a pool's packages installed or removed for that check change no figure here,
# and no prose a pool measures is read twice.
READ_BEFORE = frozenset({"nodejs", "valgrind", "python3-pip", "python3-pip-whl", "git", "git-man",
                         "libxslt1-dev", "gdb", "cfi-en", "debian-handbook", "debian"}
                        | {path[len(DOC_ROOT) + 1:].split("/")[0] for _, paths in POOLS.values()
                           for path in paths if path.startswith(DOC_ROOT + "/")})
CMU_MIN_ZIPF = 4.0
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def listed_pairs(rules) -> set:
    """(word, partner) of every curated partner in the compiled context rules (not `candidates`)."""
    return {(w, p.word) for w, ps in rules.partners.items() for p in ps if not p.two_sided}


def cmudict_pairs() -> list:
    """(correct, error) for every homophone pair of frequent words, both directions."""
    from service.steps.context.candidates import homophone_pairs, pronunciations

    vocabulary = frequent_words(CMU_MIN_ZIPF, min_length=3, size=60000)
    found = homophone_pairs(vocabulary, pronunciations())
    return sorted((w, c) for w, cs in found.items() for c in cs)


def read_before_paths() -> tuple:
    """The real paths of READ_BEFORE's folders, each with its closing slash."""
    return tuple(os.path.realpath(os.path.join(DOC_ROOT, d)) + "/" for d in sorted(READ_BEFORE))


def prose_sentences(dirs: list) -> list:
    """Sentences of 8-40 words, mostly alphabetic, from the prose paragraphs under `dirs`, never
    from a file that is one of READ_BEFORE's under another name."""
    out, seen = [], set()
    exclude = read_before_paths()
    for base in dirs:
        for para in prose_dir_paragraphs(base, exclude=exclude):
            if "→" in para or " | " in para:
                continue
            for s in _SENTENCE.split(" ".join(para.split())):
                words = s.split()
                if 8 <= len(words) <= 40 and s.endswith(".") and s not in seen \
                        and sum(w.isalpha() for w in words) >= 0.8 * len(words):
                    seen.add(s)
                    out.append(s)
    return out


def default_dirs() -> list:
    """The folders of DOC_SOURCES but those of READ_BEFORE, and NPM_DOCS: those present."""
    found = [os.path.join(DOC_ROOT, d) for d in DOC_SOURCES if d not in READ_BEFORE]
    return sorted(p for p in [*found, *NPM_DOCS] if os.path.isdir(p))


def missing_dirs() -> list:
    """The folders of DOC_SOURCES and NPM_DOCS this machine lacks (`make prose-pools` installs them)."""
    return [p for p in [*(os.path.join(DOC_ROOT, d) for d in DOC_SOURCES), *NPM_DOCS] if not os.path.isdir(p)]


def swap_at(sentence: str, good: str, bad: str) -> list:
    """[(the sentence with its first lower-case `good` replaced by `bad`, its start)], or [].

    >>> swap_at("We sat an hour in the hall.", "hour", "our")
    [('We sat an our in the hall.', 10)]
    """
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(good)}(?![\w'’-])")
    m = pattern.search(sentence)
    if m is None:
        return []
    return [(sentence[:m.start()] + bad + sentence[m.end():], m.start())]


def _order(s: str) -> str:
    """A stable order of sentences that is not the order of the manuals."""
    return hashlib.sha256(s.encode()).hexdigest()


def measure(pairs: list, sentences: list, res, per_pair: int, show: list) -> collections.Counter:
    """Counts of repaired / suggested / wrong / missed over the swapped sentences."""
    tally = collections.Counter()
    by_word = collections.defaultdict(list)
    ordered = sorted(sentences, key=_order)
    wanted = {good for good, _ in pairs}
    for s in ordered:
        for w in set(re.findall(r"[a-z]+", s)) & wanted:
            by_word[w].append(s)
    for good, bad in pairs:
        for sent in by_word.get(good, [])[:per_pair]:
            for swapped, start in swap_at(sent, good, bad):
                end = start + len(bad)
                result = service.clean(swapped, resources=res, language="en")
                at = [e for e in result.edits if e.start < end and e.end > start]
                sug = [e for e in result.suggestions if e.start < end and e.end > start]
                tally["errors"] += 1
                if any(e.replacement.lower() == good for e in at):
                    tally["repaired"] += 1
                elif at:
                    tally["wrong"] += 1
                elif any(e.replacement.lower() == good for e in sug):
                    tally["suggested"] += 1
                else:
                    tally["missed"] += 1
                    continue
                show.append(f"  {bad}->{good} {'edit' if at else 'suggestion'}: {swapped[max(0, start - 50):end + 50]}")
    return tally


def false_edits(sentences: list, res) -> tuple:
    """(edits, words, lines) of the whole pipeline on the clean sentences, 40 to a document."""
    edits, words, lines = 0, 0, []
    for i in range(0, len(sentences), 40):
        doc = " ".join(sentences[i:i + 40])
        words += len(doc.split())
        for e in service.clean(doc, resources=res, language="en").edits:
            edits += 1
            lines.append(f"  {e.rule}: {e.original!r} -> {e.replacement!r} in ...{doc[max(0, e.start - 40):e.end + 40]}...")
    return edits, words, lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--per-pair", type=int, default=20, help="sentences per (correct, error) pair")
    ap.add_argument("--show", type=int, default=0, help="list up to N caught errors and false edits")
    a = ap.parse_args()
    res = Resources(rules=load_rules(), dictionaries=dictionaries())
    listed = listed_pairs(res.rules.compiled("context"))
    groups = {"hand": [(g, b) for g, b in HELDOUT_PAIRS if (b, g) not in listed],
              "cmudict": [(g, b) for g, b in cmudict_pairs() if (b, g) not in listed]}
    if not a.dirs and missing_dirs():
        print(f"missing (figures not comparable; `make prose-pools` installs them): {' '.join(missing_dirs())}")
    sentences = prose_sentences(a.dirs or default_dirs())
    print(f"{len(sentences)} sentences")
    used = set()
    for name, pairs in groups.items():
        show: list = []
        t = measure(pairs, sentences, res, a.per_pair, show)
        n = max(1, t["errors"])
        print(f"{name}: {len(pairs)} pairs, {t['errors']} errors: repaired {t['repaired']} ({t['repaired'] / n:.2f}),"
              f" suggested {t['suggested']} ({t['suggested'] / n:.2f}), wrong {t['wrong']}, missed {t['missed']};"
              f" repaired or suggested {(t['repaired'] + t['suggested']) / n:.2f}")
        for line in show[:a.show]:
            print(line)
        used.update(p[0] for p in pairs)
    clean = [s for s in sorted(sentences, key=_order) if used & set(re.findall(r"[a-z]+", s))][:4000]
    edits, words, lines = false_edits(clean, res)
    print(f"false edits on the {len(clean)} clean sentences that hold a pair's word: {edits} in {words} words"
          f" ({1000 * edits / max(1, words):.3f} per 1000)")
    for line in lines[:a.show]:
        print(line)


if __name__ == "__main__":
    main()
