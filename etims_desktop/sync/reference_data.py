"""Refresh KRA's reference data per device - code lists, item classes, notices, registered items -
incrementally (lastReqDt), when it is older than the configured age or when asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.kra import errors as kra_errors
from etims_desktop.kra.models import CodeClass, ItemClass, Notice
from etims_desktop.storage.records import CodeClassRecord, CodeRecord, ItemClassRecord, NoticeRecord
from etims_desktop.storage.reference import CODES, ITEM_CLASSES, NOTICES
from etims_desktop.sync.device_checks import says_connection_failed, status_from_error
from etims_desktop.sync.report import DeviceSyncReport
from etims_desktop.sync.settings import SyncSettings

if TYPE_CHECKING:
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.connections import Connections


def _code_class(raw: CodeClass) -> CodeClassRecord:
    return CodeClassRecord(
        cls=raw.cd_cls or "",
        name=raw.cd_cls_nm or "",
        description=raw.cd_cls_desc,
        in_use=raw.use_yn != "N",
        user_defined_names=(raw.user_dfn_nm1, raw.user_dfn_nm2, raw.user_dfn_nm3),
        codes=tuple(
            CodeRecord(
                cls=raw.cd_cls or "",
                code=code.cd or "",
                name=code.cd_nm or "",
                description=code.cd_desc,
                in_use=code.use_yn != "N",
                sort_order=code.srt_ord,
                user_defined_1=code.user_dfn_cd1,
                user_defined_2=code.user_dfn_cd2,
                user_defined_3=code.user_dfn_cd3,
            )
            for code in raw.dtl_list
            if code.cd
        ),
    )


def _item_class(raw: ItemClass) -> ItemClassRecord:
    return ItemClassRecord(
        code=raw.item_cls_cd or "",
        name=raw.item_cls_nm or "",
        level=raw.item_cls_lvl,
        tax_type=raw.tax_ty_cd,
        major_target=None if raw.mjr_tg_yn is None else raw.mjr_tg_yn == "Y",
        in_use=raw.use_yn != "N",
    )


def _notice(raw: Notice) -> NoticeRecord:
    return NoticeRecord(
        notice_no=raw.notice_no or 0,
        title=raw.title or "",
        content=raw.cont,
        detail_url=raw.dtl_url,
        registered_by=raw.regr_nm,
        registered_at=raw.reg_dt,
    )


class ReferenceData:
    def __init__(
        self,
        store: Store,
        connections: Connections,
        settings: SyncSettings | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.connections = connections
        self.settings = settings or SyncSettings()
        self.clock = clock

    async def refresh(self, device: Device, report: DeviceSyncReport, *, force: bool = False) -> None:
        """Fetch what changed since the last fetch. Failures are reported, never raised: sales matter more."""
        client = await self.connections.client_for(device)
        # (label, kind, fetch, convert, save): each kind's own record type
        jobs: tuple[tuple[str, str, Any, Any, Any], ...] = (
            (
                QT_TRANSLATE_NOOP("Core", "code lists"),
                CODES,
                client.select_codes,
                _code_class,
                self.store.save_code_classes,
            ),
            (
                QT_TRANSLATE_NOOP("Core", "item classes"),
                ITEM_CLASSES,
                client.select_item_classes,
                _item_class,
                self.store.save_item_classes,
            ),
            (
                QT_TRANSLATE_NOOP("Core", "notices"),
                NOTICES,
                client.select_notices,
                _notice,
                self.store.save_notices,
            ),
        )
        max_age = timedelta(hours=self.settings.reference_refresh_hours)
        marks = await self.store.fetch_marks(device.saved_id)  # one read, not two per kind
        for label, kind, fetch, convert, save in jobs:
            mark, checked = marks.get(kind), marks.get(f"{kind}:checked")
            if not force and checked is not None and self.clock() - checked < max_age:
                continue
            try:
                lookup = await fetch(mark)
            except kra_errors.KraError as exc:
                report.errors.append(f"Could not refresh {label}: {exc.plain}")
                if says_connection_failed(exc):  # the device went away: its status says so, no more tries
                    report.status = status_from_error(device, exc)
                    break
                continue
            result_at = lookup.result_at or self.clock()
            report.refreshed[label] = await save(
                device.saved_id, [convert(raw) for raw in lookup.items], result_at
            )
            await self.store.set_fetch_mark(device.saved_id, f"{kind}:checked", self.clock())
