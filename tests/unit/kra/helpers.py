"""Test helpers: KRA envelopes, a sample sale, and a tiny loopback HTTP server that misbehaves on purpose."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

# respx intercepts every call to this address; were it ever to fail, the request would still only
# reach the discard port of this machine.
BASE = "http://127.0.0.1:9/etims-api"
PIN = "P051234567X"
BRANCH = "00"
KEY = "c0ffee11d00d4badbeefcafe12345678"  # the shape of a sandbox CMC key (32 hex)


def envelope(
    code: Any = "000", data: Any = None, msg: str = "Successful", dt: str = "20240415153039"
) -> dict:
    return {"resultCd": code, "resultMsg": msg, "resultDt": dt, "data": data}


def sale_body(invc_no: int = 7, **overrides: Any) -> dict:
    """A valid saveTrnsSalesOsdc body in KRA names (net convention: 2 x 3500 at 16 %)."""
    zero = Decimal("0")
    body = {
        "invcNo": invc_no,
        "orgInvcNo": 0,
        "trdInvcNo": "INV/2024/0007",
        "custTin": "A000123456F",
        "custNm": "Wanjiku Stores",
        "salesTyCd": "N",
        "rcptTyCd": "S",
        "pmtTyCd": "01",
        "salesSttsCd": "02",
        "cfmDt": "20240415153000",
        "salesDt": "20240415",
        "totItemCnt": 1,
        **{f"taxblAmt{t}": zero for t in "ACDE"},
        "taxblAmtB": Decimal("7000"),
        **{f"taxAmt{t}": zero for t in "ACDE"},
        "taxAmtB": Decimal("1120"),
        "taxRtA": zero,
        "taxRtB": Decimal("16"),
        "taxRtC": zero,
        "taxRtD": zero,
        "taxRtE": Decimal("8"),
        "totTaxblAmt": Decimal("7000"),
        "totTaxAmt": Decimal("1120"),
        "totAmt": Decimal("8120"),
        "prchrAcptcYn": "N",
        "regrId": "etims-desktop",
        "regrNm": "etims-desktop",
        "modrId": "etims-desktop",
        "modrNm": "etims-desktop",
        "receipt": {"custTin": "A000123456F", "rcptPbctDt": "20240415153000", "prchrAcptcYn": "N"},
        "itemList": [
            {
                "itemSeq": 1,
                "itemCd": "KE2NTU0000001",
                "itemClsCd": "5059690800",
                "itemNm": "Maize flour 2kg",
                "pkgUnitCd": "NT",
                "pkg": Decimal("2"),
                "qtyUnitCd": "U",
                "qty": Decimal("2"),
                "prc": Decimal("3500"),
                "splyAmt": Decimal("7000"),
                "dcRt": zero,
                "dcAmt": zero,
                "taxTyCd": "B",
                "taxblAmt": Decimal("7000"),
                "taxAmt": Decimal("1120"),
                "totAmt": Decimal("8120"),
            }
        ],
    }
    body.update(overrides)
    return body


SIGNED = {
    "curRcptNo": 169,
    "totRcptNo": 169,
    "intrlData": "GRKJVWYCFBPTYQ225X2UEYONVE",
    "rcptSign": "QUII27MATATSHFRB",
    "sdcDateTime": "20240415153039",
}

Behaviour = Callable[[asyncio.StreamWriter], Awaitable[None]]


class Loopback:
    """An HTTP/1.1 server on 127.0.0.1 that reads one request per connection and then does `behaviour`."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[tuple[bytes, bytes]] = []  # (head, body) as received
        self.release = asyncio.Event()  # lets a hanging behaviour finish at teardown
        self._writers: list[asyncio.StreamWriter] = []

    async def __aenter__(self) -> Loopback:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/etims-api"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.release.set()
        self.server.close()
        for writer in self._writers:
            writer.close()
        await self.server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.append(writer)
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = await reader.readexactly(length)
            self.requests.append((head, body))
            await self.behaviour(writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    # --- behaviours ---

    @staticmethod
    def reply(status: int, body: bytes | str | dict, content_type: str = "application/json") -> Behaviour:
        raw = json.dumps(body).encode() if isinstance(body, dict) else body
        raw = raw.encode() if isinstance(raw, str) else raw

        async def behaviour(writer: asyncio.StreamWriter) -> None:
            writer.write(
                f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {len(raw)}\r\n"
                "Connection: close\r\n\r\n".encode()
                + raw
            )
            await writer.drain()

        return behaviour

    def hang(self) -> Behaviour:
        async def behaviour(writer: asyncio.StreamWriter) -> None:
            await self.release.wait()

        return behaviour

    def trickle(self, every: float, head: bytes | None = None) -> Behaviour:
        """Answer headers at once, then one body byte every `every` seconds until released: each byte
        comes well within any read timeout, so only a deadline on the whole request ends the wait."""
        self.trickled = 0

        async def behaviour(writer: asyncio.StreamWriter) -> None:
            writer.write(
                head or b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
            )
            while not self.release.is_set():
                writer.write(b" ")
                await writer.drain()
                self.trickled += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.release.wait(), every)

        return behaviour

    def flood(self, chunk: int = 65536) -> Behaviour:
        """A chunked answer that never ends (no Content-Length to refuse it by); `hung_up` is set when the
        client closes the connection on it."""
        self.hung_up = asyncio.Event()

        async def behaviour(writer: asyncio.StreamWriter) -> None:
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            data = f"{chunk:x}\r\n".encode() + b" " * chunk + b"\r\n"
            try:
                while not self.release.is_set():
                    writer.write(data)
                    await writer.drain()
            except ConnectionError:
                self.hung_up.set()
                raise

        return behaviour

    @staticmethod
    async def drop(writer: asyncio.StreamWriter) -> None:
        """Close the connection after reading the request: no status line at all."""
        writer.close()

    @staticmethod
    async def half_answer(writer: asyncio.StreamWriter) -> None:
        """Send headers promising a body, part of the body, then hang up."""
        writer.write(
            b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"resu'
        )
        await writer.drain()
        writer.close()
