"""Retry delays for transport failures: exponential, capped, with full jitter (no thundering herd)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any


def retry_delay(
    attempt: int, *, base: float = 2.0, cap: float = 300.0, rng: random.Random | None = None
) -> float:
    """Seconds to wait before retry number `attempt` (1-based)."""
    ceiling = min(cap, base * (2 ** max(0, attempt - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)


def next_attempt(now: datetime, attempt: int, **kwargs: Any) -> datetime:
    return now + timedelta(seconds=retry_delay(attempt, **kwargs))
