"""Errors raised by domain rules: always a plain sentence a shop owner can act on."""


class DomainValidationError(ValueError):
    """Input that breaks a rule. `field` names what to fix; str() is the plain message."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
