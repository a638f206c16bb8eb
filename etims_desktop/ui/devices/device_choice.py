"""The device drop-down of New sale, Import and credit notes: real devices first, practice ones marked."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from etims_desktop.domain.device import Device


class DeviceLister(Protocol):
    """Where a dialog's device list comes from (storage/store.py Store)."""

    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...


def device_label(device: Device) -> str:
    """'Till 1 (OSCU)'; a name that already says its type is not repeated ('Practice till (OSCU)')."""
    kind = device.type.value
    name = device.name if kind in device.name else f"{device.name} ({kind})"
    if device.practice:
        return QCoreApplication.translate("DeviceChoice", "PRACTICE - %1").replace("%1", name)
    return name


def fill_device_combo(combo: QComboBox, devices: list[Device], wanted: int | None = None) -> None:
    """Real devices first. Without an explicit choice the first real device is selected: a sale meant
    for KRA must never go to the practice KRA just because practice mode came first."""
    ordered = sorted(devices, key=lambda d: d.practice)  # stable: the store's order within each group
    combo.blockSignals(True)
    combo.clear()
    for device in ordered:
        combo.addItem(device_label(device), device.id)
        if device.practice:
            combo.setItemData(
                combo.count() - 1,
                QCoreApplication.translate(
                    "DeviceChoice", "Goes to the practice KRA inside this app, never to KRA."
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
    index = combo.findData(wanted) if wanted is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
