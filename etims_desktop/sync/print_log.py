"""Which signed receipts have had their original printed: KRA's original is issued once, every later
print - paper, PDF or receipt printer - is a COPY. Kept in a small JSON file in the data dir (like
PendingPrints), because the store has no table for it."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from etims_desktop.domain.receipt import ReceiptView

ORIGINALS_FILE = "receipts-printed.json"


class OriginalPrints:
    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / ORIGINALS_FILE
        self._lock = threading.Lock()

    def sale_ids(self) -> set[int]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        ids = raw.get("sale_ids", []) if isinstance(raw, dict) else []
        return {i for i in ids if isinstance(i, int)}

    def issued(self, sale_id: int) -> bool:
        """The original of this sale's signed receipt was printed: print it as a COPY."""
        return sale_id in self.sale_ids()

    def record(self, view: ReceiptView) -> bool:
        """A receipt went out. Returns True when it was the signed original (so the next one is a copy)."""
        if not view.signed or view.cancelled:
            return False  # a PENDING print is no original: the signed one is still to come
        with self._lock:
            ids = self.sale_ids()
            if view.sale_id in ids:
                return False
            ids.add(view.sale_id)
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text(json.dumps({"sale_ids": sorted(ids)}), encoding="utf-8")
            os.replace(tmp, self.path)
        return True
