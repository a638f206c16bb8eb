"""Damage a real database file the way a failing disk does: random bytes written into one of its pages."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def damage_table_page(path: Path, table: str = "sale_lines", seed: int = 23) -> int:
    """Overwrite 64 bytes of `table`'s root page with random bytes, just after its 8-byte page header
    (the cell pointers), as a bad sector would. Returns the page number.

    Random bytes in a page's free space go unnoticed by SQLite (and harm nothing); these do not.

    The file must be closed (checkpointed) first, so the page really lives in the main file."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        page = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0, (
        "close the database first"
    )
    noise = random.Random(seed).randbytes(64)
    with open(path, "r+b") as file:
        file.seek((page - 1) * page_size + 8)
        file.write(noise)
    return page
