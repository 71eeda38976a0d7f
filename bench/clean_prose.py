"""Edits the whole pipeline makes on clean prose that is not news: a held-out check.

usage: python -m bench.clean_prose (DIR [DIR ...] | --pool NAME) [--show N] [--per-doc 20] [--gz]
                                   [--unlabelled | --audit] [--chrome] [--root DIR]

Reads the documentation under each DIR (html <p> paragraphs without code, plain
md/txt/rst paragraphs: bench/clean_sources.prose_dir_paragraphs), keeps
prose paragraphs (8+ words, no grammar notation), cleans them in documents of
--per-doc paragraphs and prints the edits per 5000 words, by rule, and apart from
them the suggestions (what an editor is shown but nothing applies). Every edit or
suggestion on edited documentation is a false alarm or a real error in it: --show
lists them with their context, to read. Never point it at the development benchmark.

--pool NAME reads one of POOLS, the folders each session read (tune) or only counted
(heldout): tune pools are read edit by edit, held-out pools give a figure, never read.
A tune pool's edits are matched with their labels in LABELS (bench/data/clean_prose_labels.tsv:
pool, document, rule, original, replacement, context, label correct|false|unsure, why): it
prints, beside the raw count, the false edits per 1000 words and the edits no one has read
yet (unlabelled: a change's new edits). --unlabelled prints those as LABELS rows, label "?",
to read and fill in. A held-out pool's edits are never read to tune: --show and --unlabelled
are refused there. They are matched with a separate file, HELDOUT_LABELS
(bench/data/clean_prose_heldout_labels.tsv, the same columns), written once by an auditor who
changes no code in that session; a held-out pool prints beside its raw count
`audited: F false = x per 1000 words, C correct, U unsure, N unaudited`, and --audit (refused
on tune pools) prints the unaudited edits as rows, label "?", for the auditor to fill in.
Nobody reads HELDOUT_LABELS to tune: reading it makes the pool a tune pool.
--chrome (counts only, any pool) also sends each document to the chrome step as a scraper
would, alone and between bench.outside_prose's chrome lines, and counts the paragraphs removed
each way (target: none that only the chrome around them made it take) and the chrome removed.
Pools 3 and 5 need Debian's documentation packages (apt-get install cfi-en debian-handbook
doc-debian debian-faq debian-reference-en developers-reference debian-edu-doc-en
aptitude-doc-en; tune5's packages are named in POOLS); a missing folder is named and
skipped. Pool heldout4 needs png-definitive-guide speakup-doc solfege-doc putty-doc
supervisor-doc nut-doc (apt-get install --no-install-recommends; Debian 12's versions). Pool
tune4 reads the READMEs of the Python packages installed with the project's pinned
requirements: a package upgraded changes its edits (new ones show as unlabelled).
`make prose-pools` (as root) installs every pool's packages. --root DIR reads a pool's folders
under DIR, where its packages were unpacked (`apt-get download P; dpkg -x P.deb DIR`) instead of
installed (bench.heldout_pairs leaves out every pool's folders either way).

Example (the Rust documentation installed with rustup):
    python -m bench.clean_prose ~/.rustup/toolchains/*/share/doc/rust/html/book
"""
from __future__ import annotations

import argparse
import collections
import csv
import os
from pathlib import Path


import sysconfig

import service
from bench.clean_sources import prose_dir_paragraphs

