"""A small HTTP/1.1 keep-alive server that can stop listening and resume on the same port.

Its own accept loop lets the simulator go offline (connections refused, open ones cut) and come
back on the same port; its own request reader (a few lines instead of `http.server`'s e-mail header
parser) keeps it fast enough for benchmarks, and lets a request be dropped on purpose.
One thread per connection; `close()` cuts every connection and joins every thread it started.
"""

from __future__ import annotations

import selectors
import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from typing import BinaryIO

MAX_LINE = 65536
MAX_HEADERS = 100


class Headers(dict):
    """Request headers by lower-cased name; `get` ignores case (Odoo sends `bhfid`)."""

    def get(self, name: str, default: str | None = None) -> str | None:
        return super().get(name.lower(), default)


class BadRequest(Exception):
    pass


class Exchange:
    """One request on a connection: read its body, answer it once, or drop the connection."""

    def __init__(
        self, conn: socket.socket, rfile: BinaryIO, method: str, path: str, headers: Headers, close: bool
    ):
        self._conn = conn
        self._rfile = rfile
        self.method = method
        self.path = path
        self.headers = headers
        self.close_connection = close  # after this exchange
        self.dropped = False

    @classmethod
    def read(cls, conn: socket.socket, rfile: BinaryIO) -> Exchange | None:
        """The next request's line and headers; None when the client has closed the connection."""
        line = rfile.readline(MAX_LINE + 1)
        if not line:
            return None
        parts = line.decode("latin-1").split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/1.") or len(line) > MAX_LINE:
            raise BadRequest
        method, path, version = parts
        headers = Headers()
        for _ in range(MAX_HEADERS):
            raw = rfile.readline(MAX_LINE + 1)
            if raw in (b"\r\n", b"\n", b""):
                break
            name, sep, value = raw.decode("latin-1").partition(":")
            if not sep:
                raise BadRequest
            headers[name.strip().lower()] = value.strip()
        else:
            raise BadRequest
        connection = headers.get("connection", "").lower()
        close = connection == "close" or (version == "HTTP/1.0" and connection != "keep-alive")
        if headers.get("expect", "").lower() == "100-continue":
            conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")  # curl waits for this before a large body
        return cls(conn, rfile, method, path, headers, close)

    def read_body(self) -> bytes:
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            return self._read_chunked()
        length = int(self.headers.get("content-length") or 0)
        return self._rfile.read(length) if length else b""

    def _read_chunked(self) -> bytes:
        parts = []
        while True:
            size = int(self._rfile.readline(MAX_LINE).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self._rfile.readline(MAX_LINE) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(parts)
            parts.append(self._rfile.read(size))
            self._rfile.readline(MAX_LINE)

    def respond(self, status: int, body: bytes, content_type: str = "application/json;charset=UTF-8") -> None:
        """Send the whole answer in one write; a vanished client is not an error."""
        try:
            self._conn.sendall(self._head(status, body, content_type) + body)
        except OSError:
            self.close_connection = True

    def trickle(self, status: int, body: bytes, every: float, stop: threading.Event) -> None:
        """Send the headers at once, then the body one byte every `every` seconds, until it is all sent,
        the client hangs up or `stop` is set. The connection is closed afterwards."""
        self.close_connection = True
        try:
            self._conn.sendall(self._head(status, body, "application/json;charset=UTF-8"))
            for at in range(len(body)):
                if stop.wait(every):
                    return
                self._conn.sendall(body[at : at + 1])
        except OSError:
            return

    def _head(self, status: int, body: bytes, content_type: str) -> bytes:
        closing = "Connection: close\r\n" if self.close_connection else ""
        return (
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n{closing}\r\n"
        ).encode("latin-1")

    def drop(self) -> None:
        """Close the connection without any answer."""
        self.dropped = True
        self.close_connection = True


class HttpFront:
    """Listens on host:port and hands every request to `on_request(exchange)`."""

    def __init__(self, host: str, port: int, on_request: Callable[[Exchange], None]) -> None:
        self.host = host
        self.port = port  # 0 until the first start picks a free one
        self.on_request = on_request
        self._switch = threading.Lock()  # start/stop_listening, one at a time
        self._lock = threading.Lock()  # the connection table (also taken by the accept loop)
        self._listener: socket.socket | None = None
        self._wake: tuple[socket.socket, socket.socket] | None = None
        self._acceptor: threading.Thread | None = None
        self._connections: set[socket.socket] = set()  # open ones, to cut when going offline
        self._threads: set[threading.Thread] = set()  # every connection thread not yet seen finished
        self._listening = threading.Event()

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def wait_listening(self, timeout: float | None = None) -> bool:
        return self._listening.wait(timeout)

    def start(self) -> None:
        """Listen (again) on the same port."""
        with self._switch:
            if self._listener is not None:
                return
            family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
            listener = socket.create_server((self.host, self.port), family=family, backlog=128)
            self.port = listener.getsockname()[1]
            self._wake = socket.socketpair()
            self._acceptor = threading.Thread(
                target=self._accept_loop,
                args=(listener, self._wake[1]),
                name=f"sim-accept:{self.port}",
                daemon=True,
            )
            self._listener = listener
            self._acceptor.start()
            self._listening.set()

    def stop_listening(self) -> None:
        """Refuse new connections and cut the open ones (like unplugging the network)."""
        with self._switch:
            if self._listener is not None:
                self._listening.clear()
                self._wake[0].send(b"x")
                self._acceptor.join()
                self._listener.close()
                for end in self._wake:
                    end.close()
                self._listener = self._wake = self._acceptor = None
            with self._lock:
                connections = list(self._connections)
            for conn in connections:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self, timeout: float = 5.0) -> None:
        """Stop listening, cut every connection and wait for their threads."""
        self.stop_listening()
        with self._lock:
            threads = [t for t in self._threads if t is not threading.current_thread()]
        for thread in threads:
            thread.join(timeout)

    def _accept_loop(self, listener: socket.socket, wake: socket.socket) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(listener, selectors.EVENT_READ)
            selector.register(wake, selectors.EVENT_READ)
            while True:
                for key, _ in selector.select():
                    if key.fileobj is wake:
                        return
                    try:
                        conn, address = listener.accept()
                    except OSError:
                        continue
                    thread = threading.Thread(
                        target=self._serve, args=(conn,), name=f"sim-conn:{address[1]}", daemon=True
                    )
                    with self._lock:
                        self._threads = {t for t in self._threads if t.is_alive()}
                        self._threads.add(thread)
                        self._connections.add(conn)
                    thread.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one write per answer: no Nagle stalls
        rfile = conn.makefile("rb")
        try:
            while True:
                exchange = Exchange.read(conn, rfile)
                if exchange is None:
                    break
                self.on_request(exchange)
                if exchange.close_connection:
                    break
        except BadRequest:
            try:
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
        except (OSError, ValueError):
            pass  # the peer (or our own go_offline) cut the connection
        finally:
            rfile.close()
            with self._lock:
                self._connections.discard(conn)
            conn.close()
