"""gunicorn's threaded worker with a buffering front and a hard request deadline.

- Buffering front: a connection's request head, and a body of known length up
  to BUFFER_BODY_BYTES, are read on the worker's event loop (non-blocking)
  before a thread takes the request. gthread hands a connection to a thread at
  its first byte, and the thread then blocks reading the rest: four clients
  sending a header line every few seconds held every thread of a 2 x 2
  service and every other request waited. A request not read within
  COPYDESK_READ_TIMEOUT seconds is dropped. (Chunked and larger bodies are
  read by the thread, after the head: a body over the app's limit is
  refused before it is read.)
- Queued connections are served: a stopping worker (SIGTERM, recycling) takes
  the connections already waiting in the listening socket's queue before it
  stops accepting. The kernel resets them when the last copy of the socket
  closes, so a client that connected just before the signal got "connection
  reset" instead of its answer.
- Hard deadline: cleaning work (service.budget.watch: the pipeline and HTML
  extraction) that runs past gunicorn's `timeout` ends the worker process
  (exit 1; the arbiter forks a new one). gthread's heartbeat comes from the
  event loop, so a runaway request was never killed; waiting on a slow client
  is not work and never counts.
"""
from __future__ import annotations

import os
import re
import selectors
import time
from functools import partial

from gunicorn.http2 import negotiation
from gunicorn.workers.gthread import ThreadWorker

from .budget import oldest_work

HEAD_LIMIT = 64 * 1024            # more than gunicorn's limits on request line + headers
BUFFER_BODY_BYTES = 4 * 1024 * 1024
_HEAD_END = b"\r\n\r\n"
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d{1,12})[ \t]*\r\n", re.I)
_CHUNKED = re.compile(rb"\r\ntransfer-encoding:[^\r\n]*chunked", re.I)


def bytes_wanted(buf: bytes) -> int | None:
    """How many bytes of `buf` make the request ready for a thread; None: not known yet.

    >>> bytes_wanted(b"GET / HTTP/1.1\\r\\nHost: a\\r\\n")
    >>> bytes_wanted(b"GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n")
    27
    >>> bytes_wanted(b"POST / HTTP/1.1\\r\\nContent-Length: 5\\r\\n\\r\\nab")
    43
    """
    end = buf.find(_HEAD_END)
    if end < 0:
        return HEAD_LIMIT if len(buf) >= HEAD_LIMIT else None
    head = buf[:end + 2]
    end += len(_HEAD_END)
    if _CHUNKED.search(head):
        return end
    m = _CONTENT_LENGTH.search(head)
    if m is None or int(m.group(1)) > BUFFER_BODY_BYTES:
        return end  # no body, or one too large to hold: the app may refuse it at once (413)
    return end + int(m.group(1))


def read_timeout() -> float:
    raw = os.environ.get("COPYDESK_READ_TIMEOUT", "30")
    try:
        return float(raw)
    except ValueError:
        raise SystemExit(f"COPYDESK_READ_TIMEOUT must be a number of seconds, got {raw!r}") from None


class BufferingThreadWorker(ThreadWorker):
    """ThreadWorker whose threads only ever see requests already read (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reading = {}  # conn -> deadline
        self.read_timeout = read_timeout()

    def enqueue_req(self, conn):
        buffered = conn.parser is not None and conn.parser.unreader.buf.getvalue()
        # TLS and HTTP/2 with prior knowledge read the socket themselves first: not buffered
        if (self.cfg.is_ssl or getattr(conn, "buffered", None) is not None or buffered
                or (conn.parser is None and negotiation.prior_knowledge_allowed(self.cfg, conn.client))):
            return super().enqueue_req(conn)
        conn.sock.setblocking(False)
        conn.buffered = bytearray()
        self.reading[conn] = time.monotonic() + self.read_timeout
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_request_bytes, conn))

    def set_accept_enabled(self, enabled):
        """gthread's switch, taking the queued connections first when a stopping worker
        stops accepting (see the module); a worker at its connection limit queues them."""
        if not enabled and not self.alive and self._accepting:
            for listener in self.sockets:
                self.accept_queued(listener)
        super().set_accept_enabled(enabled)

    def accept_queued(self, listener, limit=1024):
        """Accept what `listener` holds now (it is non-blocking while accepting): gthread's
        `accept` returns without a connection once the queue is empty."""
        for _ in range(limit):
            before = self.nr_conns
            self.accept(listener)
            if self.nr_conns == before:
                return

    def on_request_bytes(self, conn, _sock):
        try:
            data = conn.sock.recv(256 * 1024)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._drop(conn)
            return
        conn.buffered += data
        wanted = bytes_wanted(conn.buffered)
        if wanted is not None and len(conn.buffered) >= wanted:
            self.poller.unregister(conn.sock)
            del self.reading[conn]
            conn.data_ready = True
            super().enqueue_req(conn)

    def _drop(self, conn):
        self.poller.unregister(conn.sock)
        self.reading.pop(conn, None)
        self.nr_conns -= 1
        conn.close()

    def handle(self, conn):
        data = getattr(conn, "buffered", None)
        conn.buffered = None
        if data:
            conn.sock.setblocking(True)
            conn.init()
            conn.parser.unreader.unread(bytes(data))
        return super().handle(conn)

    def murder_pending(self):
        """gthread's sweep, then connections still being read past their deadline,
        then the hard deadline on cleaning work."""
        super().murder_pending()
        now = time.monotonic()
        # (a stopping worker still reads them: a request arriving is drained, not cut)
        for conn in [c for c, deadline in self.reading.items() if deadline < now]:
            self._drop(conn)
        started = oldest_work()
        if started is not None and now - started > self.cfg.timeout:
            self.log.error("cleaning work ran %.0f s, past the %s s timeout: ending worker %s",
                           now - started, self.cfg.timeout, self.pid)
            os._exit(1)
