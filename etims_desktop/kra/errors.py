"""Everything that can go wrong talking to KRA or a VSCU service, as typed errors with plain words.

Every error has `.code` (KRA's resultCd, or a pseudo code: CONNECT, TIMEOUT, DROPPED, HTTP, BODY,
NO_KEY), `.plain` (a sentence a shop owner understands), `.next_step` (what to do) and, for KRA answers,
`.kra_message` (KRA's own resultMsg - it often names the faulty field). Catch by category:

    KraError
    |-- BusinessRejection      the request itself is wrong: fix the sale/item (910-913, 921?, 834, 500)
    |   |-- RequestRejected
    |   `-- SequenceOutOfStep  a strict host refused the sale's invcNo and named the one it expected
    |-- Duplicate              KRA already has it: fetch its signature (994, 921)
    |   `-- AlreadyRecorded
    |-- CredentialError        the device or its key is not accepted (900-903, 905)
    |   |-- MissingCredentials, DeviceNotRecognised, AlreadyInitialised, WrongDeviceType
    |   `-- GatewayAccessDenied  the gateway refused the consumer key/secret or the access token
    |-- TemporaryKraFault      KRA or the VSCU service failed; the same request may work later
    |   |-- KraServerFault (999, 894, 991-993, 995), SlowDown (990), VscuServiceFault (891-899)
    |-- UnexpectedResult       a result code we do not know
    `-- TransportError         no usable HTTP answer
        |-- ConnectFailed      nothing was sent (refused, DNS, connect timeout)
        |-- OutcomeUnknown     sent, but no answer: KRA may have processed it
        |-- BadHttpStatus      HTTP status other than 200, or an HTML error page
        |   `-- UnknownEndpoint  the gateway (Apigee) does not know the address (HTTP 500 "fault")
        `-- MalformedReply     not JSON, not an object, or no resultCd

`000` (and 00, 0000, 0) is success and `001` an empty result: neither is an error.
All text passes through `redaction.redact`, so a registered CMC key never shows in an error.
"""

from __future__ import annotations

import re
from typing import Any

from etims_desktop.domain.errors import PlainError
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra.redaction import redact

SUCCESS = "000"
NO_RESULT = "001"
DEFAULT_SLOW_DOWN_SECONDS = 60.0


class KraError(PlainError):
    """Base class (the one error protocol: `plain`, `next_step`). `str(err)` is the plain sentence."""

    default_code = "KRA"
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA did not accept the request.")
    default_next_step = QT_TRANSLATE_NOOP("Core", "Try again later. If it keeps happening, contact support.")

    def __init__(
        self,
        plain: str | None = None,
        next_step: str | None = None,
        *,
        code: str | None = None,
        kra_message: str | None = None,
        endpoint: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.code = code or self.default_code
        self.plain: str = redact(plain or self.default_plain) or self.default_plain
        self.next_step: str | None = redact(next_step or self.default_next_step)
        self.kra_message = redact(kra_message)
        self.endpoint = endpoint
        self.detail = redact(detail)  # technical detail for logs (e.g. "ReadTimeout"), never a secret
        Exception.__init__(self, self.plain)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, plain={self.plain!r}, endpoint={self.endpoint!r})"


# --- answers carrying a resultCd -------------------------------------------------------------------


class BusinessRejection(KraError):
    """KRA refused the content of the request; sending it again unchanged will fail again."""


class RequestRejected(BusinessRejection):
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA refused the request.")
    default_next_step = QT_TRANSLATE_NOOP("Core", "Correct what KRA names, then send it again.")


class SequenceOutOfStep(BusinessRejection):
    """KRA enforces the invoice sequence and refused our number: `expected` is the number KRA wanted,
    `found` the one we sent. expected == found + 1 means KRA already has `found` (see sale_refusal)."""

    default_plain = QT_TRANSLATE_NOOP("Core", "KRA expected a different invoice number.")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Nothing to do: the app checks with KRA which numbers it has before sending again."
    )

    def __init__(self, *args: Any, expected: int, found: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected = expected
        self.found = found


class Duplicate(KraError):
    """KRA already holds a record under this number: the earlier send arrived."""


class AlreadyRecorded(Duplicate):
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA already has this sale.")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Nothing to do: the app fetches the receipt KRA already signed."
    )


