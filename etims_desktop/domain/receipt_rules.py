"""The receipt rules that public sources read differently, as settings, and how they change a receipt.

Each default is the reading believed right (docs/PRINTING.md gives the sources):

- `cu_number`: what follows the slash in the CU invoice number. "invoice" (default): the eTIMS invoice
  number `invcNo` we sent - Odoo's official KRA report and KRA's "SCU id/invoice number" wording.
  "receipt": KRA's receipt counter `curRcptNo` (Navari). The two coincide while one counter is used.
- `qr_payload`: "url" (default): KRA's public receipt-check page (every OSCU integration seen, and the
  only form a phone can open). "tis": the TIS v2.0 §6.23.8 device form
  `ddMMyyyy#HHmmss#SCU id#receipt no.#internal data#signature`.
- `copy_label`: "copy" (default): a reprint carries the TIS receipt-type label CS / CC (copy of a sale /
  credit note) beside the COPY watermark. "keep": it keeps NS / NC and only the watermark says COPY.
- `language`: the receipt's labels, "en" or "sw" (domain/receipt_labels.py); KRA's terms stay English.

Not settings, because every source agrees: the title TAX INVOICE / CREDIT NOTE, all five tax rows A-E
even when zero, the tax letter after each line total, the SCU block, and COPY on every reprint.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from etims_desktop.domain.receipt import ReceiptView

CU_NUMBER_CHOICES = ("invoice", "receipt")
QR_PAYLOAD_CHOICES = ("url", "tis")
COPY_LABEL_CHOICES = ("copy", "keep")
COPY_LABELS = {"NS": "CS", "NC": "CC"}  # TIS receipt labels: normal sale/credit note -> copy of it


@dataclass(frozen=True)
class ReceiptRules:
    cu_number: str = "invoice"
    qr_payload: str = "url"
    copy_label: str = "copy"
    language: str = "en"

    def normalised(self) -> ReceiptRules:
        """Unknown values (a hand-edited settings.json) fall back to the defaults."""
        default = ReceiptRules()
        return ReceiptRules(
            cu_number=self.cu_number if self.cu_number in CU_NUMBER_CHOICES else default.cu_number,
            qr_payload=self.qr_payload if self.qr_payload in QR_PAYLOAD_CHOICES else default.qr_payload,
            copy_label=self.copy_label if self.copy_label in COPY_LABEL_CHOICES else default.copy_label,
            language=self.language if self.language in ("en", "sw") else default.language,
        )

    def apply(self, view: ReceiptView, *, copy: bool = False) -> ReceiptView:
        """The receipt as these rules print it. `copy`: its original was printed before. A receipt KRA has
        not signed is never a copy (it is PENDING, and its signed original is still to come)."""
        rules = self.normalised()
        copy = copy and view.signed and not view.cancelled
        changes: dict[str, Any] = {"language": rules.language, "copy": copy}
        if copy and rules.copy_label == "copy":
            changes["receipt_label"] = COPY_LABELS.get(view.receipt_label, view.receipt_label)
        scu = view.scu
        if scu is not None and rules.cu_number == "receipt" and scu.receipt_no is not None:
            scu = dataclasses.replace(scu, cu_invoice_no=f"{scu.scu_id}/{scu.receipt_no}")
            changes["scu"] = scu
        if view.qr_text and scu is not None and rules.qr_payload == "tis":
            changes["qr_text"] = tis_qr_text(view)
        return dataclasses.replace(view, **changes)


def tis_qr_text(view: ReceiptView) -> str | None:
    """TIS v2.0 §6.23.8: ddMMyyyy#HHmmss#SCU id#receipt number#internal data#signature (no hyphens)."""
    scu = view.scu
    if scu is None or scu.signed_at is None:
        return None
    return "#".join(
        (
            scu.signed_at.strftime("%d%m%Y"),
            scu.signed_at.strftime("%H%M%S"),
            scu.scu_id,
            str(scu.receipt_no if scu.receipt_no is not None else scu.invoice_no),
            scu.internal_data.replace("-", ""),
            scu.signature.replace("-", ""),
        )
    )
