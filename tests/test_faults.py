"""Faults under load, against a real gunicorn (2 workers x 2 threads) on a free loopback port.

- SIGKILL one worker mid-load: gunicorn forks a replacement, and the only requests
  that fail are the ones in flight at the moment of the kill.
- SIGTERM the master mid-load: requests in flight complete (graceful drain), the
  master exits 0 well within the graceful timeout, and then connections are refused.
- A body whose Content-Length is over the limit is refused before it is read.

Each test takes a few seconds. bench/load.py --kill-worker-at / --term-at run the
same faults for longer (see README.md, Operations, Reliability). Skipped when gunicorn
cannot start here (no gunicorn, no loopback sockets).
"""
from __future__ import annotations

import http.client
import json
import os
import random
import selectors
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
from bench import load  # start_server, worker_pids, make_article
from service.worker import BufferingThreadWorker

CLIENTS = 4  # = 2 workers x 2 threads: every thread busy


def start(tmp_path):
    pytest.importorskip("gunicorn")
    try:
        return load.start_server(2, str(tmp_path / "gunicorn.log"), threads=2)
    except (SystemExit, OSError) as exc:
        pytest.skip(f"gunicorn could not start on loopback: {exc}")


def stop(process) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(60)
        except Exception:
            process.kill()


class Load:
    """CLIENTS threads each sending POST /v1/clean on a NEW connection per request, so that a
    request is in flight on exactly one worker from connect to response; (start, end, error)
    per request, perf_counter times."""

    def __init__(self, base: str, article_size: int = 5000):
        url = base.split("//", 1)[1]
        self.host, self.port = url.split(":")[0], int(url.split(":")[1])
        rng = random.Random(11)
        self.bodies = [json.dumps({"text": load.make_article(rng, article_size), "diff": "none"}).encode()
                       for _ in range(8)]
        self.records: list = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.client, args=(i,)) for i in range(CLIENTS)]

    def one(self, body: bytes, seconds: float = 0.0):
        """POST body; with `seconds`, the body is sent in 20 pieces over that long (a slow client)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            conn.putrequest("POST", "/v1/clean")
            for name, value in (("Content-Type", "application/json"), ("Connection", "close"),
                                ("Content-Length", str(len(body)))):
                conn.putheader(name, value)
            conn.endheaders()
            step = -(-len(body) // 20)
            for at in range(0, len(body), step):
                conn.send(body[at:at + step])
                time.sleep(seconds / 20)
            response = conn.getresponse()
            data = response.read()
            if response.status != 200 or "  " in json.loads(data)["text"]:
                return f"status {response.status}: {data[:100]!r}"
            return None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            return repr(exc)
        finally:
            conn.close()

    def client(self, i: int) -> None:
        n = i
        while not self.stop.is_set():
            t0 = time.perf_counter()
            error = self.one(self.bodies[n % len(self.bodies)])
            self.records.append((t0, time.perf_counter(), error))
            n += 1
            if error and "ConnectionRefused" in error:
                return  # the server has gone

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(90)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One gunicorn for the size check and the worker kill (it survives that)."""
    process, base, _ = start(tmp_path_factory.mktemp("gunicorn"))
    try:
        yield process, base
    finally:
        stop(process)


def test_oversized_content_length_is_refused_before_the_body_is_read(server):
    """Content-Length says 10 MB, 64 KB are sent: a server that read the body first would wait."""
    host, port = server[1].split("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall(b"POST /v1/clean HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                  b"Content-Length: %d\r\n\r\n" % (10 * 1024 * 1024) + b"a" * 65536)
        started = time.perf_counter()
        s.settimeout(2.0)
        head = s.recv(4096)
        elapsed = time.perf_counter() - started
    assert head.startswith(b"HTTP/1.1 413"), head[:200]
    assert elapsed < 1.0, f"413 after {elapsed:.2f}s"


def test_chunked_body_over_the_limit_is_refused_not_truncated(server):
    """gunicorn hands the app a chunked body with no Content-Length; 3 MB must be a 413, not 2 MB cleaned."""
    host, port = server[1].split("//", 1)[1].split(":")
    chunk = b"a " * 32768
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"POST /v1/clean?steps=whitespace&diff=none HTTP/1.1\r\nHost: localhost\r\n"
                  b"Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(3 * 1024 * 1024 // len(chunk)):
                s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server may answer (and stop reading) before the body ends
        head = s.recv(4096)
    assert head.startswith(b"HTTP/1.1 413"), head[:200]


