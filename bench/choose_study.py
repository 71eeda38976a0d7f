"""Could a learned chooser pick `extract_html`'s candidate better than its rules? An offline study (issue 13).

usage: python -m bench.choose_study capture OUT.pkl [--bench ../shared/bench] [--type T] [-j 2]
       python -m bench.choose_study fit OUT.pkl [--bench ../shared/bench]
       python -m bench.choose_study emptied OUT.pkl [--bench ../shared/bench]

`capture` runs `extract_html` in process on WCXB's tune half only (never the
heldout half) and keeps, per page, the rule chain's final text and every
candidate the vote saw (trafilatura's precise and recall passes, its baseline,
the visible text, the article's container, the prose region), each cleaned
by `service.clean` and scored with WCXB's own `word_prf`. `fit` describes
each candidate by features that name no word (length against the visible
text, link lines, sentence-shaped lines, what it shares with the precise and
recall passes and with the rules' text, the <h1>'s position, the title's
words it holds, the lines it adds to or drops from the rules' text) and
reports, by 5-fold cross-validation grouped by site inside the tune half:
a pairwise logistic ranker (weights per feature, one score per candidate),
one logistic "switch to X" model per candidate, and the best rule of two
thresholds. The honest figure is the cross-validated one; the oracle (best
candidate per page) is the ceiling. Nothing here runs in the service.
Session 33 (html39): none beats the rules out of fold (bench/NOTES.md).
`emptied` lists, from a capture, the pages emptied (every "with" snippet
lost) or scoring near 0, with each candidate's words, F1 and snippets found
before and after the steps: whether extraction chose another part of the
page or the steps removed what it kept (session 34, empty41).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import math
import os
import pickle
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CANDIDATES = ("precise", "recall", "baseline", "visible", "container", "region")
MIN_WORDS = 5  # a candidate with fewer words is never chosen (extract.guard_empty's near-empty)
MIN_SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u0964][\"'\u201d\u2019)]?\s*$")


def capture_page(args):
    """(page id, record) for one tune page: the final text, the vote's candidates, each cleaned and scored."""
    page, data = args
    import service
    import service.html.extract as ex
    import wcxb  # type: ignore
    from service.html.described import read_head
    from service.html.text import read_page
    seen = {}
    vote = ex.choose_by_agreement

    def spy(candidates):
        seen.update(candidates)
        return vote(candidates)
    ex.choose_by_agreement = spy
    with gzip.open(os.path.join(data, "html", page["id"] + ".html.gz")) as fh:
        html = fh.read().decode("utf-8", "replace")
    try:
        final, meta = ex.extract_html(html)
    finally:
        ex.choose_by_agreement = vote
    _, heading, links = read_page(ex.space_inline_joins(ex.bound_page(html[:ex.MAX_HTML_CHARS])[0]))
    texts = {"final": final, **{k: seen.get(k, "") for k in CANDIDATES}}
    outs = {k: service.clean(v).text if v.strip() else "" for k, v in texts.items()}
    return page["id"], dict(type=page["page_type"], domain=page.get("domain") or page["id"], texts=texts,
                            heading=heading, links=links, title=meta.get("title", ""), dated=read_head(html)[1],
                            source=meta.get("extraction", {}).get("source", ""),
                            f={k: wcxb.word_prf(v, page["reference"])[2] for k, v in outs.items()},
                            kept={k: wcxb.found(v, page["with"]) for k, v in outs.items()},
                            had=wcxb.found(page["input"], page["with"]))


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def shape_of(lines, links) -> tuple:
    """(words, share in link-only lines, share in sentence-shaped lines, share of lines of <= 3 words)."""
    from service.html.text import word_key
    counts = [word_count(line) for line in lines]
    words = sum(counts)
    if not words:
        return 0, 0.0, 0.0, 0.0
    linked = sum(n for line, n in zip(lines, counts) if word_key(line) in links)
    prose = sum(n for line, n in zip(lines, counts) if n >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line))
    return words, linked / words, prose / words, sum(n <= 3 for n in counts) / len(counts)


