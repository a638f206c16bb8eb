"""The async eTIMS client: one device's calls to KRA's OSCU API or to a local VSCU service.

It runs on one shared `httpx.AsyncClient` (never one per call), knows nothing of Qt, and turns every
outcome into either a typed reply or a typed `KraError` (see errors.py)::

    import asyncio
    from etims_desktop.kra.client import KraClient, make_http_client
    from etims_desktop.kra.environments import SANDBOX_BASE_URL
    from etims_desktop.kra.errors import Duplicate, OutcomeUnknown

    async def main():
        async with make_http_client() as http:
            kra = KraClient(http, SANDBOX_BASE_URL, tin="P051234567X", bhf_id="00", cmc_key=key)
            codes = await kra.select_codes(None)            # everything; keep codes.result_dt
            try:
                reply = await kra.save_sale(sale_request)   # SaleReply: rcpt_sign, intrl_data, ...
            except OutcomeUnknown:                          # sent, no answer: ask before resending
                details = await kra.select_invoice_details(sale_request.invc_no)

    asyncio.run(main())

A VSCU service: `KraClient(http, "http://localhost:8088", tin=..., bhf_id=..., vscu=True,
style=EndpointStyle.NESTED)` - tin/bhfId also go in the body and no CMC key is needed (the service
holds it). Logging goes to "etims_desktop.kra": endpoint, result code and time, never headers or keys.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
import time
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import certifi
import httpx
from pydantic import BaseModel, ValidationError

from etims_desktop import __version__
from etims_desktop.domain.addresses import cleartext_refusal, sends_in_clear
from etims_desktop.domain.device import EndpointStyle
from etims_desktop.kra.dates import EVERYTHING, format_datetime, now_nairobi
from etims_desktop.kra.endpoints import GATEWAY_BODY_IDS, Endpoint, path_for
from etims_desktop.kra.envelope import Envelope
from etims_desktop.kra.errors import (
    NO_RESULT,
    SUCCESS,
    BadHttpStatus,
    BusinessRejection,
    ConnectFailed,
    InsecureAddress,
    KraError,
    MalformedReply,
    MissingCredentials,
    OutcomeUnknown,
    document_refusal,
    error_for_result,
    normalise_result_code,
    sale_refusal,
)
from etims_desktop.kra.gateway_auth import AccessTokens
from etims_desktop.kra.gateway_replies import AccessTokenRejected, read_gateway_reply
from etims_desktop.kra.models import (
    Branch,
    CodeClass,
    Customer,
    CustomerRequest,
    ImportItem,
    InitInfo,
    InitRequest,
    InvoiceDetails,
    InvoiceDetailsRequest,
    ItemClass,
    ItemSaveRequest,
    KeptBody,
    KraRequest,
    Lookup,
    LookupRequest,
    Notice,
    RegisteredItem,
    SaleReply,
    SaleRequest,
    SupplierInvoice,
)
from etims_desktop.kra.redaction import redact, register_secret
from etims_desktop.kra.transport import AiohttpTransport, ReplyTooLarge

log = logging.getLogger("etims_desktop.kra")

# Odoo's production values: 30 s to initialise, 120 s for the rest ("eTIMS can often have congestion").
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=120.0, write=30.0, pool=10.0)
INIT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
CHECK_TIMEOUT = httpx.Timeout(connect=10.0, read=20.0, write=20.0, pool=10.0)  # a live check must be quick
CHECK_LOOKBACK = timedelta(minutes=10)
# The most a whole request may take, answer included: the timeouts above bound each wait for a byte,
# so a host that trickles a byte every few seconds would otherwise hold a device (and `sync`) forever.
DEFAULT_DEADLINE = 60.0
DEFAULT_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=10, keepalive_expiry=15.0)

# httpx errors raised before any byte of the request left this computer.
_NOTHING_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
    httpx.InvalidURL,
)

M = TypeVar("M", bound=BaseModel)


@functools.cache
def tls_context() -> ssl.SSLContext:
    """Certificate-verifying TLS context (certifi's CA bundle, as httpx uses), built once per process."""
    return ssl.create_default_context(cafile=certifi.where())


class NoCookies(httpx.Cookies):
    """A cookie store that keeps none. eTIMS sets no cookies, and reading every answer for them
    (httpx builds urllib request/response stand-ins each time) cost ~6 % of a sale's CPU."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class EtimsHttpClient(httpx.AsyncClient):
    """httpx's AsyncClient, without cookies (see NoCookies)."""

    _no_cookies = NoCookies()

    @property
    def cookies(self) -> httpx.Cookies:
        return self._no_cookies

    @cookies.setter
    def cookies(self, value: Any) -> None:
        if value:
            raise ValueError("the eTIMS client keeps no cookies")

    async def aclose_this_loop(self) -> None:
        """Close the connections the running event loop opened, when the transport keeps them per
        loop (a Sync run on its own loop ends with this); the client stays usable on other loops."""
        close = getattr(self._transport, "aclose_this_loop", None)
        if close is not None:
            await close()


def make_http_client(
    *,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    limits: httpx.Limits = DEFAULT_LIMITS,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """The one shared HTTP client: explicit timeouts and connection limits, TLS verification on.

    It sends through aiohttp (kra/transport.py: half the CPU per request); pass `transport` for
    another one, e.g. httpx.AsyncHTTPTransport() or a MockTransport in tests."""
    return EtimsHttpClient(
        timeout=timeout,
        limits=limits,
        verify=tls_context(),  # verification stays on; the context is only built once
        follow_redirects=False,  # a redirect is not an eTIMS answer; never re-post a sale elsewhere
        transport=transport or AiohttpTransport(verify=tls_context(), limits=limits),
        headers={"User-Agent": f"etims-desktop/{__version__}"},
    )


class KraClient:
    """All eTIMS calls of one device (one PIN + branch). Keeps no state between calls: sending one sale
    at a time, in invcNo order, is the caller's job (the outbox drain)."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        *,
        tin: str,
        bhf_id: str,
        cmc_key: str | None = None,
        style: EndpointStyle = EndpointStyle.FLAT,
        vscu: bool = False,
        timeout: httpx.Timeout | None = None,
        init_timeout: httpx.Timeout | None = None,
        check_timeout: httpx.Timeout | None = None,
        deadline: float | None = None,
        gateway: AccessTokens | None = None,
    ) -> None:
        self._http = http
        # KRA's API gateway (developer.go.ke): its paths, a bearer token and the app id on every call,
        # wrapped replies (gateway_replies.py). None: the classic host or a VSCU service.
        self.gateway = gateway
        self.base_url = base_url.rstrip("/")
        self.tin = tin
        self.bhf_id = bhf_id
        self._cmc_key = (cmc_key or "").strip() or None
        register_secret(self._cmc_key)  # whoever else handles it should too; this makes sure
        self.style = EndpointStyle.GATEWAY if gateway is not None else EndpointStyle(style)
        self.vscu = vscu
        # An explicit per-client timeout applies to every call unless a specific one is given.
        self.timeout = timeout or DEFAULT_TIMEOUT
        self.init_timeout = init_timeout or timeout or INIT_TIMEOUT
        self.check_timeout = check_timeout or timeout or CHECK_TIMEOUT
        self.deadline = deadline if deadline and deadline > 0 else DEFAULT_DEADLINE
        # Over plain http to another computer the key would travel readable: a VSCU service holds its
        # own key, so it gets none; an OSCU call is refused before anything is sent (_auth_headers).
        self._in_clear = sends_in_clear(self.base_url)
        self._where = f"the VSCU service at {self.base_url}" if vscu else "KRA"
        self._urls: dict[str, httpx.URL] = {}

    def __repr__(self) -> str:
        key = "set" if self._cmc_key else "none"
        return (
            f"KraClient({self.base_url!r}, tin={self.tin!r}, bhf_id={self.bhf_id!r}, style={self.style.value}, "
            f"vscu={self.vscu}, cmc_key={key}, gateway={self.gateway is not None})"
        )

    # --- calls --------------------------------------------------------------------------------------------

    async def initialise(self, serial: str) -> InitInfo:
        """selectInitOsdcInfo: ask KRA for this device's CMC key and SCU id. KRA answers this ONCE.

        Raises AlreadyInitialised (902, `.info` holds any data sent along), DeviceNotRecognised (901),
        WrongDeviceType (903), or a transport error.
        """
        request = InitRequest(tin=self.tin, bhf_id=self.bhf_id, dvc_srl_no=serial)
        envelope = await self._call(
            Endpoint.INITIALISE, request, authenticated=False, timeout=self.init_timeout
        )
        if envelope.code not in (SUCCESS, NO_RESULT):
            info = _init_info(envelope.data) if envelope.code == "902" else None
            raise self._result_error(envelope, Endpoint.INITIALISE, info=info)
        info = _init_info(envelope.data)
        if info is None:
            raise MalformedReply(
                f"{self._where_title} accepted the initialisation but sent no device details.",
                code="BODY",
                endpoint=Endpoint.INITIALISE.value,
            )
        register_secret(info.cmc_key_value)
        return info

    async def select_codes(self, last_req_dt: datetime | str | None) -> Lookup[CodeClass]:
        """selectCodeList: code classes changed after `last_req_dt` (None: everything)."""
        return await self._lookup(Endpoint.CODES, "clsList", CodeClass, last_req_dt)

    async def select_item_classes(self, last_req_dt: datetime | str | None) -> Lookup[ItemClass]:
        """selectItemClsList: item classification codes (a large list)."""
        return await self._lookup(Endpoint.ITEM_CLASSES, "itemClsList", ItemClass, last_req_dt)

    async def select_branches(self, last_req_dt: datetime | str | None) -> Lookup[Branch]:
        """selectBhfList: the taxpayer's branches."""
        return await self._lookup(Endpoint.BRANCHES, "bhfList", Branch, last_req_dt)

    async def select_notices(self, last_req_dt: datetime | str | None) -> Lookup[Notice]:
        """selectNoticeList: KRA's notices."""
        return await self._lookup(Endpoint.NOTICES, "noticeList", Notice, last_req_dt)

    async def select_items(self, last_req_dt: datetime | str | None) -> Lookup[RegisteredItem]:
        """selectItemList: items this taxpayer registered."""
        return await self._lookup(Endpoint.ITEMS, "itemList", RegisteredItem, last_req_dt)

    async def select_purchases(self, last_req_dt: datetime | str | None) -> Lookup[SupplierInvoice]:
        """selectTrnsPurchaseSalesList: suppliers' invoices to our PIN since `last_req_dt`."""
        return await self._lookup(Endpoint.PURCHASE_SALES, "saleList", SupplierInvoice, last_req_dt)

    async def select_imports(self, last_req_dt: datetime | str | None) -> Lookup[ImportItem]:
        """selectImportItemList: customs import lines addressed to us since `last_req_dt`."""
        return await self._lookup(Endpoint.IMPORT_ITEMS, "itemList", ImportItem, last_req_dt)

    async def select_customer(self, pin: str) -> Customer | None:
        """selectCustomer: the taxpayer registered under `pin`, or None if KRA knows none."""
        data = await self._data(Endpoint.CUSTOMER, CustomerRequest(custm_tin=pin))
        rows = _rows(data, "custList")
        return self._parse(Customer, rows[0], Endpoint.CUSTOMER) if rows else None

    async def save_item(self, item: ItemSaveRequest) -> None:
        """saveItem: register or update an item (by itemCd)."""
        await self._data(Endpoint.SAVE_ITEM, item)

    async def save_sale(self, sale: SaleRequest) -> SaleReply:
        """saveTrnsSalesOsdc (VSCU: saveSales): have a sale or credit note signed.

        An OutcomeUnknown (or BadHttpStatus / MalformedReply) means KRA may have signed it: ask with
        `select_invoice_details(sale.invc_no)` before resending, and resend only with the same number.
        """
        envelope = await self._call(Endpoint.SAVE_SALE, sale)
        data = self._unwrap(envelope, Endpoint.SAVE_SALE)
        reply = self._parse(SaleReply, data, Endpoint.SAVE_SALE) if isinstance(data, dict) else None
        if reply is None or not reply.rcpt_sign:
            raise MalformedReply(
                f"{self._where_title} accepted the sale but its answer has no receipt signature.",
                endpoint=Endpoint.SAVE_SALE.value,
            )
        return reply.kept(envelope.request_body, envelope.reply_body)  # what KRA signed, byte for byte

    async def send_document(self, endpoint: Endpoint, body: dict[str, Any]) -> None:
        """insertStockIO, saveStockMaster, insertTrnsPurchase or updateImportItem with a body kept as
        sent (the document queue). A refusal saying KRA already has it (994, "already exists") raises
        AlreadyRecorded: the earlier send arrived. OutcomeUnknown: send the same body again."""
        try:
            await self._data(endpoint, KeptBody.of(body))
        except BusinessRejection as exc:
            raise document_refusal(exc) from None

    async def select_invoice_details(self, invc_no: int) -> InvoiceDetails | None:
        """selectInvoiceDetails: KRA's record of sale `invc_no` with its signature, or None (001)."""
        envelope = await self._call(Endpoint.INVOICE_DETAILS, InvoiceDetailsRequest(invc_no=invc_no))
        rows = _rows(self._unwrap(envelope, Endpoint.INVOICE_DETAILS), "salesList")
        if not rows:
            return None
        # KRA's own record of the sale: kept as the signed document when the first answer was lost.
        return self._parse(InvoiceDetails, rows[0], Endpoint.INVOICE_DETAILS).kept(None, envelope.reply_body)

    async def check(self) -> float:
        """A cheap authenticated call (recent notices; 001 counts as success). Returns round-trip seconds."""
        # "Since a few minutes ago", not "now": a PC clock slightly ahead must not ask about the future.
        request = LookupRequest(last_req_dt=format_datetime(now_nairobi() - CHECK_LOOKBACK))
        started = time.perf_counter()
        await self._data(Endpoint.NOTICES, request, timeout=self.check_timeout)
        return time.perf_counter() - started

    # --- plumbing -----------------------------------------------------------------------------------------

    @property
    def _where_title(self) -> str:
        return self._where[0].upper() + self._where[1:]

    async def _lookup(
        self, endpoint: Endpoint, list_key: str, model: type[M], last_req_dt: datetime | str | None
    ) -> Lookup[M]:
        since = last_req_dt or EVERYTHING
        envelope = await self._call(
            endpoint,
            LookupRequest(last_req_dt=format_datetime(since) if isinstance(since, datetime) else since),
        )
        data = self._unwrap(envelope, endpoint)
        items = [self._parse(model, row, endpoint) for row in _rows(data, list_key)]
        return Lookup(items=items, result_dt=envelope.result_dt)

    async def _data(
        self, endpoint: Endpoint, request: KraRequest, timeout: httpx.Timeout | None = None
    ) -> Any:
        """Send and return `data` of a success, None for 001; raise the typed error otherwise."""
        return self._unwrap(await self._call(endpoint, request, timeout=timeout), endpoint)

    def _unwrap(self, envelope: Envelope, endpoint: Endpoint) -> Any:
        if envelope.code == SUCCESS:
            return envelope.data
        if envelope.code == NO_RESULT:
            return None
        raise self._result_error(envelope, endpoint)

    def _result_error(self, envelope: Envelope, endpoint: Endpoint, info: Any = None) -> KraError:
        error = error_for_result(
            envelope.code,
            self._scrub(envelope.message),
            endpoint=endpoint.value,
            retry_after=envelope.retry_after,
            info=info,
        )
        return sale_refusal(error) if endpoint is Endpoint.SAVE_SALE else error

    def _parse(self, model: type[M], row: Any, endpoint: Endpoint) -> M:
        try:
            return model.model_validate(row)
        except ValidationError as exc:
            raise MalformedReply(
                f"{self._where_title} sent an answer in an unexpected shape.",
                endpoint=endpoint.value,
                detail=self._scrub(f"{model.__name__}: {exc.error_count()} invalid field(s)"),
            ) from None

    async def _call(
        self,
        endpoint: Endpoint,
        request: KraRequest,
        *,
        authenticated: bool = True,
        timeout: httpx.Timeout | None = None,
    ) -> Envelope:
        """POST one request and read KRA's envelope. Raises only KraError subclasses."""
        path = path_for(endpoint, self.style)
        body = request.wire_json(self._body_ids(endpoint))
        started = time.perf_counter()
        try:
            if self.gateway is not None:
                envelope = await self._gateway_exchange(endpoint, path, body, authenticated, timeout)
            else:
                headers = self._auth_headers() if authenticated else {}
                headers["Content-Type"] = "application/json"
                response = await self._post(endpoint, path, body, headers, timeout)
                envelope = self._envelope(response, endpoint, body)
        except KraError as err:
            log.warning(
                "POST %s -> %s (%s) after %.3f s%s",
                path,
                err.code,
                type(err).__name__,
                time.perf_counter() - started,
                f": {err.detail}" if err.detail else "",
            )
            raise
        level = logging.DEBUG if envelope.code in (SUCCESS, NO_RESULT) else logging.INFO
        log.log(level, "POST %s -> %s in %.3f s", path, envelope.code, time.perf_counter() - started)
        return envelope

    async def _post(
        self,
        endpoint: Endpoint,
        path: str,
        body: bytes,
        headers: dict[str, str],
        timeout: httpx.Timeout | None,
    ) -> httpx.Response:
        try:
            async with asyncio.timeout(self.deadline):
                return await self._http.post(
                    self._url(path), content=body, headers=headers, timeout=timeout or self.timeout
                )
        except (httpx.RequestError, httpx.InvalidURL) as exc:
            raise self._transport_error(exc, endpoint) from None
        except TimeoutError:  # only our deadline: the transport reports its own timeouts as httpx errors
            raise OutcomeUnknown(
                f"{self._where_title} did not finish answering within {self.deadline:g} seconds; "
                "the request may or may not have arrived.",
                code="TIMEOUT",
                endpoint=endpoint.value,
                detail=f"deadline of {self.deadline:g} s passed",
            ) from None

    async def _gateway_exchange(
        self, endpoint: Endpoint, path: str, body: bytes, authenticated: bool, timeout: httpx.Timeout | None
    ) -> Envelope:
        """One call through the gateway. A 401 means the token was refused before anything reached
        eTIMS, so the call is sent once more with a fresh token; a second 401 is reported."""
        assert self.gateway is not None  # only called for a device on the gateway
        for attempt in (1, 2):
            token = await self.gateway.get()
            headers = self._gateway_headers(token, authenticated)
            response = await self._post(endpoint, path, body, headers, timeout)
            try:
                envelope = read_gateway_reply(
                    response.status_code,
                    response.content,
                    endpoint=endpoint.value,
                    retry_after=_retry_after(response),
                    content_type=response.headers.get("content-type", ""),
                )
                # The exchange byte for byte, kept with a signed sale (what KRA signed).
                return replace(envelope, request_body=body, reply_body=response.content)
            except AccessTokenRejected:
                if attempt == 2:
                    raise
                log.info("POST %s -> 401: renewing the gateway access token and sending once more", path)
                self.gateway.invalidate(token)
        raise AssertionError("unreachable")

    def _gateway_headers(self, token: str, authenticated: bool) -> dict[str, str]:
        assert self.gateway is not None
        if authenticated and self._cmc_key is None:
            self._auth_headers()  # raises MissingCredentials
        headers = {
            "Authorization": f"Bearer {token}",
            "apigee_app_id": self.gateway.apigee_app_id,
            "tin": self.tin,
            "bhfId": self.bhf_id,
            "Content-Type": "application/json",
        }
        if authenticated and self._cmc_key:
            headers["cmcKey"] = self._cmc_key
        return headers

    def _body_ids(self, endpoint: Endpoint) -> dict[str, str] | None:
        """tin and bhfId in the body too: always for a VSCU service, for a few calls on the gateway."""
        if self.vscu or (self.gateway is not None and endpoint in GATEWAY_BODY_IDS):
            return {"tin": self.tin, "bhfId": self.bhf_id}
        return None

    def _url(self, path: str) -> httpx.URL:
        """The endpoint's address, parsed once per endpoint rather than once per request."""
        url = self._urls.get(path)
        if url is None:
            url = self._urls[path] = httpx.URL(self.base_url + path)
        return url

    def _auth_headers(self) -> dict[str, str]:
        if self._cmc_key is None and not self.vscu:
            raise MissingCredentials(
                "This device has no CMC key on this computer.",
                "Initialise the device, or enter the CMC key KRA gave you.",
                code="NO_KEY",
            )
        headers = {"tin": self.tin, "bhfId": self.bhf_id}
        if self._cmc_key and self._in_clear:
            if not self.vscu:
                raise InsecureAddress(*cleartext_refusal(self.base_url))
        elif self._cmc_key:
            headers["cmcKey"] = self._cmc_key
        return headers

    def _transport_error(self, exc: Exception, endpoint: Endpoint) -> KraError:
        detail = self._scrub(f"{type(exc).__name__}: {exc}")
        if isinstance(exc, ReplyTooLarge):
            return MalformedReply(
                f"{self._where_title}'s answer was far larger than any eTIMS answer, so it was not read; "
                "the request may or may not have arrived.",
                "Nothing to do: the app asks again later. If it keeps happening, check the device's address.",
                endpoint=endpoint.value,
                detail=detail,
            )
        if isinstance(exc, httpx.DecodingError):  # an answer came, but its encoding is broken
            return MalformedReply(
                f"{self._where_title}'s answer could not be decoded.", endpoint=endpoint.value, detail=detail
            )
        if isinstance(exc, _NOTHING_SENT):
            if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
                plain = f"The address {self.base_url} is not a valid web address."
                next_step = "Correct the device's address (for example http://localhost:8088)."
            elif self.vscu:
                plain = f"Could not connect to {self._where}."
                next_step = "Start the KRA VSCU service on that computer, or correct its address."
            else:
                plain, next_step = None, None  # ConnectFailed's defaults speak of KRA and the internet
            return ConnectFailed(plain, next_step, endpoint=endpoint.value, detail=detail)
        if isinstance(exc, httpx.TimeoutException):
            return OutcomeUnknown(
                f"{self._where_title} did not answer in time; the request may or may not have arrived.",
                code="TIMEOUT",
                endpoint=endpoint.value,
                detail=detail,
            )
        return OutcomeUnknown(
            f"The connection to {self._where} broke before the answer arrived; the request may or may not "
            "have arrived.",
            code="DROPPED",
            endpoint=endpoint.value,
            detail=detail,
        )

    def _envelope(self, response: httpx.Response, endpoint: Endpoint, body: bytes = b"") -> Envelope:
        status = response.status_code
        content = response.content
        if status != 200:
            raise BadHttpStatus(
                f"{self._where_title} answered with HTTP error {status} instead of data.",
                status=status,
                endpoint=endpoint.value,
                detail=f"HTTP {status} {response.reason_phrase}",
            )
        try:
            payload = json.loads(content, parse_float=Decimal)
        except (ValueError, UnicodeDecodeError, RecursionError):  # hostile nesting is a bad reply too
            # Judge by the body, not the label: some servers call JSON text/html, and the reverse.
            content_type = response.headers.get("content-type", "").lower()
            if content.lstrip()[:1] == b"<" or "html" in content_type:
                raise BadHttpStatus(
                    f"{self._where_title} answered with a web page instead of data.",
                    status=status,
                    endpoint=endpoint.value,
                    detail=f"HTTP {status}, {content_type or 'no content type'}",
                ) from None
            raise self._malformed("is not JSON", endpoint) from None
        if not isinstance(payload, dict):
            raise self._malformed(f"is a JSON {type(payload).__name__}, not an object", endpoint)
        if payload.get("resultCd") in (None, ""):
            raise self._malformed("has no result code (resultCd)", endpoint)
        message = payload.get("resultMsg")
        return Envelope(
            code=normalise_result_code(payload["resultCd"]),
            message=None if message is None else str(message),
            raw_result_dt=payload.get("resultDt"),
            data=payload.get("data"),
            retry_after=_retry_after(response),
            request_body=body,
            reply_body=content,
        )

    def _malformed(self, what: str, endpoint: Endpoint) -> MalformedReply:
        return MalformedReply(
            f"{self._where_title}'s answer could not be understood: it {what}.",
            endpoint=endpoint.value,
            detail=f"answer {what}",
        )

    def _scrub(self, text: str | None) -> str | None:
        """Mask this client's key even if nobody registered it (defence in depth)."""
        text = redact(text)
        if text and self._cmc_key:
            text = text.replace(self._cmc_key, "***")
        return text


def _rows(data: Any, list_key: str) -> list[Any]:
    """The records under `list_key` (also accepting a bare list or a single object)."""
    if isinstance(data, dict):
        data = data.get(list_key)
    if isinstance(data, dict):
        data = [data]
    return [row for row in data if isinstance(row, dict)] if isinstance(data, list) else []


def _init_info(data: Any) -> InitInfo | None:
    if not isinstance(data, dict):
        return None
    info = data.get("info", data)
    if not isinstance(info, dict) or not info:
        return None
    return InitInfo.model_validate(info)  # every field is tolerant: this cannot fail on content


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None