_DOC = "/usr/share/doc/"
# name -> (gzipped and README-style files read too, folders)
POOLS = {
    "tune1": (False, tuple(_DOC + d for d in ("nodejs", "valgrind", "python3-pip"))),
    "tune2": (True, tuple(_DOC + d for d in ("nettle-dev", "linux-perf", "python3.11", "gcc-12-base",
                                             "manpages", "util-linux", "fontconfig"))),
    # a book on hacker culture and copyright (non-technical), the Debian Administrator's
    # Handbook, Debian's FAQ and its social contract, constitution and bug-tracker guides
    "tune3": (True, (_DOC + "cfi-en", _DOC + "debian-handbook/html/en-US", _DOC + "debian")),
    # the READMEs (.dist-info/METADATA, and the licence files beside them) of the pinned Python
    # packages (requirements*.txt): software prose full of commands, functions and types
    "tune4": (False, tuple(sorted(str(p) for p in Path(sysconfig.get_paths()["purelib"]).glob("*.dist-info")))),
    # unfitted when added (session 34, vocab41): Debian documentation packages named a-m in no other
    # pool (apt-get install autoconf-doc gnu-standards aspell-doc borgbackup-doc m4-doc haproxy-doc
    # cflow-doc): the Autoconf manual, the GNU coding and maintainer standards, GNU Aspell's manual,
    # BorgBackup's manual (its HTML and its reST sources), GNU M4's manual, HAProxy's, GNU cflow's
    "tune5": (False, tuple(_DOC + d for d in ("autoconf", "gnu-standards", "aspell-doc", "borgbackup/html", "m4",
                                              "haproxy", "cflow"))),
    # unfitted when added (session 35, prose43), prose mostly outside software: GnuCash's tutorial and
    # concepts guide (accounting), LilyPond's learning manual and its essay on engraving (music), the
    # GIMP user manual (image editing). apt-get download gnucash-docs lilypond-doc-html gimp-help-en,
    # then `dpkg -x` each into a folder read with --root (or apt-get install --no-install-recommends)
    "tune6": (False, (_DOC + "gnucash-docs/gnucash-guide-en", _DOC + "lilypond/html/Documentation/learning",
                      _DOC + "lilypond/html/Documentation/essay", "/usr/share/gimp/2.0/help/en")),
    "heldout1": (False, tuple(_DOC + d for d in ("git", "libxslt1-dev", "gdb"))),
    "heldout2": (True, tuple(_DOC + d for d in ("bzip2", "openjdk-17-jre-headless", "libharfbuzz0b", "gnupg",
                                                "e2fsprogs", "libc6", "libglib2.0-0", "dbus", "binutils",
                                                "libgnutls30"))),
    "heldout3": (True, ("/usr/share/debian-reference", "/usr/share/developers-reference",
                        _DOC + "debian-edu-doc-en", _DOC + "aptitude/html/en")),
    # a book on an image format and its history, a screen reader's user guide for blind users,
    # an ear-training program's music lessons; an SSH client's, a process supervisor's and a UPS
    # toolkit's manuals (session 34, audited once by fresh41)
    "heldout4": (True, (_DOC + "png-definitive-guide", _DOC + "speakup-doc", _DOC + "solfege/help/C",
                        _DOC + "putty-doc", _DOC + "supervisor", _DOC + "nut-doc")),
}

LABELS = Path(__file__).with_name("data") / "clean_prose_labels.tsv"
# written once by an auditor who changes no code in that session; never read to tune
HELDOUT_LABELS = Path(__file__).with_name("data") / "clean_prose_heldout_labels.tsv"
LABEL_FIELDS = ("pool", "document", "rule", "original", "replacement", "context", "label", "why")
LABEL_VALUES = ("correct", "false", "unsure")
# characters of the document each side of an edit that identify it in LABELS
CONTEXT_CHARS = 30


def edit_context(doc: str, start: int, end: int) -> str:
    """The edit's words in their document, whitespace collapsed, marked [[like this]]: with
    the pool, the original and the replacement, the key of a label.
    >>> edit_context("one two three", 4, 7)
    'one [[two]] three'
    """
    before = doc[max(0, start - CONTEXT_CHARS):start]
    after = doc[end:end + CONTEXT_CHARS]
    return " ".join(f"{before}[[{doc[start:end]}]]{after}".split())


def rooted(dirs, root: str) -> list:
    """The folders `dirs` under `root` (where a pool's packages were unpacked), or as given.
    >>> rooted(["/usr/share/doc/m4"], "/tmp/unpacked")
    ['/tmp/unpacked/usr/share/doc/m4']
    """
    return [root.rstrip("/") + d if root else d for d in dirs]