def features_of(name: str, rec: dict) -> dict:
    """The features of candidate `name` of a captured page (no vocabulary)."""
    from service.html.named import named_share, title_parts
    from service.html.text import word_bag, word_key
    texts, links, heading = rec["texts"], rec["links"], rec["heading"]
    bags = {k: word_bag(texts[k]) for k in ("final", "visible", "precise", "recall", name)}
    size = {k: sum(b.values()) for k, b in bags.items()}

    def inside(a, b):  # share of a's words in b
        return sum((bags[a] & bags[b]).values()) / size[a] if size[a] else 0.0
    lines = [line for line in texts[name].splitlines() if word_count(line)]
    final_lines = [line for line in texts["final"].splitlines() if word_count(line)]
    keys, final_keys = {word_key(x) for x in lines}, {word_key(x) for x in final_lines}
    words, link, prose, short = shape_of(lines, links)
    added = shape_of([x for x in lines if word_key(x) not in final_keys], links)
    dropped = shape_of([x for x in final_lines if word_key(x) not in keys], links)
    key, flat = word_key(heading), word_key(texts[name])
    at = len(flat[:flat.index(key)].split()) / max(1, len(flat.split())) if key and key in flat else 1.0
    names = [n for n in (heading, *title_parts(rec["title"])) if word_count(n)]
    row = {"log_words": math.log1p(words), "visible_share": min(1.5, words / size["visible"]) if size["visible"] else 0.0,
           "link_share": link, "prose_share": prose, "short_lines": short,
           "in_precise": inside(name, "precise"), "holds_precise": inside("precise", name),
           "in_recall": inside(name, "recall"), "holds_recall": inside("recall", name),
           "in_final": inside(name, "final"), "holds_final": inside("final", name),
           "heading_at": at, "holds_heading": float(at < 1.0),
           "names_title": named_share(texts[name], *names) if names and words else 0.0,
           "added_share": added[0] / max(1, size["final"]), "added_links": added[1], "added_prose": added[2],
           "dropped_share": dropped[0] / max(1, size["final"]), "dropped_prose": dropped[2],
           "dated_final": float(rec["dated"] and name == "final")}
    row.update({"is_" + k: float(name == k) for k in ("final", *CANDIDATES)})
    return row


def rows_of(captured: dict) -> list:
    """Per page: type, site, whether it had "with" snippets, and [(name, features, F1, snippets kept)], final first."""
    pages = []
    for pid, rec in sorted(captured.items()):
        names = ["final"] + [k for k in CANDIDATES if word_count(rec["texts"][k]) >= MIN_WORDS]
        items = [(k, features_of(k, rec), rec["f"][k], rec["kept"][k]) for k in names]
        pages.append(dict(id=pid, type=rec["type"], domain=rec["domain"], had=rec["had"], items=items))
    return pages


def fold_of(page: dict, folds: int = 5) -> int:
    """The page's fold: by a hash of its site, so no site is in both a training and a test fold."""
    return hashlib.sha256(page["domain"].removeprefix("www.").encode()).digest()[1] % folds


