"""Practice mode: two practice devices on the built-in simulators, real traffic, survives a restart."""

from __future__ import annotations

from decimal import Decimal

from sync_shop import open_shop

from etims_desktop.domain.device import DeviceType
from etims_desktop.domain.status import StatusKind
from etims_desktop.domain.stock import StockReason
from etims_desktop.practice import PRACTICE_PIN, start_practice
from etims_desktop.storage.secrets import SessionKeyStore


def test_practice_mode_starts_syncs_and_survives_restart(tmp_path, run):
    async def first_start():
        shop = await open_shop(tmp_path, SessionKeyStore())
        try:
            practice = await start_practice(shop.services)
            assert await start_practice(shop.services) is practice  # idempotent
            devices = await shop.services.store.list_devices()
            assert {d.type for d in devices} == {DeviceType.OSCU, DeviceType.VSCU}
            assert all(d.practice and d.initialised and d.pin == PRACTICE_PIN for d in devices)
            for device in devices:
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            assert [d.signed for d in report.devices] == [1, 1]
            return {d.serial: d.base_url for d in devices}
        finally:
            await shop.services.aclose()

    def second_start_with_a_fresh_session_keystore():
        async def again():
            shop = await open_shop(tmp_path, SessionKeyStore())  # keys of the last session are gone
            shop.counter = 100  # new invoice numbers (the same number twice is one sale)
            try:
                await start_practice(shop.services)
                devices = await shop.services.store.list_devices()
                assert len(devices) == 2  # no duplicates on restart
                for device in devices:
                    await shop.services.sales.record(device.id, shop.sale(), send_now=False)
                report = await shop.services.sync.sync()
                assert all(d.status.kind is StatusKind.ONLINE for d in report.devices)
                assert [d.signed for d in report.devices] == [1, 1]
                return {d.serial: d.base_url for d in devices}
            finally:
                await shop.services.aclose()

        return run(again())

    first_urls = run(first_start())
    second_urls = second_start_with_a_fresh_session_keystore()
    assert first_urls.keys() == second_urls.keys()


def test_practice_mode_through_the_gateway_and_back(tmp_path, run, monkeypatch):
    """ETIMS_PRACTICE_CONNECTION=gateway: the practice OSCU goes through a practice developer.go.ke gateway."""
    from etims_desktop.domain.device import EndpointStyle

    key_store = SessionKeyStore()  # one session: the practice keys stay

    async def start_and_sell(first_number: int) -> tuple[EndpointStyle, list[str]]:
        shop = await open_shop(tmp_path, key_store)
        shop.counter = first_number  # a new trader invoice number each run (the same one twice is one sale)
        try:
            practice = await start_practice(shop.services)
            oscu = next(d for d in await shop.services.store.list_devices() if d.type is DeviceType.OSCU)
            # The practice gateway refuses a sale of goods without stock, as KRA's 2026 gateway does.
            await shop.services.stock.adjust(oscu.id, shop.items[0].code, Decimal(5), StockReason.OPENING)
            await shop.services.sales.record(oscu.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync([oscu.id])
            assert report.devices[0].status.kind is StatusKind.ONLINE, report.devices[0].status
            assert report.devices[0].signed == 1
            paths = [r.path for r in practice.oscu.request_log]
            return oscu.endpoint_style, paths
        finally:
            await shop.services.aclose()

    monkeypatch.setenv("ETIMS_PRACTICE_CONNECTION", "gateway")
    style, paths = run(start_and_sell(0))
    assert style is EndpointStyle.GATEWAY
    assert "/etims-oscu/api/v1/sendSalesTransaction" in paths
    assert any(p.startswith("/v1/token/generate") for p in paths)
    monkeypatch.setenv("ETIMS_PRACTICE_CONNECTION", "classic")
    style, paths = run(start_and_sell(100))  # the same practice device, back on the classic API
    assert style is EndpointStyle.FLAT
    assert "/etims-api/saveTrnsSalesOsdc" in paths
