"""Hostile load beside normal load: the rows of issue 19 sent while ordinary clients run.

    python -m bench.hostile_load [--seconds 30] [--clients 2] [--slow 8]
    python -m bench.hostile_load --url http://127.0.0.1:8080     # a running server (loopback only)

Starts gunicorn on loopback (bench/load.py's start_server) unless --url. For --seconds:
ordinary clients send ~5 KB articles (bench/load.py's run_load); one hostile client sends,
again and again, each request of HOSTILE (zero-width floods, huge and recursive request
names, 5,000-digit numbers, a lone surrogate in NDJSON, /v2/check of "teh " * 10,000,
a <p> with 200,000 attributes, 600,000 whitespace edits, 100,000 unknown options, invented
methods); --slow clients hold connections open sending a header line every 2 s; a probe
asks /healthz every half second. Bounded in count and time; it stops by itself.

Prints, per hostile request: statuses seen, slowest answer, largest response; the
ordinary clients' throughput and p99; /healthz's slowest answer and failures; the
workers' RSS at the end. Exit status 1 on any 5xx, any failed ordinary request or
health check, a hostile answer slower than --limit-s (10 s) or larger than 20 MB.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import sys
import tempfile
import threading
import time
import urllib.parse

from bench.load import LOOPBACK, memory_mb, run_load, start_server, worker_pids

JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
HOSTILE = [
    ("zero-width flood", "POST", "/v1/clean", JSON, json.dumps({"text": "\u200b" * 90000 + "x"})),
    ("ZWNJ line", "POST", "/v1/clean", JSON, json.dumps({"text": "\u200c" * 192000})),
    ("combining marks", "POST", "/v1/clean", JSON, json.dumps({"text": "a" + "\u0301" * 300000})),
    ("a 64,000-character name", "POST", "/v1/clean", JSON, json.dumps({"text": "A met B.", "names": ["A" * 64000]})),
    ("a 600-character name with spaces", "POST", "/v1/clean", JSON,
     json.dumps({"text": "A met B.", "names": [" ".join(["Ab"] * 200)]})),
    ("a 5,000-digit number", "POST", "/v1/clean", JSON, '{"text": "a", "min_confidence": ' + "9" * 5000 + "}"),
    ("NDJSON lone surrogate", "POST", "/v1/batch", {"Content-Type": "application/x-ndjson"},
     '{"id": 1, "text": "a"}\n{"id": 2, "text": "\\ud800"}\n{"id": 3, "text": "b"}\n'),
    ("/v2/check teh x 10000", "POST", "/v2/check", FORM,
     urllib.parse.urlencode({"text": "teh " * 10000, "language": "en-US"})),
    ("<p> with 200,000 attributes", "POST", "/v1/clean", JSON,
     json.dumps({"html": "<p " + " ".join(f"a{i}=x" for i in range(200000)) + ">Teh text.</p>"})),
    ("600,000 whitespace edits", "POST", "/v1/clean", JSON, json.dumps({"text": "a  " * 600000})),
    ("100,000 unknown options", "POST", "/v1/clean", JSON,
     json.dumps({"text": "a", **{f"opt{i}": 1 for i in range(100000)}})),
    ("an invented method", "BREW", "/v1/clean", JSON, "{}"),
]
LIMIT_BYTES = 20 * 1024 * 1024


def send(base: str, method: str, path: str, headers: dict, body: str, timeout: float = 120):
    """(status, seconds, response bytes); status 0 when the connection failed."""
    url = urllib.parse.urlsplit(base)
    started = time.perf_counter()
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        conn.request(method, path, body=body.encode("utf-8", "surrogatepass"), headers=headers)
        response = conn.getresponse()
        size = len(response.read())
        return response.status, time.perf_counter() - started, size
    except OSError:
        return 0, time.perf_counter() - started, 0
    finally:
        conn.close()


def hostile_client(base: str, stop: threading.Event, results: dict) -> None:
    while not stop.is_set():
        for name, method, path, headers, body in HOSTILE:
            if stop.is_set():
                return
            status, seconds, size = send(base, method, path, headers, body)
            row = results.setdefault(name, {"statuses": set(), "max_s": 0.0, "max_bytes": 0, "sent": 0})
            row["statuses"].add(status)
            row["max_s"] = max(row["max_s"], seconds)
            row["max_bytes"] = max(row["max_bytes"], size)
            row["sent"] += 1


def slow_client(base: str, stop: threading.Event) -> None:
    """A connection that sends its request head a line every 2 s (and never finishes it)."""
    url = urllib.parse.urlsplit(base)
    while not stop.is_set():
        try:
            with socket.create_connection((url.hostname, url.port), timeout=5) as s:
                s.sendall(b"POST /v1/clean HTTP/1.1\r\nHost: x\r\n")
                for i in range(1000):
                    if stop.wait(2):
                        return
                    s.sendall(f"X-Slow-{i}: y\r\n".encode())
        except OSError:
            stop.wait(0.5)  # closed by the server's read timeout: open another


def health_probe(base: str, stop: threading.Event, health: dict) -> None:
    while not stop.wait(0.5):
        status, seconds, _ = send(base, "GET", "/healthz", {}, "", timeout=10)
        health["max_s"] = max(health.get("max_s", 0.0), seconds)
        health["checks"] = health.get("checks", 0) + 1
        if status != 200:
            health["failures"] = health.get("failures", 0) + 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="an already running server on loopback (default: start gunicorn)")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--clients", type=int, default=2, help="ordinary client threads")
    ap.add_argument("--slow", type=int, default=8, help="slow-header connections")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit-s", type=float, default=10.0, help="slowest acceptable hostile answer")
    ap.add_argument("--log", default=os.path.join(tempfile.gettempdir(), "copydesk-hostile-load.log"))
    args = ap.parse_args(argv)
    process = None
    if args.url:
        if urllib.parse.urlsplit(args.url).hostname not in LOOPBACK:
            raise SystemExit("--url must be a loopback address (127.0.0.1, localhost or ::1)")
        base = args.url.rstrip("/")
    else:
        process, base, _ = start_server(args.workers, args.log)
    stop, results, health = threading.Event(), {}, {}
    helpers = [threading.Thread(target=hostile_client, args=(base, stop, results)),
               threading.Thread(target=health_probe, args=(base, stop, health))]
    helpers += [threading.Thread(target=slow_client, args=(base, stop)) for _ in range(args.slow)]
    try:
        for t in helpers:
            t.start()
        normal = run_load(base, args.clients, 10**9, args.seconds)
        memory = ({"master": memory_mb(process.pid), "workers": [memory_mb(p) for p in sorted(worker_pids(process.pid))]}
                  if process else {})
    finally:
        stop.set()
        for t in helpers:
            t.join(150)
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(60)
    failed = bool(normal["errors"]) or health.get("failures", 0) > 0
    print(f"ordinary clients: {normal['requests']} requests, {normal['errors']} errors, "
          f"{normal['throughput_rps']} req/s, p50 {normal['p50_ms']} ms, p99 {normal['p99_ms']} ms")
    print(f"/healthz: {health.get('checks', 0)} checks, {health.get('failures', 0)} failed, "
          f"slowest {health.get('max_s', 0):.2f} s")
    for name, row in results.items():
        bad = (any(s >= 500 or s == 0 for s in row["statuses"]) or row["max_s"] > args.limit_s
               or row["max_bytes"] > LIMIT_BYTES)
        failed |= bad
        print(f"  {'FAIL' if bad else 'ok  '} {name}: sent {row['sent']}, statuses {sorted(row['statuses'])}, "
              f"slowest {row['max_s']:.2f} s, largest {row['max_bytes'] / 1e6:.1f} MB")
    if memory:
        print("memory at the end:", json.dumps(memory))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
