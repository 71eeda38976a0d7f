"""Bounded load test: gunicorn on loopback, 5 KB articles, throughput and p50/p99 latency.

    python bench/load.py [--workers 2] [--clients 4] [--requests 200] [--max-seconds 120]
    python bench/load.py --url http://127.0.0.1:8080   # an already running server (loopback only)

Starts `python -m service serve` on a free loopback port (unless --url), measures the
time from process start to /readyz 200, then sends a fixed number of POST /v1/clean
requests from a few client threads (http.client, one keep-alive connection each) and
stops by itself after --requests or --max-seconds, whichever comes first. The
articles are generated here from sentences this script writes, with typos, doubled
spaces and mojibake mixed in, so every step has work. Exit status 1 if any request failed.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

SUBJECTS = ["The council", "The minister", "Local residents", "The company", "Officials", "The committee",
            "Researchers at the university", "The mayor", "Union leaders", "The regional government"]
VERBS = ["announced", "rejected", "debated", "approved", "questioned", "postponed", "welcomed", "criticised"]
OBJECTS = ["a plan to widen the main road", "the new budget for schools", "proposals for cheaper housing",
           "a report on river pollution", "changes to the bus timetable", "the merger of two hospitals",
           "a review of police funding", "the closure of the old library"]
TAILS = ["on Tuesday", "after a long meeting", "despite strong objections", "in a statement",
         "earlier this week", "following months of talks", "at a press conference", "without a vote"]
NOISE = [("the", "teh"), ("their", "thier"), ("received", "recieved"), ("which", "whcih"), (" ", "  "),
         ("'", "â€™"), ("government", "goverment"), ("week", "weak")]


def make_article(rng: random.Random, size: int = 5000) -> str:
    """About `size` characters of plain news prose with typical scraping and typing damage."""
    paragraphs, length = [], 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
            if rng.random() < 0.3:
                good, bad = rng.choice(NOISE)
                s = s.replace(good, bad, 1)
            sentences.append(s)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers: int, log_path: str):
    """(process, base url, seconds from process start to /readyz 200)."""
    port = free_port()
    env = dict(os.environ, COPYDESK_WORKERS=str(workers))
    log = open(log_path, "w")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "service", "serve", "--bind", f"127.0.0.1:{port}"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    while time.perf_counter() - started < 180:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=1) as r:
                if r.status == 200:
                    return process, base, time.perf_counter() - started
        except OSError:
            time.sleep(0.02)
    process.terminate()
    raise SystemExit("gunicorn was not ready within 180 s")


def run_client(base: str, bodies: list, quota, deadline: float, latencies: list, errors: list) -> None:
    """Send requests on one keep-alive connection until the shared quota or the deadline runs out."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    i = 0
    while time.perf_counter() < deadline and quota():
        body = bodies[i % len(bodies)]
        i += 1
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/v1/clean", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
            if response.status != 200 or "text" not in json.loads(data):
                errors.append(f"status {response.status}: {data[:200]!r}")
        except (OSError, http.client.HTTPException, ValueError) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            continue
        latencies.append(time.perf_counter() - t0)
    conn.close()


def percentile(values: list, p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_load(base: str, clients: int, requests: int, max_seconds: float, seed: int = 7) -> dict:
    rng = random.Random(seed)
    bodies = [json.dumps({"text": make_article(rng), "diff": "none"}).encode() for _ in range(20)]
    lock, remaining = threading.Lock(), [requests]

    def quota() -> bool:
        with lock:
            if remaining[0] <= 0:
                return False
            remaining[0] -= 1
            return True

    latencies, errors = [], []
    # One warm-up request per client: the first request of a worker pays for lazy imports.
    run_load_warmup(base, bodies[0], clients)
    started = time.perf_counter()
    deadline = started + max_seconds
    threads = [threading.Thread(target=run_client, args=(base, bodies, quota, deadline, latencies, errors))
               for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return {"requests": len(latencies) + len(errors), "errors": len(errors), "seconds": round(elapsed, 2),
            "throughput_rps": round(len(latencies) / elapsed, 2) if elapsed else 0.0,
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p99_ms": round(percentile(latencies, 99) * 1000, 1) if latencies else None,
            "article_bytes": len(json.loads(bodies[0])["text"].encode()), "clients": clients,
            "first_errors": errors[:3]}


def run_load_warmup(base: str, body: bytes, clients: int) -> None:
    url = urllib.parse.urlsplit(base)
    for _ in range(clients * 2):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        conn.request("POST", "/v1/clean", body=body, headers={"Content-Type": "application/json"})
        conn.getresponse().read()
        conn.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="an already running server on loopback (default: start gunicorn)")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers when starting one")
    ap.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    ap.add_argument("--requests", type=int, default=200, help="total requests (the bound)")
    ap.add_argument("--max-seconds", type=float, default=120, help="stop after this long in any case")
    ap.add_argument("--log", default=os.path.join(tempfile.gettempdir(), "copydesk-load.log"))
    args = ap.parse_args(argv)
    process, report = None, {}
    if args.url:
        if urllib.parse.urlsplit(args.url).hostname not in LOOPBACK:
            raise SystemExit("--url must be a loopback address (127.0.0.1, localhost or ::1)")
        base = args.url.rstrip("/")
    else:
        process, base, startup = start_server(args.workers, args.log)
        report.update({"workers": args.workers, "startup_to_ready_s": round(startup, 2)})
    try:
        report.update(run_load(base, args.clients, args.requests, args.max_seconds))
    finally:
        if process is not None:
            process.terminate()
            process.wait(60)
    print(json.dumps(report, indent=2))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