def test_killed_worker_is_replaced_and_only_its_requests_fail(server):
    process, base = server
    before = load.worker_pids(process.pid)
    assert len(before) == 2, before
    with Load(base) as running:
        time.sleep(1.5)
        victim = min(before)
        killed_at = time.perf_counter()
        os.kill(victim, signal.SIGKILL)
        replaced = set()
        while not replaced and time.perf_counter() - killed_at < 30:
            time.sleep(0.02)
            replaced = load.worker_pids(process.pid) - before
        time.sleep(2.0)  # the load goes on against the replacement
    records = list(running.records)
    assert replaced, "gunicorn did not fork a replacement worker within 30 s"
    assert victim not in load.worker_pids(process.pid)
    failures = [(round(s - killed_at, 3), round(e - killed_at, 3), err) for s, e, err in records if err]
    # only requests in flight at the kill may fail: started before it, ended after it
    assert all(s <= 0 <= e for s, e, _ in failures), failures
    assert len(failures) <= CLIENTS, failures
    after = [r for r in records if r[0] > killed_at]
    assert len(after) >= 10 and not any(r[2] for r in after), "requests after the kill failed"
    assert sum(1 for r in records if r[0] < killed_at and not r[2]) >= 10, "too little load before the kill"
    status, _ = get(base + "/readyz")
    assert status == 200


def get(url: str):
    import urllib.request
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.read()


def test_sigterm_drains_in_flight_requests_then_refuses(tmp_path):
    process, base, _ = start(tmp_path)
    results = {}
    try:
        with Load(base) as running:
            # a slow client too, certainly in flight at the signal: its 200 KB body arrives over
            # 2 s (a large text alone is no longer slow enough: 500 KB is cleaned in ~0.3 s)
            slow_body = json.dumps({"text": load.make_article(random.Random(5), 200_000)}).encode()
            slow = threading.Thread(target=lambda: results.update(
                slow=(time.perf_counter(), running.one(slow_body, seconds=2.0), time.perf_counter())))
            slow.start()
            time.sleep(0.7)
            term_at = time.perf_counter()
            process.send_signal(signal.SIGTERM)
            exit_code = process.wait(60)
            exited_at = time.perf_counter()
            slow.join(60)
        records = list(running.records)
        # the master and its workers are gone: the port refuses connections now
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((running.host, running.port), timeout=2).close()
    finally:
        stop(process)
    assert exit_code == 0, f"gunicorn exited with {exit_code}"
    assert exited_at - term_at < 30, "the drain took longer than the graceful timeout"
    in_flight = [r for r in records if r[0] <= term_at <= r[1]]
    assert in_flight, "nothing was in flight at the signal: the test proves nothing"
    assert not any(r[2] for r in in_flight), [r[2] for r in in_flight if r[2]]
    started, error, ended = results["slow"]
    assert started < term_at < ended and error is None, (started - term_at, error, ended - term_at)
    assert not any(r[2] for r in records if r[1] < term_at), "requests failed before the signal"
    late = [r for r in records if r[0] > exited_at]
    assert all(r[2] and "ConnectionRefused" in r[2] for r in late), late


class _Queued(BufferingThreadWorker):
    """The worker's accept path alone: no arbiter, no threads; requests are recorded."""

    def __init__(self, listener):
        self.cfg, self.sockets, self.nr_conns, self.alive, self._accepting = None, [listener], 0, True, True
        self.poller = selectors.DefaultSelector()
        self.poller.register(listener, selectors.EVENT_READ, self.accept)
        self.taken = []

    def enqueue_req(self, conn):
        self.taken.append(conn)


def _listener_with_queued(clients):
    listener = socket.create_server(("127.0.0.1", 0), backlog=16)
    listener.setblocking(False)
    waiting = [socket.create_connection(listener.getsockname()) for _ in range(clients)]
    return listener, waiting


def test_stopping_worker_takes_the_connections_already_queued():
    """Connections the kernel queued before SIGTERM are answered, not reset at close."""
    listener, waiting = _listener_with_queued(3)
    try:
        worker = _Queued(listener)
        worker.alive = False  # what SIGTERM does (handle_exit)
        worker.set_accept_enabled(False)
        assert len(worker.taken) == 3 and worker.nr_conns == 3
        assert not worker._accepting
    finally:
        for s in waiting:
            s.close()
        listener.close()


def test_busy_worker_leaves_the_queue_to_the_others():
    """At its connection limit a running worker stops accepting and takes nothing."""
    listener, waiting = _listener_with_queued(2)
    try:
        worker = _Queued(listener)
        worker.set_accept_enabled(False)
        assert worker.taken == [] and not worker._accepting
    finally:
        for s in waiting:
            s.close()
        listener.close()
