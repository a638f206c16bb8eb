"""The one error protocol: every error a person reads says what happened (`plain`) and what to do
(`next_step`), and `explain` is the one formatter that joins them. Domain rule errors are below."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

_ENDS_A_SENTENCE = (".", "!", "?", ")")


@runtime_checkable
class PlainWords(Protocol):
    """What every layer's errors implement (KraError, KeyStoreError, StorageError, DeviceSetupError,
    DomainValidationError, ...): a sentence a shop owner understands, and what to do next (or None)."""

    @property
    def plain(self) -> str: ...

    @property
    def next_step(self) -> str | None: ...


class PlainError(Exception):
    """Base class of the app's errors: `plain` what happened, `next_step` what to do; str() is both."""

    def __init__(self, plain: str = "", next_step: str | None = None) -> None:
        super().__init__(sentences(plain, next_step))
        self.plain = plain
        self.next_step = next_step


def sentences(plain: str, next_step: str | None = None) -> str:
    """`plain` then `next_step` as sentences (KRA's own messages often lack the full stop)."""
    if not next_step:
        return plain
    plain = plain.strip()
    if not plain:
        return next_step
    return f"{plain}{'' if plain.endswith(_ENDS_A_SENTENCE) else '.'} {next_step}"


def plain_parts(exc: BaseException) -> tuple[str, str | None]:
    """(plain, next_step) of any error: its own words, or its message and no next step."""
    if isinstance(exc, PlainWords) and exc.plain:
        return exc.plain, exc.next_step
    return str(exc), None


def has_plain_words(exc: BaseException) -> bool:
    return isinstance(exc, PlainWords) and bool(exc.plain)


def explain(exc: BaseException) -> str:
    """The one formatter: what happened, then what to do."""
    return sentences(*plain_parts(exc))


class DomainValidationError(PlainError, ValueError):
    """Input that breaks a rule. `field` names what to fix; str() is the plain message."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