class CredentialError(KraError):
    """The device, its PIN/branch or its CMC key is not accepted."""


class MissingCredentials(CredentialError):
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA did not receive this device's PIN, branch or CMC key.")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Initialise the device, or enter the CMC key KRA gave you, then try again."
    )


class InsecureAddress(CredentialError):
    """The device's address is plain http to another computer: its CMC key is never sent there."""

    default_code = "INSECURE_URL"


class DeviceNotRecognised(CredentialError):
    default_plain = QT_TRANSLATE_NOOP(
        "Core",
        "KRA does not recognise this device: check the PIN, branch and serial you were approved for, "
        "and sandbox vs production.",
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "Core",
        "Compare them with your approval in the eTIMS portal. If they match, ask KRA (timsupport@kra.go.ke).",
    )


class AlreadyInitialised(CredentialError):
    """902. KRA issues the key once; `info` holds the reply's data if the server sent any (unverified)."""

    default_plain = QT_TRANSLATE_NOOP(
        "Core", "KRA says this device is already initialised: its CMC key was issued the first time."
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "Core",
        "Enter the CMC key and SCU id you received then. If the key is lost, ask KRA to reset the device.",
    )

    def __init__(self, *args: Any, info: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.info = info


class WrongDeviceType(CredentialError):
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA registered this device as the other type (OSCU vs VSCU).")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core",
        "Choose the type you applied for: an OSCU device talks to KRA directly, a VSCU device to the "
        "VSCU service on your computer.",
    )


class GatewayAccessDenied(CredentialError):
    """KRA's API gateway (developer.go.ke) refused the consumer key and secret, or the access token."""

    default_code = "GATEWAY_AUTH"
    default_plain = QT_TRANSLATE_NOOP(
        "Core", "KRA's API gateway did not accept this device's consumer key and secret."
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "Core",
        "Copy the consumer key and secret again from your app on developer.go.ke (sandbox and production "
        "apps have different ones), then test the connection.",
    )


class TemporaryKraFault(KraError):
    """KRA (or the VSCU service) failed on its side; the same request may work later."""

    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Nothing to do: the app tries again later. If it lasts for hours, contact KRA support."
    )


class KraServerFault(TemporaryKraFault):
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA had an internal error.")


class SlowDown(TemporaryKraFault):
    """990: too many requests. `retry_after` is how many seconds to wait before the next one."""

    default_plain = QT_TRANSLATE_NOOP("Core", "KRA asked us to slow down (too many requests).")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Nothing to do: the app pauses briefly and goes on by itself."
    )

    def __init__(self, *args: Any, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after if retry_after is not None else DEFAULT_SLOW_DOWN_SECONDS


class VscuServiceFault(TemporaryKraFault):
    """891-899: an error inside KRA's client software (the VSCU jar), not in KRA's central system."""

    default_plain = QT_TRANSLATE_NOOP("Core", "The VSCU service had an internal error.")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Restart the KRA VSCU service. If it keeps happening, check its configuration."
    )


class UnexpectedResult(KraError):
    """A result code this program does not know."""

    default_plain = QT_TRANSLATE_NOOP("Core", "KRA answered with a code this program does not know.")


# --- no usable answer --------------------------------------------------------------------------------


class TransportError(KraError):
    """No usable HTTP answer."""


class ConnectFailed(TransportError):
    """Nothing was sent: connection refused, name not resolved, connect timeout, invalid address."""

    default_code = "CONNECT"
    default_plain = QT_TRANSLATE_NOOP("Core", "Could not connect to KRA.")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Check the internet connection. Sales wait safely and go as soon as it is back."
    )