def fit_logistic(X, y, w, l2, np):
    """Weighted L2 logistic regression by Newton's method: (mean, scale, weights with the intercept last)."""
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    Z = np.c_[(X - mean) / scale, np.ones(len(X))]
    beta, ridge = np.zeros(Z.shape[1]), l2 * np.r_[np.ones(Z.shape[1] - 1), 1e-6]
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ beta))
        step = np.linalg.solve((Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(ridge),
                               Z.T @ (w * (p - y)) + ridge * beta)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, beta


def pairwise_chooser(train, keys, l2, np):
    """A linear score per candidate from pairs (final, other) ordered by F1; the argmax is chosen."""
    X, y, w = [], [], []
    for page in train:
        final = page["items"][0]
        for item in page["items"][1:]:
            gap = item[2] - final[2]
            if abs(gap) > 0.02:
                diff = [item[1][k] - final[1][k] for k in keys]
                X += [diff, [-v for v in diff]]
                y += [float(gap > 0), float(gap < 0)]
                w += [abs(gap)] * 2
    X, y, w = np.array(X), np.array(y), np.array(w)
    scale = X.std(0)
    scale[scale == 0] = 1.0
    _, _, beta = fit_logistic(np.r_[X, -X] / scale, np.r_[y, 1 - y], np.r_[w, w], l2, np)  # symmetric: mean 0
    weights = beta[:-1] / scale

    def choose(page, margin):
        scores = [sum(wk * item[1][k] for wk, k in zip(weights, keys)) for item in page["items"]]
        scores[0] += margin
        return max(range(len(scores)), key=scores.__getitem__)
    return choose


def switch_chooser(train, keys, l2, np):
    """One logistic model per candidate: the chance it beats the final text; the likeliest above a threshold."""
    models = {}
    for name in CANDIDATES:
        X, y, w = [], [], []
        for page in train:
            final = page["items"][0]
            for item in page["items"][1:]:
                if item[0] == name:
                    X.append([item[1][k] for k in keys] + [final[1][k] for k in keys])
                    y.append(float(item[2] > final[2]))
                    w.append(abs(item[2] - final[2]) + 0.01)
        models[name] = fit_logistic(np.array(X), np.array(y), np.array(w), l2, np)

    def choose(page, threshold):
        final, best, top = page["items"][0], 0, threshold
        for i, item in enumerate(page["items"][1:], 1):
            mean, scale, beta = models[item[0]]
            x = (np.array([item[1][k] for k in keys] + [final[1][k] for k in keys]) - mean) / scale
            p = 1 / (1 + math.exp(-(x @ beta[:-1] + beta[-1])))
            if p > top:
                best, top = i, p
        return best
    return choose


def summary(pages, picks) -> str:
    """Mean F1 change against the rules per page type, changed pages and emptied pages added."""
    agg, changed = defaultdict(lambda: [0, 0.0, 0]), 0
    for page, k in zip(pages, picks):
        item, final = page["items"][k], page["items"][0]
        emptied = int(page["had"] > 0 and item[3] == 0) - int(page["had"] > 0 and final[3] == 0)
        changed += k != 0
        for t in ("all", page["type"]):
            agg[t][0] += 1
            agg[t][1] += item[2] - final[2]
            agg[t][2] += emptied
    return f"changed {changed:3d}  " + "  ".join(f"{t[:5]} {a[1] / a[0]:+.4f} e{a[2]:+d}" for t, a in sorted(agg.items()))


# A page scoring under this F1 against a non-empty reference is listed by `emptied` beside the emptied ones.
NEAR_ZERO_F1 = 0.15


def snippets_where(rec: dict, snippets: list, found) -> dict:
    """Per text of a capture record: (words, F1 after the steps, snippets found before them, after them).

    `found(text, snippets)` is WCXB's own count; "before" reads the extracted
    text as it is, "after" is the capture's count on the cleaned text, so a
    snippet found before and lost after was removed by a step, and a page
    whose final text finds none before chose another part of the page.
    """
    return {name: (word_count(text), rec["f"][name], found(text, snippets), rec["kept"][name])
            for name, text in rec["texts"].items()}


def list_emptied(path: str) -> None:
    import wcxb  # type: ignore
    captured = pickle.load(open(path, "rb"))
    pages = {p["id"]: p for p in wcxb.load_pages() if p["id"] in captured}
    listed = [k for k, r in captured.items() if (r["had"] > 0 and r["kept"]["final"] == 0)
              or (r["f"]["final"] < NEAR_ZERO_F1 and word_count(pages[k]["reference"]))]
    for k in sorted(listed, key=lambda k: captured[k]["f"]["final"]):
        rec = captured[k]
        print(f"{k} {rec['type']} source={rec['source'] or '-'} reference={word_count(pages[k]['reference'])} words "
              f"with={len(pages[k]['with'])} in input={rec['had']}")
        for name, (words, f1, before, after) in snippets_where(rec, pages[k]["with"], wcxb.found).items():
            print(f"    {name:10s} {words:6d} words  F1 {f1:.3f}  snippets {before} -> {after}")


def fit(path: str) -> None:
    import numpy as np
    pages = rows_of(pickle.load(open(path, "rb")))
    keys = [k for k in pages[0]["items"][0][1] if k != "is_final"]
    base = defaultdict(list)
    for page in pages:
        for t in ("all", page["type"]):
            base[t].append(page["items"][0][2])
    print("rules' F1: " + "  ".join(f"{t[:5]} {sum(v) / len(v):.4f}" for t, v in sorted(base.items())))
    best = [max(range(len(p["items"])), key=lambda i: p["items"][i][2]) for p in pages]
    print(f"oracle         {summary(pages, best)}")
    folds = [fold_of(p) for p in pages]
    for label, make, settings in (("pairwise", pairwise_chooser, (0.0, 0.5, 1.0)),
                                  ("switch", switch_chooser, (0.6, 0.7, 0.8))):
        for l2 in (1.0, 10.0):
            picks = {s: [0] * len(pages) for s in settings}
            for f in range(5):
                choose = make([p for p, g in zip(pages, folds) if g != f], keys, l2, np)
                for i, page in enumerate(pages):
                    if folds[i] == f:
                        for s in settings:
                            picks[s][i] = choose(page, s)
            for s in settings:
                print(f"{label} l2={l2} {s}  {summary(pages, picks[s])}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["capture", "fit", "emptied"])
    ap.add_argument("path")
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--type")
    ap.add_argument("-j", type=int, default=2)
    a = ap.parse_args()
    if a.mode == "fit":
        return fit(a.path)
    sys.path.insert(0, a.bench)
    if a.mode == "emptied":
        return list_emptied(a.path)
    import wcxb  # type: ignore
    from multiprocessing import Pool
    pages = [p for p in wcxb.load_pages() if wcxb.half_of(p) == "tune" and (not a.type or p["page_type"] == a.type)]
    with Pool(a.j, initializer=sys.path.insert, initargs=(0, a.bench)) as pool:
        captured = dict(pool.imap_unordered(capture_page, [(p, wcxb.DATA) for p in pages], chunksize=1))
    pickle.dump(captured, open(a.path, "wb"))
    print(f"{len(captured)} tune pages captured in {a.path}")


if __name__ == "__main__":
    main()
