"""Big and hostile HTML pages: what extraction and a whole /v1/clean of them cost.

    python -m bench.big_pages [--sizes 1,2,5,10] [--shapes article,table,...] [--url http://127.0.0.1:8080]
                              [--budget 5] [--json OUT]

Pages are generated (`page`), never stored: SHAPES below, each grown to the size asked (MB of
markup). For each (shape, size), in a fresh process: extraction alone (`extract_html`, CPU and
wall seconds, peak RSS, the article's words, metadata["extraction"]'s flags), then the whole
clean in process with the service's time budget (--budget, seconds: extraction and the steps),
or, with --url, one POST /v1/clean to a running server (wall seconds, status, `incomplete`).
A shape is superlinear when its cost per MB grows with the size: the last column is the CPU
per MB over that of the smallest size. Not part of the test suite's pass/fail.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
from queue import Empty
import resource
import sys
import time
import urllib.request

MB = 1_000_000
WORDS = ("the council met on monday and voted to close the old bridge to lorries after a long debate "
         "about its safety while residents asked for a new crossing further down the river").split()


def sentence(i: int, n: int = 18) -> str:
    """A sentence of `n` words, varied by `i` (no two paragraphs alike)."""
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n)]
    return " ".join(words).capitalize() + f" (item {i})."


def _head(title: str) -> str:
    return (f"<!doctype html><html><head><title>{title}</title>"
            "<meta name=description content='A generated page'></head><body>"
            "<nav><a href=/>Home</a> <a href=/news>News</a></nav>")


def _grow(head: str, unit, size: int, tail: str = "</body></html>") -> str:
    parts, total, i = [head], len(head) + len(tail), 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece)
        i += 1
    parts.append(tail)
    return "".join(parts)


def article(size: int) -> str:
    """One long article: <p> after <p>, a few inline tags in each."""
    return _grow(_head("The bridge report") + "<h1>The bridge report</h1><article>",
                 lambda i: f"<p>{sentence(i)} The <a href=/c{i}>council</a> said <b>so</b>.</p>",
                 size, "</article></body></html>")


def table(size: int) -> str:
    """Huge tables: rows of six cells, a new table every 1,000 rows."""
    def row(i):
        cells = "".join(f"<td>{WORDS[(i + k) % len(WORDS)]} {i * 6 + k}</td>" for k in range(6))
        return ("</table><table>" if i and i % 1000 == 0 else "") + f"<tr>{cells}</tr>"
    return _grow(_head("Bridge traffic counts") + "<h1>Bridge traffic counts</h1><p>" + sentence(1)
                 + "</p><table>", row, size, "</table></body></html>")


def links(size: int) -> str:
    """A listing: card after card, each a link, a price and a label."""
    return _grow(_head("All lamps") + "<h1>All lamps</h1><div class=grid>",
                 lambda i: (f"<div class=card><a href=/p/{i}><img src=/i/{i}.jpg alt=''>Brass lamp model {i}</a>"
                            f"<span class=price>${i % 500}.00</span><span class=tag>in stock</span></div>"),
                 size, "</div></body></html>")


def nested(size: int, depth: int = 10_000) -> str:
    """Deep nesting: `depth` open <div>s, the article's paragraphs inside the innermost."""
    head = _head("Deep page") + "<h1>Deep page</h1>" + "<div>" * depth
    return _grow(head, lambda i: f"<p>{sentence(i)}</p>", size, "</div>" * depth + "</body></html>")


def text_node(size: int) -> str:
    """One text node of `size` characters in one <p> (sentences, no markup)."""
    return _grow(_head("One paragraph") + "<h1>One paragraph</h1><p>", lambda i: sentence(i) + " ",
                 size, "</p></body></html>")


def scripts(size: int) -> str:
    """Big <script> and <style> blocks (100 KB each) around a short article."""
    body = "".join(f"<p>{sentence(i)}</p>" for i in range(30))
    code = "var data = [" + ",".join(f'{{"id": {k}, "name": "<b>x{k}</b>"}}' for k in range(3000)) + "];"
    css = "".join(f".c{k} {{ color: #{k % 999:03d}; margin: {k}px }}\n" for k in range(3000))

    def block(i):
        return f"<script>{code}</script>" if i % 2 == 0 else f"<style>{css}</style>"
    return _grow(_head("Scripted page") + "<h1>Scripted page</h1><article>" + body + "</article>",
                 block, size)


