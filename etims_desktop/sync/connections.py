"""One shared HTTP client, and a KRA client per device built from the store and the keyring."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.kra.client import KraClient, make_http_client
from etims_desktop.kra.environments import base_url_for
from etims_desktop.kra.redaction import register_secret

KEYRING_TIMEOUT = 15.0  # seconds; a locked keyring that prompts must not hang a sync forever


class Connections:
    """Builds `KraClient`s on one `httpx.AsyncClient`. Keys come from the keyring, off the event loop."""

    def __init__(
        self, key_store, http: httpx.AsyncClient | None = None, timeout: httpx.Timeout | None = None
    ):
        self.key_store = key_store
        self.http = http or make_http_client()
        self.timeout = timeout
        self._keyring_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyring")
        self._clients: dict[int, KraClient] = {}

    async def _keyring(self, fn, *args):
        loop = asyncio.get_running_loop()
        return await asyncio.wait_for(loop.run_in_executor(self._keyring_thread, fn, *args), KEYRING_TIMEOUT)

    async def store_key(self, device: Device, key: str) -> None:
        register_secret(key)
        await self._keyring(self.key_store.set_key, device, key)
        self._clients.pop(device.id, None)

    async def delete_key(self, device: Device) -> None:
        await self._keyring(self.key_store.delete_key, device)
        self._clients.pop(device.id, None)

    async def has_key(self, device: Device) -> bool:
        return await self._keyring(self.key_store.has_key, device)

    def anonymous(self, device: Device) -> KraClient:
        """A client without a key: for initialisation."""
        return self._build(device, None)

    async def client_for(self, device: Device) -> KraClient:
        """The device's client with its CMC key. Raises the key store's KeyMissing/KeyringLocked errors."""
        cached = self._clients.get(device.id)
        if cached is not None:
            return cached
        if device.type is DeviceType.VSCU and not await self._keyring(self.key_store.has_key, device):
            key = None  # the VSCU service holds the key itself; it needs only tin and bhfId
        else:
            key = await self._keyring(self.key_store.get_key, device)
            register_secret(key)
        client = self._build(device, key)
        self._clients[device.id] = client
        return client

    def forget(self, device_id: int) -> None:
        self._clients.pop(device_id, None)

    def _build(self, device: Device, key: str | None) -> KraClient:
        return KraClient(
            self.http,
            base_url_for(device),
            tin=device.pin,
            bhf_id=device.branch_id,
            cmc_key=key,
            style=device.endpoint_style,
            vscu=device.type is DeviceType.VSCU,
            timeout=self.timeout,
        )

    async def aclose(self) -> None:
        self._clients.clear()
        await self.http.aclose()
        self._keyring_thread.shutdown(wait=False, cancel_futures=True)
