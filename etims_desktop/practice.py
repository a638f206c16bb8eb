"""Practice mode: a built-in practice KRA (OSCU) and a practice VSCU service, inside this app.

The practice OSCU speaks KRA's classic eTIMS API, or - with the setting `practice_connection` =
"gateway" or ETIMS_PRACTICE_CONNECTION=gateway - KRA's developer.go.ke API gateway (access tokens,
wrapped replies), with practice consumer credentials kept in the keyring like real ones.

A newcomer gets one OSCU and one VSCU practice device, a few items, and real traffic to watch -
without touching KRA. Practice devices are flagged `practice=True` (the window shows a PRACTICE
badge) and talk only to these loopback simulators. The simulators keep their state next to the
database, so practice sales survive a restart.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import TaxType

if TYPE_CHECKING:
    from etims_desktop.kra.simulator import Simulator

log = logging.getLogger("etims_desktop.practice")

PRACTICE_PIN = "P000000001Z"
PRACTICE_BRANCH = "00"
PRACTICE_DEVICES = (
    ("Practice till (OSCU)", DeviceType.OSCU, "PRACTICE-OSCU-1"),
    ("Practice back office (VSCU)", DeviceType.VSCU, "PRACTICE-VSCU-1"),
)
PRACTICE_ITEMS = (
    ("Sugar 1 kg", "50161800", TaxType.B, "180.00"),
    ("White bread 400 g", "5018190100", TaxType.A, "65.00"),
    ("Fresh milk 500 ml", "5013170100", TaxType.A, "60.00"),
    ("Soda 500 ml", "5020230600", TaxType.B, "80.00"),
    ("Diesel (litre)", "15101505", TaxType.E, "171.60"),
    ("Delivery service", "78101800", TaxType.B, "300.00"),
)


@dataclass
class PracticeKra:
    oscu: Simulator
    vscu: Simulator
    devices: list[Device]

    def close(self) -> None:
        self.oscu.close()
        self.vscu.close()


PRACTICE_CONNECTION_ENV = "ETIMS_PRACTICE_CONNECTION"


def practice_connection(settings) -> str:
    """ "classic" or "gateway": which KRA connection the practice OSCU device uses."""
    chosen = (
        os.environ.get(PRACTICE_CONNECTION_ENV) or getattr(settings, "practice_connection", "") or ""
    ).strip()
    return "gateway" if chosen.lower() == "gateway" else "classic"


def _simulator(mode: str, state_file) -> Simulator:
    from etims_desktop.kra.simulator import Simulator, SimulatorConfig  # only when practice mode starts

    return Simulator(SimulatorConfig(mode=mode, state_file=state_file, latency=0.05)).start()


async def start_practice(services) -> PracticeKra:
    """Start (or return) the practice simulators and make sure both practice devices are ready."""
    if services.practice is not None:
        return services.practice
    root = services.paths.root
    oscu_mode = "gateway" if practice_connection(services.settings) == "gateway" else "oscu"
    oscu, vscu = await asyncio.gather(
        asyncio.to_thread(_simulator, oscu_mode, root / "practice-kra.json"),
        asyncio.to_thread(_simulator, "vscu", root / "practice-vscu.json"),
    )
    practice = PracticeKra(oscu, vscu, [])
    services.practice = practice
    try:
        # Retired ones too: a practice device removed after signing stays retired, never added twice.
        existing = {
            (d.serial, d.practice): d for d in await services.store.list_devices(include_retired=True)
        }
        for name, kind, serial in PRACTICE_DEVICES:
            sim = oscu if kind is DeviceType.OSCU else vscu
            device = await _ready_device(services, sim, existing.get((serial, True)), name, kind, serial)
            practice.devices.append(device)
        await _ensure_items(services)
    except BaseException:
        services.practice = None
        practice.close()
        raise
    log.info("practice mode started: OSCU at %s, VSCU at %s", oscu.api_url, vscu.api_url)
    return practice


def _style(sim: Simulator, kind: DeviceType) -> EndpointStyle:
    if kind is DeviceType.VSCU:
        return EndpointStyle.NESTED
    return EndpointStyle.GATEWAY if sim.config.gateway else EndpointStyle.FLAT


async def _ready_device(services, sim: Simulator, device: Device | None, name, kind, serial) -> Device:
    sim.approve(PRACTICE_PIN, PRACTICE_BRANCH, serial, kind, taxpayer_name="Practice Shop Ltd")
    style = _style(sim, kind)
    if device is None:
        device = await services.devices.add_device(
            Device(
                None,
                name,
                kind,
                PRACTICE_PIN,
                PRACTICE_BRANCH,
                serial,
                Environment.CUSTOM,
                sim.api_url,
                style,
                practice=True,
            )
        )
    elif device.base_url != sim.api_url or device.endpoint_style is not style:
        # the simulators get a free port at every start; the practice connection may have changed
        device = await services.store.update_device(
            replace(device, base_url=sim.api_url, endpoint_style=style)
        )
        services.connections.forget(device.id)
    if device.via_gateway:  # the practice gateway's app, kept in the keyring like a real one
        from etims_desktop.domain.gateway_credentials import GatewayCredentials

        await services.connections.store_gateway_credentials(
            device, GatewayCredentials(*sim.gateway_credentials)
        )
    if device.initialised and await services.connections.has_key(device):
        return device
    known = {(d.pin, d.branch_id, d.serial): d for d in sim.approved_devices()}
    record = known[(PRACTICE_PIN, PRACTICE_BRANCH, serial)]
    if not record.initialised:
        return await services.devices.initialise(device.id)  # real traffic, like a real device
    # The practice key was kept only for a session (no OS keyring): the practice KRA issues a new one.
    key = await asyncio.to_thread(sim.reissue_key, PRACTICE_PIN, PRACTICE_BRANCH, serial)
    return await services.devices.enter_existing_key(device.id, key, record.scu_id, record.mrc_no)


async def reconnect(services) -> list[Device]:
    """Make every practice device ready again, e.g. after its key was lost with a session-only key store."""
    if services.practice is None:
        return (await start_practice(services)).devices
    practice = services.practice
    existing = {(d.serial, d.practice): d for d in await services.store.list_devices()}
    devices = []
    for name, kind, serial in PRACTICE_DEVICES:
        sim = practice.oscu if kind is DeviceType.OSCU else practice.vscu
        device = existing.get((serial, True))
        if device is not None:
            services.connections.forget(device.id)
        devices.append(await _ready_device(services, sim, device, name, kind, serial))
    practice.devices = devices
    return devices


async def leave(services) -> int:
    """Leave practice mode: send what the practice devices still hold to the practice KRA, cancel
    practice sales it refused (none was ever real), remove the practice devices and stop the
    practice KRA. Items stay. Returns how many devices were removed."""
    from etims_desktop.domain.outbox import OutboxState

    devices = [d for d in await services.store.list_devices() if d.practice]
    if not devices:
        return 0
    await start_practice(services)  # numbered sales must finish where they were numbered
    for device in devices:
        await services.sync.sync_device(device)
        left = {OutboxState.QUEUED, OutboxState.WAITING, OutboxState.NEEDS_FIX}
        while entries := await services.store.list_outbox(device.id, left, limit=500):
            for entry in entries:
                await services.store.cancel_sale(entry.sale_id)
        await services.devices.remove_device(device.id, confirmed=True)  # the owner chose to leave
        services.sync.notify(device.id)
    services.practice.close()
    services.practice = None
    log.info("left practice mode: %d practice devices removed", len(devices))
    return len(devices)


async def _ensure_items(services) -> None:
    if await services.store.list_items():
        return
    for name, class_code, tax_type, price in PRACTICE_ITEMS:
        await services.store.add_item(Item("", name, class_code, tax_type, Decimal(price)))
