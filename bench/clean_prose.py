"""Edits the whole pipeline makes on clean prose that is not news: a held-out check.

usage: python -m bench.clean_prose (DIR [DIR ...] | --pool NAME) [--show N] [--per-doc 20] [--gz]

Reads the documentation under each DIR (html <p> paragraphs without code, plain
md/txt/rst paragraphs: bench/clean_sources.prose_dir_paragraphs), keeps
prose paragraphs (8+ words, no grammar notation), cleans them in documents of
--per-doc paragraphs and prints the edits per 5000 words, by rule, and apart from
them the suggestions (what an editor is shown but nothing applies). Every edit or
suggestion on edited documentation is a false alarm or a real error in it: --show
lists them with their context, to read. Never point it at the development benchmark.

--pool NAME reads one of POOLS, the folders each session read (tune) or only counted
(heldout): tune pools are read edit by edit, held-out pools give a figure, never read.
Pools 3 need Debian's documentation packages (apt-get install cfi-en debian-handbook
doc-debian debian-faq debian-reference-en developers-reference debian-edu-doc-en
aptitude-doc-en); a missing folder is named and skipped.

Example (the Rust documentation installed with rustup):
    python -m bench.clean_prose ~/.rustup/toolchains/*/share/doc/rust/html/book
"""
from __future__ import annotations

import argparse
import collections
import os


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
    "heldout1": (False, tuple(_DOC + d for d in ("git", "libxslt1-dev", "gdb"))),
    "heldout2": (True, tuple(_DOC + d for d in ("bzip2", "openjdk-17-jre-headless", "libharfbuzz0b", "gnupg",
                                                "e2fsprogs", "libc6", "libglib2.0-0", "dbus", "binutils",
                                                "libgnutls30"))),
    "heldout3": (True, ("/usr/share/debian-reference", "/usr/share/developers-reference",
                        _DOC + "debian-edu-doc-en", _DOC + "aptitude/html/en")),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--pool", choices=sorted(POOLS), help="read a named pool (POOLS) instead of DIRs")
    ap.add_argument("--show", type=int, default=0, help="list up to N edits with their context")
    ap.add_argument("--per-doc", type=int, default=20, help="paragraphs per cleaned document")
    ap.add_argument("--gz", action="store_true",
                    help="read gzipped files and plain README/NEWS-style files too (most of /usr/share/doc)")
    a = ap.parse_args()
    if a.pool:
        a.gz, a.dirs = POOLS[a.pool]
    elif not a.dirs:
        ap.error("give DIRs or --pool")
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
    by_rule, suggested, shown = collections.Counter(), collections.Counter(), []
    for doc in docs:
        result = service.clean(doc, diff="none")
        for kind, counts, found in (("edit", by_rule, result.edits),
                                    ("suggestion", suggested, result.suggestions)):
            for e in found:
                counts[e.rule] += 1
                around = doc[max(0, e.start - 40):e.end + 40].replace("\n", " ")
                shown.append(f"  {kind} {e.rule} {e.confidence}: {e.original!r} -> {e.replacement!r}"
                             f"  in  ...{around}...")
    total = sum(by_rule.values())
    print(f"{len(paras)} paragraphs, {words} words: {total} edits = {5000 * total / max(1, words):.2f} per 5000 words")
    for rule, n in by_rule.most_common():
        print(f"  {n:5} {rule}")
    print(f"suggestions (not applied): {sum(suggested.values())}")
    for rule, n in suggested.most_common():
        print(f"  {n:5} {rule}")
    for line in shown[:a.show]:
        print(line)


if __name__ == "__main__":
    main()
