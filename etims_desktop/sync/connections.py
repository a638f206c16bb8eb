"""One shared HTTP client, and a KRA client per device built from the store and the keyring."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar, TypeVarTuple

import httpx

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.kra.client import KraClient, make_http_client
from etims_desktop.kra.environments import base_url_for, gateway_token_url
from etims_desktop.kra.gateway_auth import AccessTokens
from etims_desktop.kra.redaction import register_secret
from etims_desktop.storage.secrets import KeyStore, UnavailableKeyStore, keyring_timeout

KEYRING_TIMEOUT = 15.0  # seconds; a locked keyring that prompts must not hang a sync forever

T = TypeVar("T")
Args = TypeVarTuple("Args")  # a keyring call's positional arguments, checked against its function's
_Call = tuple["Future[Any]", Callable[..., Any], tuple[Any, ...]]  # one queued call: future, function, args


class KeyringWorker:
    """Runs keyring calls one at a time on one daemon thread, each awaited with a timeout.

    A daemon thread rather than a ThreadPoolExecutor: Python joins executor threads at exit, so one
    keyring call that never returns would keep the process alive after its work is done (the CLI
    printed its report and never exited). A daemon thread is simply abandoned at exit, and a keyring
    read or write holds nothing of ours that could be lost. Once a call has overrun, the next ones
    fail at once instead of queueing behind it for another timeout each.
    """

    def __init__(self, timeout: float = KEYRING_TIMEOUT) -> None:
        self.timeout = timeout
        self._calls: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._overrun: Future[Any] | None = None  # a call that passed its timeout and is still running

    async def run(self, fn: Callable[[*Args], T], *args: *Args) -> T:
        if self._overrun is not None and not self._overrun.done():
            raise keyring_timeout(self.timeout)
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="keyring", daemon=True)
            self._thread.start()
        future: Future[T] = Future()
        self._calls.put((future, fn, args))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            if not future.cancelled():  # it had started: the thread is stuck in it
                self._overrun = future
            raise keyring_timeout(self.timeout) from None

    def _work(self) -> None:
        while (call := self._calls.get()) is not None:
            future, fn, args = call
            if not future.set_running_or_notify_cancel():
                continue  # timed out while still queued
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
                future.set_exception(exc)

    def shutdown(self) -> None:
        """Let the thread end after its current call (it never delays the process's exit)."""
        if self._thread is not None:
            self._calls.put(None)
            self._thread = None


class Connections:
    """Builds `KraClient`s on one `httpx.AsyncClient`. Keys come from the keyring, off the event loop."""

    def __init__(
        self,
        key_store: KeyStore | UnavailableKeyStore,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout | None = None,
        deadline: float | None = None,
        keyring_timeout_seconds: float = KEYRING_TIMEOUT,
        gateway_production_url: str | None = None,
    ):
        self.key_store = key_store
        self.http = http or make_http_client()
        self.timeout = timeout
        self.deadline = deadline
        self._keyring_worker = KeyringWorker(keyring_timeout_seconds)
        self.gateway_production_url = gateway_production_url  # None: GATEWAY_PRODUCTION_BASE_URL
        self._tokens: dict[int, AccessTokens] = {}  # per gateway device: its access token, reused
        self._clients: dict[int, KraClient] = {}

    async def keyring_call(self, fn: Callable[[*Args], T], *args: *Args) -> T:
        """Run a blocking key store call off the event loop; KeyringTimeout when it does not return in time."""
        return await self._keyring_worker.run(fn, *args)

    async def store_key(self, device: Device, key: str) -> None:
        register_secret(key)
        await self.keyring_call(self.key_store.set_key, device, key)
        if device.id is not None:
            self._clients.pop(device.id, None)

    async def delete_key(self, device: Device) -> None:
        await self.keyring_call(self.key_store.delete_key, device)
        if device.id is not None:
            self._clients.pop(device.id, None)

    async def has_key(self, device: Device) -> bool:
        return await self.keyring_call(self.key_store.has_key, device)

    async def candidate(self, device: Device, key: str) -> KraClient:
        """A client with a key that is not saved yet: to prove it with KRA before it replaces the old one
        (a gateway device's client carries its access token, as every call there must)."""
        return self._build(device, key, await self._gateway_tokens(device))

    async def client_key(self, device: Device) -> str | None:
        """The device's CMC key, or None if it has none yet."""
        if not await self.has_key(device):
            return None
        key = await self.keyring_call(self.key_store.get_key, device)
        register_secret(key)
        return key

    async def store_gateway_credentials(self, device: Device, credentials: GatewayCredentials) -> None:
        await self.keyring_call(self.key_store.set_gateway_credentials, device, credentials)
        self.forget(device.id)

    async def delete_gateway_credentials(self, device: Device) -> None:
        await self.keyring_call(self.key_store.delete_gateway_credentials, device)
        self.forget(device.id)

    def anonymous(self, device: Device) -> KraClient:
        """A classic/VSCU client without a key: for initialisation (a gateway device: `anonymous_client`)."""
        return self._build(device, None)

    async def anonymous_client(self, device: Device) -> KraClient:
        """A client without a CMC key, for initialisation; on the gateway it has its access token."""
        return self._build(device, None, await self._gateway_tokens(device))

    def trial_client(
        self, device: Device, credentials: GatewayCredentials | None, cmc_key: str | None = None
    ) -> KraClient:
        """A client from credentials not stored yet: to test a connection before saving anything."""
        tokens = None
        if device.via_gateway and credentials is not None:
            base_url = base_url_for(device, gateway_production_url=self.gateway_production_url)
            tokens = AccessTokens(self.http, gateway_token_url(base_url), credentials)
        return self._build(device, cmc_key, tokens)

    async def client_for(self, device: Device) -> KraClient:
        """The device's client with its CMC key. Raises the key store's KeyMissing/KeyringLocked errors."""
        cached = self._clients.get(device.id) if device.id is not None else None
        if cached is not None:
            return cached
        if device.type is DeviceType.VSCU and not await self.keyring_call(self.key_store.has_key, device):
            key = None  # the VSCU service holds the key itself; it needs only tin and bhfId
        else:
            key = await self.keyring_call(self.key_store.get_key, device)
            register_secret(key)
        client = self._build(device, key, await self._gateway_tokens(device))
        if device.id is not None:  # a device being added is not kept
            self._clients[device.id] = client
        return client

    def forget(self, device_id: int | None) -> None:
        if device_id is not None:
            self._clients.pop(device_id, None)
            self._tokens.pop(device_id, None)

    async def _gateway_tokens(self, device: Device) -> AccessTokens | None:
        """A gateway device's token source (credentials from the keyring), kept while its client is."""
        if not device.via_gateway:
            return None
        tokens = self._tokens.get(device.id) if device.id is not None else None
        if tokens is None:
            credentials = await self.keyring_call(self.key_store.get_gateway_credentials, device)
            base_url = base_url_for(device, gateway_production_url=self.gateway_production_url)
            tokens = AccessTokens(self.http, gateway_token_url(base_url), credentials)
            if device.id is not None:
                self._tokens[device.id] = tokens
        return tokens

    def _build(self, device: Device, key: str | None, tokens: AccessTokens | None = None) -> KraClient:
        return KraClient(
            self.http,
            base_url_for(device, gateway_production_url=self.gateway_production_url),
            tin=device.pin,
            bhf_id=device.branch_id,
            cmc_key=key,
            style=device.endpoint_style,
            vscu=device.type is DeviceType.VSCU,
            timeout=self.timeout,
            deadline=self.deadline,
            gateway=tokens,
        )

    async def aclose_this_loop(self) -> None:
        """A Sync run on its own event loop ends here: the connections it opened are closed."""
        close = getattr(self.http, "aclose_this_loop", None)
        if close is not None:
            await close()

    def use_key_store(self, key_store: KeyStore | UnavailableKeyStore) -> None:
        """From now on keys come from `key_store` (the owner chose a key file, or unlocked one); the
        clients built with the old one are dropped, so each device's next call reads its key again."""
        self.key_store = key_store
        self._clients.clear()
        self._tokens.clear()

    async def aclose(self) -> None:
        self._clients.clear()
        self._tokens.clear()
        await self.http.aclose()
        self._keyring_worker.shutdown()
