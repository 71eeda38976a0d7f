"""Does a batch's cross-document evidence help? WCXB pages of one site, alone and together.

usage: python -m bench.batch_sites [--bench ../shared/bench] [--min-pages 3] [--half all|tune|heldout]

Groups the WCXB development pages by domain (only domains with at least
--min-pages pages) and cleans each group's scraped text twice, in process
(no server): every page on its own through /v1/clean, and all of them in one
/v1/batch with `site` set to the domain, so that lines on most of the
site's pages count as boilerplate (chrome.recurring_line). Prints WCXB's
metrics for both (word P/R/F1, must-keep snippets found, boilerplate snippets
left, pages emptied), and the same for the clean main content sent as a
batch (words kept, edits of the rule per 1000 words): the rule must not take
article text. Scoring and the page halves are the benchmark's own (wcxb.py,
imported from --bench at run time); nothing of the data is copied here.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
from collections import defaultdict

RULE = "chrome.recurring_line"


def load_wcxb(bench: str):
    """The benchmark's wcxb.py as a module (its scoring, pages and halves)."""
    spec = importlib.util.spec_from_file_location("wcxb", os.path.join(bench, "wcxb.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_groups(pages: list, min_pages: int) -> dict:
    groups = defaultdict(list)
    for page in pages:
        groups[(page.get("domain") or "").removeprefix("www.")].append(page)
    return {site: group for site, group in groups.items() if site and len(group) >= min_pages}


def clean_alone(client, text: str) -> dict:
    return client.post("/v1/clean", json={"text": text, "diff": "none"}).get_json()


def clean_together(client, site: str, texts: list) -> list:
    documents = [{"id": i, "text": t, "site": site} for i, t in enumerate(texts)]
    r = client.post("/v1/batch", json={"documents": documents, "options": {"diff": "none"}})
    return r.get_json()["results"]


def rule_words(entry: dict) -> int:
    return sum(len(e["original"].split()) for e in entry.get("edits", []) if RULE in e["rule"].split("+"))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
    ap.add_argument("--min-pages", type=int, default=3)
    ap.add_argument("--half", choices=("all", "tune", "heldout"), default="all")
    args = ap.parse_args(argv)
    wcxb = load_wcxb(args.bench)
    pages = [p for p in wcxb.load_pages() if args.half == "all" or wcxb.half_of(p) == args.half]
    groups = site_groups(pages, args.min_pages)

    from service.app import create_app
    client = create_app({"TESTING": True, "MAX_BATCH": 1000}).test_client()
    alone, together = wcxb.Tally(), wcxb.Tally()
    kept = {"words": 0, "kept": 0, "rule_words": 0, "worst": 1.0}
    shown = []
    for site, group in sorted(groups.items()):
        batch = clean_together(client, site, [p["input"] for p in group])
        for page, entry in zip(group, batch):
            alone.add(page, clean_alone(client, page["input"])["text"])
            together.add(page, entry.get("text", ""))
            removed = rule_words(entry)
            if removed:
                shown.append((site, removed))
        bodies = clean_together(client, site, [p["reference"] for p in group])
        for page, entry in zip(group, bodies):
            words = len(page["reference"].split())
            left = len(entry.get("text", "").split())
            kept["words"] += words
            kept["kept"] += min(left, words)
            kept["rule_words"] += rule_words(entry)
            if words:
                kept["worst"] = min(kept["worst"], left / words)
    print(f"{len(groups)} sites with >= {args.min_pages} pages, {sum(map(len, groups.values()))} pages "
          f"(half {args.half})")
    print("scraped text, each page alone:   ", alone.line())
    print("scraped text, one batch per site:", together.line())
    words = max(1, kept["words"])
    print(f"clean main content as a batch per site: kept {kept['kept'] / words:.4f} of words, worst page "
          f"{kept['worst']:.3f}, {RULE} took {1000 * kept['rule_words'] / words:.2f} words per 1000")
    by_site = defaultdict(int)
    for site, removed in shown:
        by_site[site] += removed
    print("words removed by the rule from scraped text, by site:",
          ", ".join(f"{s} {n}" for s, n in sorted(by_site.items(), key=lambda x: -x[1])[:12]))


if __name__ == "__main__":
    main()
