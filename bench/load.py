"""Bounded load test: gunicorn on loopback, 5 KB articles, throughput and p50/p99 latency.

    python -m bench.load [--workers 2] [--clients 4] [--requests 200] [--max-seconds 120]
    python -m bench.load --url http://127.0.0.1:8080   # an already running server (loopback only)
    python -m bench.load --requests 1000000 --max-seconds 60 --clients 6        # a 60 s saturation run
    python -m bench.load --requests 1000000 --max-seconds 20 --kill-worker-at 8 # SIGKILL one worker mid-load
    python -m bench.load --requests 1000000 --max-seconds 20 --term-at 8        # SIGTERM the master mid-load
    python -m bench.load --input error-dense --requests 2000   # the benchmark's corrupted pages

Starts `python -m service serve` on a free loopback port (unless --url), measures the
time from process start to /readyz 200, then sends a fixed number of POST /v1/clean
requests from a few client threads (http.client, one keep-alive connection each) and
stops by itself after --requests or --max-seconds, whichever comes first. The
articles are generated here from sentences this script writes, with typos, doubled
spaces and mojibake mixed in, so every step has work. `--input clean` sends the shared
benchmark's human article bodies instead, `--input error-dense` its corrupted pages
(mojibake, typos, real-word errors, chrome), read from --bench at run time and never
copied here. The report gives the load generator's own CPU time and its share of the
machine (it runs on the same cores as the server), the workers' CPU, and the load
average before the run (other work on the machine). Exit status 1 if any request failed.

Faults (with a server this script starts): --kill-worker-at S sends SIGKILL to one
gunicorn worker S seconds into the load; gunicorn forks a replacement, and only the
requests in flight at that moment may fail (the report lists each failure with when it
started relative to the kill, and the replacement's pid). --term-at S sends SIGTERM to
the master: requests in flight must complete (graceful drain), and afterwards new
connections are refused; the clients stop at the first refusal. The exit status is 1
if a request failed that the fault does not excuse.
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


DEFAULT_BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def load_texts(kind: str, bench: str, rng: random.Random) -> list:
    """The texts to send: 20 generated articles, or the shared benchmark's clean bodies or
    error-dense (corrupted) pages, read at run time."""
    if kind == "generated":
        return [make_article(rng) for _ in range(20)]
    name, field = {"clean": ("scraped.jsonl", "reference"), "error-dense": ("corrupted.jsonl", "input")}[kind]
    path = os.path.join(bench, "data", name)
    if not os.path.exists(path):
        raise SystemExit(f"{path} not found: pass --bench DIR (the shared benchmark)")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)[field] for line in f if line.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker_pids(master_pid: int) -> set:
    """The pids of the processes whose parent is `master_pid` (gunicorn's workers), from /proc."""
    pids = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the command name may hold spaces or parentheses: fields follow the last ')'
        fields = stat[stat.rindex(b")") + 2:].split()
        if int(fields[1]) == master_pid and fields[0] != b"Z":
            pids.add(int(entry))
    return pids


def start_server(workers: int, log_path: str, threads: int = 2, extra_env: dict | None = None):
    """(process, base url, seconds from process start to /readyz 200)."""
    port = free_port()
    env = dict(os.environ, COPYDESK_WORKERS=str(workers), COPYDESK_THREADS=str(threads), **(extra_env or {}))
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
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
                    ready = time.perf_counter() - started
                    # /readyz answers once one worker is up; the load starts when all are forked,
                    # or the first worker would take every keep-alive connection for the whole run
                    while len(worker_pids(process.pid)) < workers and time.perf_counter() - started < 180:
                        time.sleep(0.02)
                    time.sleep(0.2)
                    return process, base, ready
        except OSError:
            time.sleep(0.02)
    process.terminate()
    raise SystemExit("gunicorn was not ready within 180 s")


def run_client(base: str, bodies: list, quota, deadline: float, latencies: list, errors: list,
               records: list | None = None, stop: threading.Event | None = None) -> None:
    """Send requests on one keep-alive connection until the shared quota or the deadline runs out.

    `records` gets (start, end, error or None) per request (perf_counter times); a set
    `stop` event, or a refused connection once it is set, ends the loop.
    """
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    i = 0
    while time.perf_counter() < deadline and not (stop is not None and stop.is_set()) and quota():
        body = bodies[i % len(bodies)]
        i += 1
        t0 = time.perf_counter()
        error = None
        try:
            conn.request("POST", "/v1/clean", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
            if response.status != 200 or "text" not in json.loads(data):
                error = f"status {response.status}: {data[:200]!r}"
        except (OSError, http.client.HTTPException, ValueError) as exc:
            error = repr(exc)
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        if records is not None:
            records.append((t0, time.perf_counter(), error))
        if error is None:
            latencies.append(time.perf_counter() - t0)
        else:
            errors.append(error)
            if isinstance(error, str) and "ConnectionRefused" in error and stop is not None:
                stop.set()  # the server has gone (after --term-at): no point asking again
    conn.close()


def percentile(values: list, p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_load(base: str, clients: int, requests: int, max_seconds: float, seed: int = 7,
             fault=None, fault_at: float | None = None, diff: str = "none", texts: list | None = None) -> dict:
    """Run the load; `fault(report)` is called `fault_at` seconds in (from another thread)."""
    rng = random.Random(seed)
    texts = texts or [make_article(rng) for _ in range(20)]
    bodies = [json.dumps({"text": t, "diff": diff}).encode() for t in texts]
    lock, remaining = threading.Lock(), [requests]

    def quota() -> bool:
        with lock:
            if remaining[0] <= 0:
                return False
            remaining[0] -= 1
            return True

    latencies, errors, records, stop, fault_report = [], [], [], threading.Event(), {}
    # One warm-up request per client: the first request of a worker pays for lazy imports.
    run_load_warmup(base, bodies[0], clients)
    started, client_cpu = time.perf_counter(), time.process_time()
    deadline = started + max_seconds
    threads = [threading.Thread(target=run_client,
                                args=(base, bodies, quota, deadline, latencies, errors, records, stop))
               for _ in range(clients)]
    if fault is not None:
        def fire():
            time.sleep(fault_at)
            fault_report["at"] = time.perf_counter()
            fault(fault_report)
        threads.append(threading.Thread(target=fire, daemon=True))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    client_cpu = time.process_time() - client_cpu
    report = {"requests": len(latencies) + len(errors), "errors": len(errors), "seconds": round(elapsed, 2),
            "throughput_rps": round(len(latencies) / elapsed, 2) if elapsed else 0.0,
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p99_ms": round(percentile(latencies, 99) * 1000, 1) if latencies else None,
            "article_bytes": round(statistics.mean(len(t.encode()) for t in texts)), "documents": len(texts),
            "clients": clients, "diff": diff,
            # the load generator shares the machine with the server: its CPU is not the server's
            "client_cpu_s": round(client_cpu, 2),
            "client_share_of_machine": round(client_cpu / elapsed / (os.cpu_count() or 1), 3) if elapsed else 0.0,
            "first_errors": errors[:3]}
    if fault is not None:
        at = fault_report.pop("at", None)
        report["fault"] = fault_report
        if at is not None:
            in_flight = [r for r in records if r[0] <= at <= r[1]]
            report["fault"].update({
                "at_s": round(at - started, 2),
                "in_flight_at_fault": len(in_flight),
                "in_flight_failed": sum(1 for r in in_flight if r[2]),
                "failed_started_before": sum(1 for r in records if r[2] and r[0] < at and r[1] < at),
                "failed_started_after": sum(1 for r in records if r[2] and r[0] > at),
                "ok_started_after": sum(1 for r in records if not r[2] and r[0] > at),
                "failures": [(round(r[0] - at, 3), round(r[1] - at, 3), r[2][:80]) for r in records if r[2]][:10]})
    return report


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
    ap.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker when starting one")
    ap.add_argument("--kill-worker-at", type=float, metavar="S", help="SIGKILL one worker S seconds into the load")
    ap.add_argument("--term-at", type=float, metavar="S", help="SIGTERM the master S seconds into the load")
    ap.add_argument("--diff", default="none", help="the diff format each request asks for")
    ap.add_argument("--input", choices=("generated", "clean", "error-dense"), default="generated",
                    help="generated articles, or the shared benchmark's clean bodies or corrupted pages")
    ap.add_argument("--bench", default=DEFAULT_BENCH, help="the shared benchmark (read at run time)")
    ap.add_argument("--log", default=os.path.join(tempfile.gettempdir(), "copydesk-load.log"))
    args = ap.parse_args(argv)
    process, report = None, {}
    if args.url:
        if urllib.parse.urlsplit(args.url).hostname not in LOOPBACK:
            raise SystemExit("--url must be a loopback address (127.0.0.1, localhost or ::1)")
        if args.kill_worker_at is not None or args.term_at is not None:
            raise SystemExit("--kill-worker-at and --term-at need a server this script starts (no --url)")
        base = args.url.rstrip("/")
    else:
        process, base, startup = start_server(args.workers, args.log, args.threads)
        report.update({"workers": args.workers, "threads": args.threads,
                       "startup_to_ready_s": round(startup, 2)})
    fault, fault_at = None, None
    if args.kill_worker_at is not None:
        fault, fault_at = (lambda r: kill_one_worker(process, r)), args.kill_worker_at
    elif args.term_at is not None:
        fault, fault_at = (lambda r: terminate_master(process, r)), args.term_at
    texts = load_texts(args.input, args.bench, random.Random(7))
    report.update({"input": args.input, "load_average_before": [round(x, 2) for x in os.getloadavg()]})
    cpu_before = {pid: cpu_seconds(pid) for pid in worker_pids(process.pid)} if process else {}
    try:
        report.update(run_load(base, args.clients, args.requests, args.max_seconds, fault=fault, fault_at=fault_at,
                               diff=args.diff, texts=texts))
        if cpu_before and fault is None:
            # how evenly the workers shared the work (keep-alive connections stay on one worker)
            report["worker_cpu_s"] = [round(cpu_seconds(pid) - t, 1) for pid, t in sorted(cpu_before.items())]
            # measured after the load, so each worker's own caches and copied pages are counted
            report["memory"] = {"master": memory_mb(process.pid),
                                "workers": [memory_mb(pid) for pid in sorted(cpu_before)]}
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(60)
    print(json.dumps(report, indent=2))
    if "fault" in report:
        f = report["fault"]
        if args.kill_worker_at is not None:
            # only the requests in flight on the killed worker may fail
            excused = f.get("in_flight_failed", 0)
            return 1 if report["errors"] > excused or not f.get("replaced_by") else 0
        # SIGTERM: nothing in flight may fail; refusals after the signal are the point
        return 1 if f.get("in_flight_failed") or f.get("failed_started_before") or f.get("exit_code") != 0 else 0
    return 1 if report["errors"] else 0


def memory_mb(pid: int) -> dict:
    """RSS and private (unshared) memory of a process in MB, from /proc/PID/smaps_rollup.

    With preload_app the workers share the master's dictionaries copy-on-write:
    a worker's RSS counts those shared pages again, its private memory is what
    one more worker really adds.
    """
    fields = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 3 and parts[2] == "kB":
                    fields[parts[0].rstrip(":")] = int(parts[1])
    except OSError:
        return {}
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss_mb": round(fields.get("Rss", 0) / 1024, 1), "private_mb": round(private / 1024, 1)}


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process, from /proc (0 if it has gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def kill_one_worker(process, report: dict, replace_within: float = 60) -> None:
    """SIGKILL the lowest-pid worker; note its pid and the replacement gunicorn forks."""
    import signal
    before = worker_pids(process.pid)
    victim = min(before)
    os.kill(victim, signal.SIGKILL)
    killed = time.perf_counter()
    report.update({"killed_pid": victim, "workers_before": sorted(before)})
    while time.perf_counter() - killed < replace_within:
        new = worker_pids(process.pid) - before
        if new:
            report.update({"replaced_by": sorted(new), "replaced_after_s": round(time.perf_counter() - killed, 2)})
            return
        time.sleep(0.02)


def terminate_master(process, report: dict, wait: float = 90) -> None:
    """SIGTERM the master (graceful stop); note how long it takes to exit and its exit code."""
    import signal
    sent = time.perf_counter()
    process.send_signal(signal.SIGTERM)
    try:
        report["exit_code"] = process.wait(wait)
    except subprocess.TimeoutExpired:
        report["exit_code"] = None
    report["exited_after_s"] = round(time.perf_counter() - sent, 2)


if __name__ == "__main__":
    sys.exit(main())