class OutcomeUnknown(TransportError):
    """The request left this computer but no answer came back: KRA may or may not have processed it."""

    default_code = "TIMEOUT"
    default_plain = QT_TRANSLATE_NOOP("Core", "The request was sent but no answer came back.")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Nothing to do: the app asks KRA whether it arrived before sending anything again."
    )


class BadHttpStatus(TransportError):
    """HTTP status other than 200, or an HTML error page. `status` is the HTTP status code."""

    default_code = "HTTP"
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA answered with an error page instead of data.")
    default_next_step = QT_TRANSLATE_NOOP("Core", "Usually temporary: the app tries again later.")

    def __init__(self, *args: Any, status: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status = status


class UnknownEndpoint(BadHttpStatus):
    """The gateway answered HTTP 500 with an Apigee `fault`: it has no service at this address."""

    default_code = "NO_ENDPOINT"
    default_plain = QT_TRANSLATE_NOOP(
        "Core", "KRA's API gateway does not know this address: nothing was processed."
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "Core",
        "Check the device's gateway address (it ends in /etims-oscu/api/v1). If it is right, please "
        "report it to support: KRA may have renamed the call.",
    )


class MalformedReply(TransportError):
    """The body is not JSON, not a JSON object, has no resultCd, or lacks data a success must carry."""

    default_code = "BODY"
    default_plain = QT_TRANSLATE_NOOP("Core", "KRA's answer could not be understood.")
    default_next_step = QT_TRANSLATE_NOOP(
        "Core", "Usually temporary: the app tries again later. If it lasts, contact support."
    )


# --- resultCd -> error ---------------------------------------------------------------------------------

_VSCU_RESTART = VscuServiceFault.default_next_step
_REPORT = QT_TRANSLATE_NOOP("Core", "This is a fault in this program: please report it to support.")

# code -> (class, plain, next step); "{message}" in plain becomes KRA's resultMsg.
RESULT_CODES: dict[str, tuple[type[KraError], str | None, str | None]] = {
    "891": (
        VscuServiceFault,
        QT_TRANSLATE_NOOP("Core", "The VSCU service could not build its request address to KRA."),
        _VSCU_RESTART,
    ),
    "892": (
        VscuServiceFault,
        QT_TRANSLATE_NOOP("Core", "The VSCU service could not build its request headers to KRA."),
        _VSCU_RESTART,
    ),
    "893": (
        VscuServiceFault,
        QT_TRANSLATE_NOOP("Core", "The VSCU service could not build its request body to KRA."),
        _VSCU_RESTART,
    ),
    "894": (
        KraServerFault,
        QT_TRANSLATE_NOOP("Core", "The VSCU service could not communicate with KRA."),
        QT_TRANSLATE_NOOP(
            "Core", "Check this computer's internet connection; the VSCU service retries by itself."
        ),
    ),
    "895": (
        VscuServiceFault,
        QT_TRANSLATE_NOOP("Core", "The VSCU service used a request method KRA does not allow."),
        _VSCU_RESTART,
    ),
    "896": (
        VscuServiceFault,
        QT_TRANSLATE_NOOP("Core", "The VSCU service got an unexpected request status from KRA."),
        _VSCU_RESTART,
    ),
    "899": (
        VscuServiceFault,
        QT_TRANSLATE_NOOP("Core", "The VSCU service reported a client error ({message})."),
        QT_TRANSLATE_NOOP(
            "Core",
            "The app checks whether the sale already arrived, then tries again. If it lasts, restart the VSCU service.",
        ),
    ),
    "900": (MissingCredentials, None, None),
    "901": (DeviceNotRecognised, None, None),
    "902": (AlreadyInitialised, None, None),
    "903": (WrongDeviceType, None, None),
    "905": (WrongDeviceType, None, None),
    "910": (
        RequestRejected,
        QT_TRANSLATE_NOOP("Core", "KRA refused it because a field is missing or wrong: {message}"),
        None,
    ),
    "911": (RequestRejected, QT_TRANSLATE_NOOP("Core", "KRA received an empty request."), _REPORT),
    "912": (
        RequestRejected,
        QT_TRANSLATE_NOOP("Core", "KRA does not offer this request at this address ({message})."),
        QT_TRANSLATE_NOOP(
            "Core", "Check the device's address and its path style (classic OSCU names or VSCU paths)."
        ),
    ),
    "913": (
        RequestRejected,
        QT_TRANSLATE_NOOP("Core", "KRA refused a code that is not in its code list: {message}"),
        QT_TRANSLATE_NOOP(
            "Core", "Choose a valid code (for example the packaging or quantity unit), then send it again."
        ),
    ),
    "834": (
        RequestRejected,
        QT_TRANSLATE_NOOP("Core", "KRA refused this combination of sale type and receipt type ({message})."),
        QT_TRANSLATE_NOOP("Core", "Use a normal sale or credit note, then send it again."),
    ),
    "500": (
        RequestRejected,
        QT_TRANSLATE_NOOP("Core", "KRA says the request body is wrong: {message}"),
        None,
    ),
    "921": (
        AlreadyRecorded,
        QT_TRANSLATE_NOOP("Core", "KRA already has this sale: it was declared earlier."),
        None,
    ),
    "922": (
        RequestRejected,
        QT_TRANSLATE_NOOP("Core", "The VSCU service wants the sale itself before its invoice data."),
        _REPORT,
    ),
    "990": (SlowDown, None, None),
    "991": (
        KraServerFault,
        QT_TRANSLATE_NOOP("Core", "KRA could not save the record (an error on KRA's side)."),
        None,
    ),
    "992": (
        KraServerFault,
        QT_TRANSLATE_NOOP("Core", "KRA could not update the record (an error on KRA's side)."),
        None,
    ),
    "993": (
        KraServerFault,
        QT_TRANSLATE_NOOP("Core", "KRA could not delete the record (an error on KRA's side)."),
        None,
    ),
    "994": (AlreadyRecorded, QT_TRANSLATE_NOOP("Core", "KRA already has a record with this number."), None),
    "995": (KraServerFault, QT_TRANSLATE_NOOP("Core", "KRA has no file to download for this request."), None),
    "999": (KraServerFault, QT_TRANSLATE_NOOP("Core", "KRA had an unknown internal error."), None),
}


_UNKNOWN_CODE_SAID = QT_TRANSLATE_NOOP(
    "Core", "KRA answered with code {code}, which this program does not know: {message}"
)


_UNKNOWN_CODE = QT_TRANSLATE_NOOP("Core", "KRA answered with code {code}, which this program does not know.")


def normalise_result_code(raw: Any) -> str:
    """KRA's resultCd as a canonical string: success variants -> 000, 1/01 -> 001, digits zero-padded."""
    code = str(raw).strip().upper()
    if code.isdigit():
        number = int(code)
        return SUCCESS if number == 0 else f"{number:03d}"
    return code


def error_for_result(
    code: str,
    kra_message: str | None = None,
    *,
    endpoint: str | None = None,
    retry_after: float | None = None,
    info: Any = None,
) -> KraError:
    """The typed error for a (normalised) non-success, non-empty result code."""
    cls, plain, next_step = RESULT_CODES.get(code, (UnexpectedResult, None, None))
    message = (kra_message or "").strip()
    if plain and "{message}" in plain:
        plain = Said(plain, message=message or f"code {code}")
    elif cls is UnexpectedResult:
        plain = (
            Said(
                _UNKNOWN_CODE_SAID,
                code=code,
                message=message,
            )
            if message
            else Said(
                _UNKNOWN_CODE,
                code=code,
            )
        )
    kwargs: dict[str, Any] = {"code": code, "kra_message": message or None, "endpoint": endpoint}
    if cls is SlowDown:
        kwargs["retry_after"] = retry_after
    if cls is AlreadyInitialised:
        kwargs["info"] = info
    return cls(plain, next_step, **kwargs)


_HAS_NUMBER = QT_TRANSLATE_NOOP("Core", "KRA already has invoice number {found}: it expects {expected} next.")
_EXPECTED_NUMBER = QT_TRANSLATE_NOOP("Core", "KRA expected invoice number {expected}, not {found}.")
_ALREADY_HAS = QT_TRANSLATE_NOOP("Core", "KRA already has this sale ({message}).")
_ALREADY_HAS_DOCUMENT = QT_TRANSLATE_NOOP("Core", "KRA already has this document ({message}).")
_TOO_LITTLE_STOCK = QT_TRANSLATE_NOOP(
    "Core", "KRA refused the sale ({message}): its records show too little stock of an item on this sale."
)
# --- what a host means by a sale refusal's words --------------------------------------------------------

# Hosts word a resent number they already hold differently: 994/921, or a 910 "already exists", or a
# strict-sequence "expected: N+1 but found: N" (KRA's 2026 gateway), or our simulator's own wording.
_SEQUENCE = re.compile(r"expected:?\s*(\d+),?\s*but\s+found:?\s*(\d+)", re.IGNORECASE)
_OUT_OF_SEQUENCE = re.compile(r"invcNo\s+(\d+)\s+is out of sequence.*?\bis\s+(\d+)", re.IGNORECASE)
_ALREADY = re.compile(r"already\s+(exists?|received|recorded|registered)|\bduplicate\b", re.IGNORECASE)


class InsufficientStock(RequestRejected):
    """KRA's 2026 gateway refuses a sale of goods whose reported stock is less than the quantity sold."""

    default_plain = QT_TRANSLATE_NOOP(
        "Core", "KRA refused the sale: its records show too little stock of an item on this sale."
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "Core",
        "Record the stock you received first - a purchase, an import, or an opening stock adjustment "
        "(Items tab, 'Adjust stock...') - then Sync and send the sale again.",
    )


_INSUFFICIENT_STOCK = re.compile(r"insufficient\s+stock", re.IGNORECASE)


def document_refusal(error: BusinessRejection) -> KraError:
    """A queued document's refusal (stock, purchase, import): words or a code saying KRA already has
    it become AlreadyRecorded (the earlier send arrived); anything else stays a refusal."""
    message = error.kra_message or ""
    if _ALREADY.search(message) or error.code == "994":
        return AlreadyRecorded(
            Said(_ALREADY_HAS_DOCUMENT, message=message.strip() or error.code),
            code=error.code,
            kra_message=error.kra_message,
            endpoint=error.endpoint,
        )
    return error


def sale_refusal(error: KraError) -> KraError:
    """A sale's refusal as what it means: a BusinessRejection whose words say the number is already held
    becomes AlreadyRecorded; one naming the expected number becomes SequenceOutOfStep (or AlreadyRecorded
    when KRA expects the number after ours: it has ours). Anything else is returned unchanged."""
    if not isinstance(error, BusinessRejection) or isinstance(error, SequenceOutOfStep):
        return error
    message = error.kra_message or ""
    kwargs = {"code": error.code, "kra_message": error.kra_message, "endpoint": error.endpoint}
    expected = found = None
    if match := _SEQUENCE.search(message):
        expected, found = int(match[1]), int(match[2])
    elif match := _OUT_OF_SEQUENCE.search(message):
        found, expected = int(match[1]), int(match[2])
    if expected is not None and found is not None:
        if expected == found + 1:
            return AlreadyRecorded(
                Said(
                    _HAS_NUMBER,
                    found=found,
                    expected=expected,
                ),
                **kwargs,
            )
        return SequenceOutOfStep(
            Said(
                _EXPECTED_NUMBER,
                expected=expected,
                found=found,
            ),
            expected=expected,
            found=found,
            **kwargs,
        )
    if _ALREADY.search(message):
        return AlreadyRecorded(Said(_ALREADY_HAS, message=message.strip()), **kwargs)
    if _INSUFFICIENT_STOCK.search(message):
        return InsufficientStock(
            Said(_TOO_LITTLE_STOCK, message=message.strip()),
            **kwargs,
        )
    return error
