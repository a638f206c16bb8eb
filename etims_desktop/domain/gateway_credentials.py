"""The credentials a device needs on KRA's API gateway (developer.go.ke). They live in the keyring."""

from __future__ import annotations

from dataclasses import dataclass, field

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.redaction import register_secret
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class GatewayCredentials:
    """What a shop's developer.go.ke app and KRA's integration approval give it. Lives in the keyring."""

    consumer_key: str = field(repr=False)
    consumer_secret: str = field(repr=False)
    apigee_app_id: str
    # KRA's integration token for this PIN + system name/version + device serial. Kept with the rest;
    # no public source shows it on a call yet, so the client does not send it.
    integration_token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for name in ("consumer_key", "consumer_secret", "apigee_app_id", "integration_token"):
            value = getattr(self, name)
            object.__setattr__(self, name, (value.strip() or None) if isinstance(value, str) else None)
        if not (self.consumer_key and self.consumer_secret and self.apigee_app_id):
            raise DomainValidationError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Enter the consumer key, the consumer secret and the apigee app id of your app on developer.go.ke.",
                ),
                field="consumer_key",
            )
        register_secret(self.consumer_key)
        register_secret(self.consumer_secret)
        register_secret(self.integration_token)
