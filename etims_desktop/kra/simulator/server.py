"""A small HTTP/1.1 keep-alive server that can stop listening and resume on the same port.

Plain stdlib (`http.server` request parsing) with its own accept loop, so the simulator can go
offline (connections refused, open ones cut) and come back, and can drop a connection on purpose.
One thread per connection; `close()` cuts every connection and joins every thread it started.
"""

from __future__ import annotations

import selectors
import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler


class Exchange(BaseHTTPRequestHandler):
    """One request on a connection: read its body, answer it once, or drop the connection."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # answers go out in one write; no 40 ms Nagle/delayed-ACK stalls
    server_version = "etims-simulator"

    def do_POST(self) -> None:
        self.dropped = False
        self.server.on_request(self)

    do_GET = do_POST

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            pass  # the peer (or our own go_offline) cut the connection

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # the simulator keeps its own request log

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> bytes:
        parts = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()

    def respond(self, status: int, body: bytes, content_type: str = "application/json;charset=UTF-8") -> None:
        """Send the whole answer in one write; a vanished client is not an error."""
        reason = HTTPStatus(status).phrase
        closing = "Connection: close\r\n" if self.close_connection else ""
        head = (
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        )
        try:
            self.wfile.write((head + closing + "\r\n").encode("latin-1") + body)
        except OSError:
            self.close_connection = True

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
            if self._listener is None:
                return
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
                        target=self._serve, args=(conn, address), name=f"sim-conn:{address[1]}", daemon=True
                    )
                    with self._lock:
                        self._threads = {t for t in self._threads if t.is_alive()}
                        self._threads.add(thread)
                        self._connections.add(conn)
                    thread.start()

    def _serve(self, conn: socket.socket, address: tuple) -> None:
        try:
            Exchange(conn, address, self)
        except OSError:
            pass
        finally:
            with self._lock:
                self._connections.discard(conn)
            conn.close()
