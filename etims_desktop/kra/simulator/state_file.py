"""The simulator's memory on disk: an atomically written JSON snapshot plus an append-only journal.

Each change is appended to `<state>.journal` (one JSON line, flushed) before its answer goes out, so a
killed process loses nothing it acknowledged. Start-up and close fold the journal into a new snapshot
(temp file + `os.replace`). Journal lines carry a sequence number and the snapshot remembers the last
one it holds, so a crash between the two steps replays nothing twice; a torn last line is ignored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from etims_desktop.kra.simulator.wire import dumps, loads

FORMAT = "etims-desktop practice KRA state"


class StateFile:
    """Load, journal and snapshot the event list of one simulator."""

    def __init__(self, path: Path, *, fsync: bool = False) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.fsync = fsync
        self._seq = 0
        self._journal = None

    def load(self) -> list[dict]:
        """All events to replay: the snapshot's, then the journal's newer ones."""
        events: list[dict] = []
        if self.path.exists():
            snapshot = loads(self.path.read_bytes())
            if snapshot.get("format") != FORMAT:
                raise ValueError(f"{self.path} is not a practice KRA state file")
            self._seq = snapshot["lastSeq"]
            events.extend(snapshot["events"])
        if self.journal_path.exists():
            for line in self.journal_path.read_bytes().splitlines():
                try:
                    event = loads(line)
                except json.JSONDecodeError:
                    break  # torn write at a crash: nothing after it was acknowledged
                if event["seq"] > self._seq:
                    self._seq = event["seq"]
                    events.append(event)
        return events

    def write_snapshot(self, events: Iterable[dict]) -> None:
        """Replace the snapshot atomically, then start an empty journal."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = dumps({"format": FORMAT, "version": 1, "lastSeq": self._seq, "events": list(events)})
        temp = self.path.with_name(self.path.name + ".tmp")
        with open(temp, "wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, self.path)
        if self._journal is not None:
            self._journal.close()
        self._journal = open(self.journal_path, "wb")  # noqa: SIM115 - kept open for appends until close()

    def append(self, event: dict) -> None:
        if self._journal is None:
            return  # not started yet: the start-up snapshot will hold it
        self._seq += 1
        self._journal.write(dumps({**event, "seq": self._seq}) + b"\n")
        self._journal.flush()
        if self.fsync:
            os.fsync(self._journal.fileno())

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
