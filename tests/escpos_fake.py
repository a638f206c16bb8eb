"""A fake ESC/POS network printer for tests: a real TCP server on 127.0.0.1 that keeps every byte it
receives and answers real-time status queries (DLE EOT n) the way a printer does; and a decoder that
turns the bytes back into printed lines, QR payloads and cuts.
"""

from __future__ import annotations

import re
import socket
import threading
from dataclasses import dataclass, field

PAPER_OK = 0x12  # DLE EOT 4: fixed bits only
PAPER_OUT = 0x72  # DLE EOT 4: paper end (bits 5-6)
ONLINE = 0x12  # DLE EOT 1: fixed bits only
OFFLINE = 0x1A  # DLE EOT 1: bit 3 = offline


class FakePrinter:
    """`with FakePrinter() as printer:` ... `printer.jobs()` -> the bytes of each connection, in order."""

    def __init__(self, *, paper: int = PAPER_OK, online: int = ONLINE, answers_status: bool = True):
        self.paper = paper
        self.online = online
        self.answers_status = answers_status
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._jobs: list[bytes] = []
        self._done = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FakePrinter:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() (close() alone does not)
        except OSError:
            pass
        self._server.close()
        self._thread.join(timeout=5)
        assert not self._thread.is_alive(), "the fake printer did not stop"

    def _serve(self) -> None:
        while True:
            try:
                conn, _addr = self._server.accept()
            except OSError:
                return  # closed
            with conn:
                self._jobs_append(self._receive(conn))

    def _receive(self, conn: socket.socket) -> bytes:
        data = bytearray()
        answered = 0  # status queries answered so far
        while chunk := conn.recv(65536):
            data += chunk
            queries = _status_queries(bytes(data))
            for n in queries[answered:]:
                if self.answers_status:
                    conn.sendall(bytes([self.paper if n == 4 else self.online]))
            answered = len(queries)
        return bytes(data)

    def _jobs_append(self, job: bytes) -> None:
        with self._done:
            self._jobs.append(job)
            self._done.notify_all()

    def wait_jobs(self, count: int = 1, timeout: float = 10.0) -> list[bytes]:
        """Wait (on a condition, not a sleep) until `count` connections have closed."""
        with self._done:
            self._done.wait_for(lambda: len(self._jobs) >= count, timeout=timeout)
            return list(self._jobs)


def _status_queries(data: bytes) -> list[int]:
    """The n of every DLE EOT n received so far (a partial stream: no full parse; text and URLs never
    hold these control bytes)."""
    return [int(m.group(1)[0]) for m in re.finditer(rb"\x10\x04([\x01-\x04])", data)]


@dataclass
class Printed:
    lines: list[str] = field(default_factory=list)
    inverted: list[str] = field(default_factory=list)  # lines printed white on black (banners)
    bold: list[str] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    qr_module_sizes: list[int] = field(default_factory=list)
    cuts: int = 0
    status_queries: list[int] = field(default_factory=list)
    initialised: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# ESC and GS commands with a fixed number of parameter bytes: what python-escpos emits for our receipts.
_ESC_ARGS = {
    b"@": 0,
    b"a": 1,
    b"E": 1,
    b"-": 1,
    b"t": 1,
    b"d": 1,
    b"M": 1,
    b"!": 1,
    b"G": 1,
    b"{": 1,
    b"2": 0,
    b"3": 1,
}
_GS_ARGS = {b"B": 1, b"!": 1, b"b": 1}


def _commands(data: bytes):
    """Yield ('text', bytes) | ('esc', cmd, args) | ('gs', cmd, args) | ('qr', fn, payload) | ('cut', m) |
    ('status', n). Unknown commands raise, so a test notices bytes it does not understand."""
    i = 0
    text = bytearray()
    while i < len(data):
        b = data[i]
        if b in (0x1B, 0x1D, 0x10):
            if text:
                yield ("text", bytes(text))
                text = bytearray()
        if b == 0x10 and data[i + 1 : i + 2] == b"\x04":
            yield ("status", data[i + 2])
            i += 3
        elif b == 0x1B:
            cmd = data[i + 1 : i + 2]
            if cmd not in _ESC_ARGS:
                raise ValueError(f"unknown ESC {cmd!r} at {i}")
            n = _ESC_ARGS[cmd]
            yield ("esc", cmd, data[i + 2 : i + 2 + n])
            i += 2 + n
        elif b == 0x1D:
            cmd = data[i + 1 : i + 2]
            if cmd == b"(" and data[i + 2 : i + 3] == b"k":
                length = data[i + 3] + 256 * data[i + 4]
                body = data[i + 5 : i + 5 + length]  # cn fn [m] data
                yield ("qr", body[1:2], body)
                i += 5 + length
            elif cmd == b"V":
                mode = data[i + 2]
                i += 4 if mode in (65, 66) else 3
                yield ("cut", mode)
            elif cmd in _GS_ARGS:
                n = _GS_ARGS[cmd]
                yield ("gs", cmd, data[i + 2 : i + 2 + n])
                i += 2 + n
            else:
                raise ValueError(f"unknown GS {cmd!r} at {i}")
        else:
            text.append(b)
            i += 1
    if text:
        yield ("text", bytes(text))


def decode(data: bytes) -> Printed:
    """What the paper shows: text lines (code page 437, as selected by ESC t 0), banners, QR codes, cuts."""
    out = Printed()
    inverted = bold = False
    current = ""
    line_inverted = line_bold = False

    def end_line() -> None:
        nonlocal current, line_inverted, line_bold
        out.lines.append(current)
        if line_inverted:
            out.inverted.append(current)
        if line_bold:
            out.bold.append(current)
        current, line_inverted, line_bold = "", False, False

    for event in _commands(data):
        kind = event[0]
        if kind == "text":
            for ch in event[1].decode("cp437"):
                if ch == "\n":
                    end_line()
                else:
                    current += ch
                    line_inverted |= inverted
                    line_bold |= bold
        elif kind == "esc":
            cmd, args = event[1], event[2]
            if cmd == b"@":
                out.initialised = True
            elif cmd == b"E":
                bold = bool(args[0])
            elif cmd == b"t" and args[0] != 0:
                raise ValueError(f"code page {args[0]}: the decoder reads code page 437 only")
            elif cmd == b"d":
                for _ in range(args[0]):
                    end_line()
        elif kind == "gs" and event[1] == b"B":
            inverted = bool(event[2][0])
        elif kind == "qr":
            fn, body = event[1], event[2]
            if fn == b"C":
                out.qr_module_sizes.append(body[2])
            elif fn == b"P":
                out.qr_codes.append(body[3:].decode("utf-8"))  # cn fn m data
        elif kind == "cut":
            out.cuts += 1
        elif kind == "status":
            out.status_queries.append(event[1])
    if current:
        end_line()
    return out
