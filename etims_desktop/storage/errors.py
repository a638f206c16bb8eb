"""Errors raised by the store. Each message is a plain sentence; none ever carries a secret."""

from __future__ import annotations

from etims_desktop.domain.errors import DomainValidationError


class StorageError(RuntimeError):
    """The database cannot be used as asked (too new, damaged, not writable)."""


class NotFound(DomainValidationError, LookupError):
    """A device, sale or item that is not (or no longer) in the database."""


class OutboxStateError(RuntimeError):
    """A state change the outbox rules forbid (e.g. changing a signed sale). Always a bug in the caller."""
