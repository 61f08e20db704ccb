"""Checkpoints: the chain's length and head, signed, written outside the database.

One JSON line per checkpoint in `AUDIT_CHECKPOINT_DIR/checkpoints.jsonl` (opened for
appending only) and the same line in the log. Someone who can rewrite the database cannot
move these copies, so the verifier can tell that events were removed or the chain redone.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from . import keys

logger = logging.getLogger("audit.checkpoint")
FILENAME = "checkpoints.jsonl"


@dataclass(frozen=True)
class Checkpoint:
    line: int
    at: str
    count: int
    head: str
    key_id: str
    genuine: bool


def _path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_DIR) / FILENAME


def checkpoint_append(*, at: str, count: int, head: str) -> dict:
    body = {"at": at, "count": count, "head": head, "key_id": keys.current_key_id()}
    record = {**body, "signature": keys.sign(body["key_id"], body)}
    line = json.dumps(record, sort_keys=True, separators=(",", ":"))
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_APPEND: each line lands at the end, whole, even with two writers at once.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, (line + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    logger.info("audit checkpoint %s", line)
    return record


def checkpoints_read() -> list[Checkpoint]:
    path = _path()
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                body = {k: record[k] for k in ("at", "count", "head", "key_id")}
                genuine = keys.signature_ok(body["key_id"], body, record.get("signature", ""))
                out.append(
                    Checkpoint(
                        number,
                        body["at"],
                        int(body["count"]),
                        body["head"],
                        body["key_id"],
                        genuine,
                    )
                )
            except (ValueError, KeyError, TypeError):
                out.append(Checkpoint(number, "", 0, "", "", False))
    return out