def attributes(size: int) -> str:
    """Paragraphs whose tags carry 40 attributes each."""
    attrs = " ".join(f'data-a{k}="v{k}"' for k in range(40))
    return _grow(_head("Attributed page") + "<h1>Attributed page</h1><article>",
                 lambda i: f"<p {attrs} class=p{i}>{sentence(i)}</p>", size, "</article></body></html>")


def comments(size: int) -> str:
    """An article with a comment between every two paragraphs (some holding markup)."""
    return _grow(_head("Commented page") + "<h1>Commented page</h1><article>",
                 lambda i: f"<p>{sentence(i)}</p><!-- <div class=ad>ad {i} <p>hidden</p></div> -->",
                 size, "</article></body></html>")


SHAPES = {"article": article, "table": table, "links": links, "nested": nested, "text": text_node,
          "scripts": scripts, "attributes": attributes, "comments": comments}


def page(shape: str, size: int) -> str:
    """The generated page of `shape`, of about `size` characters.

    >>> len(page("article", 20_000)) >= 20_000 and "<p>" in page("article", 2000)
    True
    """
    return SHAPES[shape](size)


def _measure(shape: str, size: int, budget: float | None, url: str | None, queue) -> None:
    from service.html import extract_html

    html = page(shape, size)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu, wall = time.process_time(), time.perf_counter()
    text, meta = extract_html(html)
    row = {"shape": shape, "mb": round(len(html) / MB, 2), "extract_cpu": time.process_time() - cpu,
           "extract_wall": time.perf_counter() - wall, "words": len(text.split()),
           "extraction": {k: v for k, v in meta.get("extraction", {}).items() if k != "guard"},
           "date": meta.get("date")}
    row["extract_rss_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    if url:
        body = json.dumps({"html": html, "diff": "none"}).encode()
        request = urllib.request.Request(url.rstrip("/") + "/v1/clean", body, {"Content-Type": "application/json"})
        wall = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                status, out = response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            status, out = exc.code, {}
        row.update(clean_wall=time.perf_counter() - wall, status=status, incomplete=(out.get("incomplete") or {}).get("steps"))
    else:
        from service.documents import clean_document
        from service.options import Options
        cpu, wall = time.process_time(), time.perf_counter()
        result, _ = clean_document(None, html, Options(diff="none"), budget=budget)
        row.update(clean_cpu=time.process_time() - cpu, clean_wall=time.perf_counter() - wall,
                   incomplete=(result.incomplete or {}).get("steps"))
    row["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(row)


def measure(shape: str, size: int, budget: float | None = 5.0, url: str | None = None) -> dict:
    """One row: `_measure` in a fresh process (peak memory of this page alone)."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(shape, size, budget, url, queue))
    proc.start()
    while True:
        try:
            row = queue.get(timeout=5)
            break
        except Empty:
            if not proc.is_alive():
                raise RuntimeError(f"{shape} at {size} characters: the measuring process died ({proc.exitcode})")
    proc.join()
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2,5,10", help="page sizes in MB, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--budget", type=float, default=5.0, help="the clean's time budget in seconds (in process)")
    parser.add_argument("--url", help="a running server: the whole request over HTTP instead of in process")
    parser.add_argument("--json", help="write the rows here")
    args = parser.parse_args(argv)
    import service.pipeline  # loaded once before the forks: each row measures the page, not the loading
    service.pipeline.default_resources()
    rows = []
    print(f"{'shape':<11}{'MB':>6}{'ext cpu':>9}{'ext wall':>9}{'clean wall':>11}{'rss MB':>8}{'words':>9}"
          f"{'cpu/MB x':>9}  flags")
    first: dict = {}
    for shape in args.shapes.split(","):
        for size in (float(s) for s in args.sizes.split(",")):
            row = measure(shape, int(size * MB), args.budget, args.url)
            rows.append(row)
            per_mb = row["extract_cpu"] / max(row["mb"], 1e-6)
            first.setdefault(shape, per_mb)
            flags = {k: v for k, v in row["extraction"].items() if k in ("cut_at", "tail", "budget", "tail_end")}
            print(f"{shape:<11}{row['mb']:>6.1f}{row['extract_cpu']:>9.2f}{row['extract_wall']:>9.2f}"
                  f"{row['clean_wall']:>11.2f}{row['rss_mb']:>8.0f}{row['words']:>9}"
                  f"{per_mb / max(first[shape], 1e-6):>9.2f}  {flags} {row.get('incomplete') or ''}"
                  f" {row.get('status', '')} date={row['date']}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