def read_labels(path: Path = LABELS) -> dict:
    """LABELS as {(pool, original, replacement, context): row}; a label outside
    LABEL_VALUES is an error (a row half filled in)."""
    out = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["label"] not in LABEL_VALUES:
                raise ValueError(f"{path}: label {row['label']!r} not one of {LABEL_VALUES}: {row}")
            out[(row["pool"], row["original"], row["replacement"], row["context"])] = row
    return out


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split()) if text.strip() else repr(text)


def labels_path(pool: str) -> Path:
    """The labels file of a pool: HELDOUT_LABELS for a held-out pool, LABELS for a tune pool.
    >>> labels_path("heldout2").name
    'clean_prose_heldout_labels.tsv'
    """
    return HELDOUT_LABELS if pool.startswith("heldout") else LABELS


def count_labels(pool: str, found: list, labels: dict) -> collections.Counter:
    """{label: edits} of one pool's edits [(document, rule, original, replacement, context)],
    "unlabelled" for edits LABELS does not hold."""
    counts = collections.Counter()
    for _doc, _rule, original, replacement, context in found:
        row = labels.get((pool, _cell(original), _cell(replacement), context))
        counts[row["label"] if row else "unlabelled"] += 1
    return counts


def summarize_labels(pool: str, found: list, labels: dict, words: int) -> str:
    """One line of a pool's edits by label: `labelled: ...` for a tune pool, `audited: ...`
    for a held-out pool (its unread edits are "unaudited").
    >>> summarize_labels("heldout1", [], {}, 1000)
    'audited: 0 false = 0.000 per 1000 words, 0 correct, 0 unsure, 0 unaudited'
    """
    counts = count_labels(pool, found, labels)
    verb, unread = ("audited", "unaudited") if pool.startswith("heldout") else ("labelled", "unlabelled")
    return (f"{verb}: {counts['false']} false = {1000 * counts['false'] / max(1, words):.3f} per 1000 words, "
            f"{counts['correct']} correct, {counts['unsure']} unsure, {counts['unlabelled']} {unread}")


def unlabelled_rows(pool: str, found: list, labels: dict) -> list:
    """The pool's edits [(document, rule, original, replacement, context)] that labels does not
    hold, as rows of a labels file with label "?" and no why, to fill in."""
    return ["\t".join((pool, str(doc_n), rule, _cell(original), _cell(replacement), context, "?", ""))
            for doc_n, rule, original, replacement, context in found
            if (pool, _cell(original), _cell(replacement), context) not in labels]


def count_chrome_removals(docs: list, seed: int = 13) -> collections.Counter:
    """The chrome step on each document as a scraper sends it (one paragraph a line, blank lines
    between), alone and between bench.outside_prose's language-neutral chrome (a menu of short
    labels on top, link titles and a copyright line below): {"paragraphs", "removed alone",
    "removed with chrome", "only with chrome", "chrome lines", "chrome removed"}. A paragraph is
    removed when the output no longer holds it whole; "only with chrome" counts those the
    chrome around them made the step take.
    >>> c = count_chrome_removals(["The tool reads each file it is given and writes what it found to the log."])
    >>> (c["paragraphs"], c["removed with chrome"], c["chrome lines"] > 6)
    (1, 0, True)
    """
    import random

    from bench.outside_prose import with_chrome

    rng, counts = random.Random(seed), collections.Counter()
    for doc in docs:
        paras = doc.split("\n\n")
        page, lines = with_chrome(doc, rng)
        alone = service.clean(doc + "\n", steps=["chrome"]).text
        framed = service.clean(page, steps=["chrome"]).text
        counts["paragraphs"] += len(paras)
        counts["removed alone"] += sum(p not in alone for p in paras)
        counts["removed with chrome"] += sum(p not in framed for p in paras)
        counts["only with chrome"] += sum(p not in framed and p in alone for p in paras)
        counts["chrome lines"] += len(lines)
        kept = set(framed.splitlines())
        counts["chrome removed"] += sum(line not in kept for line in lines)
    return counts


