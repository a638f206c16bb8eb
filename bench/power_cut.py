"""A simulated power cut of a SQLite database in WAL mode: what the disk holds when the power comes back.

Call it after every process using the database has been SIGKILLed (their writes are then in the
page cache: what a kill leaves). A power cut also loses what was never flushed to the disk:

- with synchronous=FULL (ours) every commit is flushed before it returns, so only the transaction
  being written is lost: the WAL frames after the last commit frame, which may also be torn. `lose=0`
  models that: the WAL is cut after its last commit and a torn, half-written frame of noise is added.
- with synchronous=NORMAL the WAL is flushed only at checkpoints, so any number of the last commits
  can vanish. `lose=N` drops the last N committed transactions too (also what a disk that lies about
  flushing does). Frames already copied into the database file by a checkpoint cannot be undone, so
  at most the commits after the last checkpoint are dropped.

The -shm index is deleted: it lives in shared memory, and SQLite rebuilds it from the WAL on open.
The WAL format: https://www.sqlite.org/fileformat2.html#the_write_ahead_log
"""

from __future__ import annotations

import os
import random
import struct
from dataclasses import dataclass
from pathlib import Path

WAL_HEADER = 32
FRAME_HEADER = 24
MAGIC_LE, MAGIC_BE = 0x377F0682, 0x377F0683


@dataclass(frozen=True)
class PowerCut:
    frames_before: int  # valid frames the WAL held (current generation)
    frames_after: int  # valid frames kept
    commits_before: int  # committed transactions in the WAL
    commits_lost: int  # of those, dropped
    torn_bytes: int  # noise appended where the next frame was being written


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def commit_ends(wal: bytes) -> tuple[int, list[int], int]:
    """(page size, byte offset just after each valid commit frame, valid frames): SQLite's own rule -
    frames count while salts match the header and the checksum chain holds."""
    if len(wal) < WAL_HEADER:
        return 0, [], 0
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", wal[:WAL_HEADER])
    if magic not in (MAGIC_LE, MAGIC_BE):
        return 0, [], 0
    big = magic == MAGIC_BE
    s0, s1 = _checksum(wal[:24], 0, 0, big)
    if (s0, s1) != (c1, c2):
        return page_size, [], 0
    ends, frames, offset = [], 0, WAL_HEADER
    size = FRAME_HEADER + page_size
    while offset + size <= len(wal):
        page_no, commit_size, f_salt1, f_salt2, f1, f2 = struct.unpack(
            ">6I", wal[offset : offset + FRAME_HEADER]
        )
        if page_no == 0 or (f_salt1, f_salt2) != (salt1, salt2):
            break
        s0, s1 = _checksum(wal[offset : offset + 8], s0, s1, big)
        s0, s1 = _checksum(wal[offset + FRAME_HEADER : offset + size], s0, s1, big)
        if (s0, s1) != (f1, f2):
            break
        frames += 1
        offset += size
        if commit_size:
            ends.append(offset)
    return page_size, ends, frames


def backfilled_frames(shm: Path) -> int:
    """Frames already copied into the database file by a checkpoint (the -shm's nBackfill)."""
    try:
        data = shm.read_bytes()[:100]
    except FileNotFoundError:
        return 0
    if len(data) < 100:
        return 0
    return struct.unpack("=I", data[96:100])[0]  # native byte order, as SQLite writes it


def cut_power(database: Path, lose: int = 0, rng: random.Random | None = None) -> PowerCut:
    """Leave `database` (and its -wal) as a power cut would; see the module doc. Every process that had
    it open must be dead."""
    rng = rng or random.Random(0)
    wal_path = database.with_name(database.name + "-wal")
    shm_path = database.with_name(database.name + "-shm")
    if not wal_path.exists():
        shm_path.unlink(missing_ok=True)
        return PowerCut(0, 0, 0, 0, 0)
    wal = wal_path.read_bytes()
    page_size, ends, frames = commit_ends(wal)
    frame_size = FRAME_HEADER + page_size
    backfilled = backfilled_frames(shm_path)
    # Commits that a checkpoint has not copied into the database file yet: only those can vanish.
    undoable = [e for e in ends if (e - WAL_HEADER) // frame_size > backfilled] if ends else []
    lost = min(lose, len(undoable))
    keep_to = ends[len(ends) - lost - 1] if len(ends) > lost else WAL_HEADER
    if not ends:
        keep_to = WAL_HEADER if len(wal) >= WAL_HEADER else 0
    torn = rng.randrange(1, frame_size) if frame_size > FRAME_HEADER else 0
    with open(wal_path, "r+b") as f:
        f.truncate(keep_to)
        f.seek(keep_to)
        f.write(rng.randbytes(torn))
        f.flush()
        os.fsync(f.fileno())
    shm_path.unlink(missing_ok=True)
    return PowerCut(frames, (keep_to - WAL_HEADER) // frame_size if frame_size else 0, len(ends), lost, torn)
