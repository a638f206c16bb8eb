"""KRA reference data cached per device: code tables, item classifications, notices, fetch marks.

KRA's select*List calls are incremental (lastReqDt): each save upserts what KRA sent and moves the
device's fetch mark in the same transaction, so a crash never skips an update.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import case, or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from etims_desktop.domain.everyday_words import class_name_words
from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.models import Base, CodeClassRow, CodeRow, FetchMarkRow, ItemClassRow, NoticeRow
from etims_desktop.storage.records import CodeClassRecord, CodeRecord, ItemClassRecord, NoticeRecord

CODES = "codes"
ITEM_CLASSES = "item_classes"
NOTICES = "notices"

TAX_TYPE_CLASS = "04"  # selectCodeList class 04: userDfnCd1 holds the rate
DEFAULT_TAX_RATES = {
    TaxType.A: Decimal("0"),
    TaxType.B: Decimal("16"),
    TaxType.C: Decimal("0"),
    TaxType.D: Decimal("0"),
    TaxType.E: Decimal("8"),
}
BATCH = 500


class ReferenceRepository:
    """Cached KRA lists inside one transaction."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now

    # --- fetch marks ---------------------------------------------------------------------------

    def get_fetch_mark(self, device_id: int, kind: str) -> datetime | None:
        return self.session.scalar(
            select(FetchMarkRow.last_req_dt).where(
                FetchMarkRow.device_id == device_id, FetchMarkRow.kind == kind
            )
        )

    def fetch_marks(self, device_id: int) -> dict[str, datetime]:
        """Every fetch mark of the device, by kind."""
        rows = self.session.execute(
            select(FetchMarkRow.kind, FetchMarkRow.last_req_dt).where(FetchMarkRow.device_id == device_id)
        )
        return {kind: when for kind, when in rows}

    def set_fetch_mark(self, device_id: int, kind: str, result_dt: datetime) -> None:
        self._upsert(
            FetchMarkRow,
            [{"device_id": device_id, "kind": kind, "last_req_dt": result_dt}],
            ("device_id", "kind"),
        )

    # --- code tables ---------------------------------------------------------------------------

    def save_code_classes(
        self, device_id: int, classes: Iterable[CodeClassRecord], result_dt: datetime
    ) -> int:
        """Upsert code classes and their codes; returns how many codes were saved."""
        classes = list(classes)
        self._upsert(
            CodeClassRow,
            [
                {
                    "device_id": device_id,
                    "cls": c.cls,
                    "name": c.name,
                    "description": c.description,
                    "in_use": c.in_use,
                    "user_defined_name_1": c.user_defined_names[0],
                    "user_defined_name_2": c.user_defined_names[1],
                    "user_defined_name_3": c.user_defined_names[2],
                }
                for c in classes
            ],
            ("device_id", "cls"),
        )
        codes = [
            {
                "device_id": device_id,
                "cls": code.cls or c.cls,
                "code": code.code,
                "name": code.name,
                "description": code.description,
                "in_use": code.in_use,
                "sort_order": code.sort_order,
                "user_defined_1": code.user_defined_1,
                "user_defined_2": code.user_defined_2,
                "user_defined_3": code.user_defined_3,
            }
            for c in classes
            for code in c.codes
        ]
        self._upsert(CodeRow, codes, ("device_id", "cls", "code"))
        self.set_fetch_mark(device_id, CODES, result_dt)
        return len(codes)

    def codes(self, device_id: int, cls: str, include_unused: bool = False) -> list[CodeRecord]:
        query = select(CodeRow).where(CodeRow.device_id == device_id, CodeRow.cls == cls)
        if not include_unused:
            query = query.where(CodeRow.in_use)
        query = query.order_by(CodeRow.sort_order.is_(None), CodeRow.sort_order, CodeRow.code)
        return [
            CodeRecord(
                cls=row.cls,
                code=row.code,
                name=row.name,
                description=row.description,
                in_use=row.in_use,
                sort_order=row.sort_order,
                user_defined_1=row.user_defined_1,
                user_defined_2=row.user_defined_2,
                user_defined_3=row.user_defined_3,
            )
            for row in self.session.scalars(query)
        ]

    def tax_rates(self, device_id: int) -> dict[TaxType, Decimal]:
        """Rates per tax type from the cached class 04 (KRA's own numbers), else the legal defaults."""
        rates = dict(DEFAULT_TAX_RATES)
        for code in self.codes(device_id, TAX_TYPE_CLASS):
            if code.code not in TaxType.__members__ or code.user_defined_1 is None:
                continue
            try:
                rates[TaxType(code.code)] = Decimal(code.user_defined_1.strip().rstrip("%"))
            except InvalidOperation:
                continue  # a garbled rate must not break pricing: keep the default
        return rates

    # --- item classifications ------------------------------------------------------------------

    def save_item_classes(
        self, device_id: int, classes: Iterable[ItemClassRecord], result_dt: datetime
    ) -> int:
        rows = [
            {
                "device_id": device_id,
                "code": c.code,
                "name": c.name,
                "level": c.level,
                "tax_type": c.tax_type,
                "major_target": c.major_target,
                "in_use": c.in_use,
            }
            for c in classes
        ]
        self._upsert(ItemClassRow, rows, ("device_id", "code"))
        self.set_fetch_mark(device_id, ITEM_CLASSES, result_dt)
        return len(rows)

    def search_item_classes(self, device_id: int, text: str, limit: int = 50) -> list[ItemClassRecord]:
        """In-use classes whose code starts with `text` or whose name contains it; code matches first."""
        text = (text or "").strip()
        query = select(ItemClassRow).where(ItemClassRow.device_id == device_id, ItemClassRow.in_use)
        order: list[Any] = [ItemClassRow.code]
        if text:
            patterns = [_like(word) for word in class_name_words(text)]  # everyday words too: "sugar"
            code_match = ItemClassRow.code.like(f"{patterns[0]}%", escape="\\")
            names = [ItemClassRow.name.ilike(f"%{p}%", escape="\\") for p in patterns]
            query = query.where(or_(code_match, *names))
            order = [case((code_match, 0), (names[0], 1), else_=2), ItemClassRow.code]
        return [
            ItemClassRecord(
                code=row.code,
                name=row.name,
                level=row.level,
                tax_type=row.tax_type,
                major_target=row.major_target,
                in_use=row.in_use,
            )
            for row in self.session.scalars(query.order_by(*order).limit(limit))
        ]

    # --- notices -------------------------------------------------------------------------------

    def save_notices(self, device_id: int, notices: Iterable[NoticeRecord], result_dt: datetime) -> int:
        rows = [
            {
                "device_id": device_id,
                "notice_no": n.notice_no,
                "title": n.title,
                "content": n.content,
                "detail_url": n.detail_url,
                "registered_by": n.registered_by,
                "registered_at": n.registered_at,
            }
            for n in notices
        ]
        self._upsert(NoticeRow, rows, ("device_id", "notice_no"))
        self.set_fetch_mark(device_id, NOTICES, result_dt)
        return len(rows)

    def list_notices(self, device_id: int) -> list[NoticeRecord]:
        """Newest first."""
        query = (
            select(NoticeRow)
            .where(NoticeRow.device_id == device_id)
            .order_by(NoticeRow.registered_at.desc(), NoticeRow.notice_no.desc())
        )
        return [
            NoticeRecord(
                notice_no=row.notice_no,
                title=row.title,
                content=row.content,
                detail_url=row.detail_url,
                registered_by=row.registered_by,
                registered_at=row.registered_at,
            )
            for row in self.session.scalars(query)
        ]

    # --- helpers -------------------------------------------------------------------------------

    def _upsert(self, model: type[Base], rows: list[dict[str, Any]], key: tuple[str, ...]) -> None:
        """INSERT ... ON CONFLICT DO UPDATE, in batches (KRA's item class list is large)."""
        if not rows:
            return
        statement = insert(model)
        updates = {name: statement.excluded[name] for name in rows[0] if name not in key}
        statement = statement.on_conflict_do_update(index_elements=list(key), set_=updates)
        for start in range(0, len(rows), BATCH):
            self.session.execute(statement, rows[start : start + BATCH])


def _like(text: str) -> str:
    """`text` for a LIKE pattern, its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