def main(argv: list | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--pool", choices=sorted(POOLS), help="read a named pool (POOLS) instead of DIRs")
    ap.add_argument("--show", type=int, default=0, help="list up to N edits with their context")
    ap.add_argument("--per-doc", type=int, default=20, help="paragraphs per cleaned document")
    ap.add_argument("--gz", action="store_true",
                    help="read gzipped files and plain README/NEWS-style files too (most of /usr/share/doc)")
    ap.add_argument("--unlabelled", action="store_true",
                    help="print a tune pool's edits LABELS does not hold, as its rows (label '?')")
    ap.add_argument("--audit", action="store_true",
                    help="print a held-out pool's edits HELDOUT_LABELS does not hold, as its rows (label '?'): "
                         "for the auditor, who changes no code in that session")
    ap.add_argument("--chrome", action="store_true",
                    help="also clean each document as a scraped page with the chrome step, alone and with "
                         "chrome around it, and count the paragraphs removed (counts only: any pool)")
    ap.add_argument("--root", default="",
                    help="read the pool's folders under this folder (its packages unpacked with dpkg -x)")
    a = ap.parse_args(argv)
    if a.pool:
        a.gz, a.dirs = POOLS[a.pool]
    elif not a.dirs:
        ap.error("give DIRs or --pool")
    a.dirs = rooted(a.dirs, a.root)
    held_out = bool(a.pool) and a.pool.startswith("heldout")
    if held_out and (a.show or a.unlabelled):
        ap.error("a held-out pool's edits are never read to tune: counts only (--audit is the auditor's)")
    if a.unlabelled and not a.pool:
        ap.error("--unlabelled reads a tune pool's labels: give --pool tuneN")
    if a.audit and not held_out:
        ap.error("--audit is for a held-out pool (--pool heldoutN); a tune pool's edits: --unlabelled")
    paras, seen = [], set()
    for base in a.dirs:
        if not os.path.isdir(base):
            print(f"missing, skipped: {base}")
            continue
        for p in prose_dir_paragraphs(base, gz=a.gz):
            # prose only: grammar notation ("Item → A | B") is not English
            if len(p.split()) >= 8 and "→" not in p and " | " not in p and p not in seen:
                seen.add(p)
                paras.append(p)
    docs = ["\n\n".join(paras[i:i + a.per_doc]) for i in range(0, len(paras), a.per_doc)]
    words = sum(len(d.split()) for d in docs)
    by_rule, suggested, shown, edits = collections.Counter(), collections.Counter(), [], []
    for n, doc in enumerate(docs):
        result = service.clean(doc, diff="none")
        edits += [(n, e.rule, e.original, e.replacement, edit_context(doc, e.start, e.end)) for e in result.edits]
        for kind, counts, found in (("edit", by_rule, result.edits),
                                    ("suggestion", suggested, result.suggestions)):
            for e in found:
                counts[e.rule] += 1
                around = doc[max(0, e.start - 40):e.end + 40].replace("\n", " ")
                shown.append(f"  {kind} {e.rule} {e.confidence}: {e.original!r} -> {e.replacement!r}"
                             f"  in  ...{around}...")
    total = sum(by_rule.values())
    print(f"{len(paras)} paragraphs, {words} words: {total} edits = {5000 * total / max(1, words):.2f} per 5000 words")
    labels = read_labels(labels_path(a.pool)) if a.pool else {}
    if a.pool:
        print(summarize_labels(a.pool, edits, labels, words))
    for rule, n in by_rule.most_common():
        print(f"  {n:5} {rule}")
    print(f"suggestions (not applied): {sum(suggested.values())}")
    for rule, n in suggested.most_common():
        print(f"  {n:5} {rule}")
    for line in shown[:a.show]:
        print(line)
    if a.chrome:
        c = count_chrome_removals(docs)
        print(f"chrome step as scraped: {c['removed alone']} of {c['paragraphs']} paragraphs removed alone, "
              f"{c['removed with chrome']} with chrome around them ({c['only with chrome']} only then); "
              f"{c['chrome removed']} of {c['chrome lines']} chrome lines removed "
              f"({c['chrome removed'] / max(1, c['chrome lines']):.3f})")
    if a.unlabelled or a.audit:
        for row in unlabelled_rows(a.pool, edits, labels):
            print(row)


if __name__ == "__main__":
    main()
