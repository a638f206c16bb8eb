"""Customs imports: KRA lists the lines customs declared for us (selectImportItemList); the taxpayer
accepts one - naming the item of its master it is - or rejects it with updateImportItem
(imptItemSttsCd 3 approved, 4 rejected). An accepted line brings its quantity into stock. No I/O."""

from __future__ import annotations

from typing import Any

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.stock import AUDIT

APPROVED, REJECTED = "3", "4"  # import item status (code class 26)


def import_answer_body(
    line: dict[str, Any],
    *,
    accepted: bool,
    item_code: str | None = None,
    item_class_code: str | None = None,
    remark: str | None = None,
) -> dict[str, Any]:
    """updateImportItem's body for one import line as KRA listed it."""
    if accepted and not item_code:
        raise DomainValidationError(
            "Choose the item of your item list this import is (or create it), then accept it.", field="item"
        )
    if remark is not None and len(remark) > 400:
        raise DomainValidationError("The remark is at most 400 characters.", field="remark")
    hs_code = str(line.get("hsCd") or "")
    return {
        "taskCd": line.get("taskCd"),
        "dclDe": line.get("dclDe"),
        "itemSeq": line.get("itemSeq"),
        "hsCd": hs_code.ljust(10, "0") if hs_code else None,  # Odoo pads it to 10 characters
        "itemClsCd": item_class_code,
        "itemCd": item_code,
        "imptItemSttsCd": APPROVED if accepted else REJECTED,
        "remark": remark,
        "modrId": AUDIT["modrId"],
        "modrNm": AUDIT["modrNm"],
    }
