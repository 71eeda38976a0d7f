"""An outside check of the `chrome` step on multilingual prose nobody tuned on.

usage: python -m bench.outside_prose [--per-language N] [--show N] [--langs de,fr,...]

Takes the translated manual pages installed on this machine
(/usr/share/man/LANG/, rendered with groff), keeps their prose paragraphs
(12+ words, ending like a sentence), and builds pages of 3-8 paragraphs as
a scraper would send them (one paragraph a line, blank lines between):

- clean: the paragraphs alone, four ways: language detected, read as
  English (a misdetected page), undetermined ("und"), and detected with a
  heading on top and one English "Related Articles" cue after the second
  paragraph. Every deletion but the cue's is article text lost; the
  target is 0 paragraphs touched.
- chrome: the same paragraphs with language-neutral chrome around them
  (a menu of short labels, a row of "Title – Site" link titles, a
  copyright line). Reports the share of chrome lines removed and, again,
  paragraphs touched.

Runs the library in process with language detection (steps: chrome).
Every deletion on clean prose is printed with its rule (--show).
"""
from __future__ import annotations

import argparse
import gzip
import os
import random
import re
import subprocess
from collections import Counter

import service

MAN = "/usr/share/man"
MENU = ["Start", "Aktuell", "Produkte", "Service", "Kontakt", "Impressum", "Suche", "Blog", "Forum", "Wiki"]
LINKS = ["Nuevas versiones del paquete – Debian Wiki", "Notes de version publiées | Projet Debian",
         "Neue Handbuchseiten verfügbar – Debian Handbuch", "Aggiornamenti di sicurezza rilasciati | Debian Italia"]
COPYRIGHT = "© 2024 Debian Documentation Project"
# An English lead paragraph (a translated page's English summary): the old
# classifier found its article there and read the rest with English stop words.
LEAD = ("This manual page was translated by volunteers of the project, and the original English version "
        "remains the reference when the two disagree about what the program does.")


def with_chrome(body: str, rng: random.Random) -> tuple[str, list[str]]:
    r"""`body` as a scraped page with chrome around it: a menu of MENU's first 6-10 labels on
    top, three of LINKS and COPYRIGHT below; (the page's text, the chrome's lines).

    >>> text, lines = with_chrome("A paragraph of the manual.", random.Random(1))
    >>> lines[-1] == COPYRIGHT, text.startswith(lines[0] + "\n"), "\n\nA paragraph of the manual.\n\n" in text
    (True, True, True)
    """
    menu, links = MENU[:rng.randint(6, 10)], rng.sample(LINKS, 3)
    text = "\n".join(menu) + "\n\n" + body + "\n\n" + "\n".join(links) + "\n" + COPYRIGHT + "\n"
    return text, menu + links + [COPYRIGHT]


def render(path: str) -> str:
    """The man page as plain UTF-8 text (groff, no overstrike)."""
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    out = subprocess.run(["groff", "-man", "-Tutf8", "-P-cbou", "-Kutf8"], input=raw,
                         capture_output=True, timeout=30)
    return out.stdout.decode("utf-8", "replace")


def paragraphs_of(text: str) -> list[str]:
    """Prose paragraphs: hard-wrapped lines joined, 12+ words, a sentence's end."""
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.splitlines()]
        if not lines or any(not line for line in lines):
            continue
        para = " ".join(lines)
        para = re.sub(r"(\w)- (\w)", r"\1\2", para)  # hyphenation at line ends
        if len(para.split()) >= 12 and para[-1:] in ".!?" and not para.startswith(("-", "*")):
            out.append(" ".join(para.split()))
    return out


def collect(langs: list[str], per_language: int, rng: random.Random) -> dict:
    found = {}
    for lang in langs:
        files = []
        for root, _, names in os.walk(os.path.join(MAN, lang)):
            files += [os.path.join(root, n) for n in names]
        rng.shuffle(sorted(files))
        paras = []
        for path in sorted(files)[:60]:
            paras += paragraphs_of(render(path))
            if len(paras) >= per_language:
                break
        if paras:
            found[lang] = paras[:per_language]
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--langs", default="de,fr,es,it,nl,pl,pt,pt_BR,sv,ru,uk,cs,da,ro,hu,tr,ja,zh_CN,ko,sr")
    ap.add_argument("--per-language", type=int, default=60)
    ap.add_argument("--show", type=int, default=50)
    a = ap.parse_args()
    rng = random.Random(13)
    found = collect([x for x in a.langs.split(",") if x], a.per_language, rng)
    shown = 0
    totals = Counter()
    for lang, paras in found.items():
        pages = []
        i = 0
        while i < len(paras):
            n = rng.randint(3, 8)
            pages.append(paras[i:i + n])
            i += n
        for page in pages:
            # as sent; read as English (a misdetected page); undetermined; with one
            # English "related" cue in the middle and a heading on top
            cue = page[:2] + ["Related Articles"] + page[2:]
            for variant, body, language in (("auto", page, "auto"), ("en", page, "en"), ("und", page, "und"),
                                            ("cue", [page[0][:60].rstrip(" ,.;:")] + cue, "auto"),
                                            ("en+", [LEAD] + page, "en"), ("und+", [LEAD] + cue, "und")):
                text = "\n\n".join(body) + "\n"
                res = service.clean(text, steps=["chrome"], language=language)
                totals["pages"] += 1
                totals["paragraphs"] += len(page)
                lost = [p for p in page if p not in res.text]
                totals["paragraphs removed"] += len(lost)
                totals["pages emptied"] += int(len(lost) == len(page))
                for e in res.edits:
                    if e.original.strip() in ("Related Articles",) or e.original.strip() in page[0][:60]:
                        continue  # the cue itself, and the heading line, may go
                    totals["clean edits"] += 1
                    if shown < a.show:
                        print(f"  {lang} {variant} {res.language['code']} {e.rule}: {e.original.strip()[:100]!r}")
                        shown += 1
            text, lines = with_chrome("\n\n".join(page), rng)
            res = service.clean(text, steps=["chrome"])
            totals["chrome lines"] += len(lines)
            totals["chrome removed"] += sum(1 for line in lines if line not in res.text.splitlines())
            totals["paragraphs removed with chrome"] += sum(1 for p in page if p not in res.text)
        print(f"{lang}: {len(paras)} paragraphs, {len(pages)} pages")
    print(f"clean prose: {totals['paragraphs removed']} of {totals['paragraphs']} paragraphs removed "
          f"({totals['clean edits']} edits, {totals['pages emptied']} of {totals['pages']} pages emptied)")
    print(f"with chrome: {totals['chrome removed']} of {totals['chrome lines']} chrome lines removed "
          f"({totals['chrome removed'] / max(1, totals['chrome lines']):.3f}), "
          f"{totals['paragraphs removed with chrome']} paragraphs removed")


if __name__ == "__main__":
    main()
