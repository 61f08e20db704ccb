"""The chain proof of a deal's audit events, and its offline check.

A proof holds the deal's events (every field their signature covers) and every link of
the chain from the deal's first event to a published checkpoint: position, event id,
event hash and the link's own hash. Other deals' events appear only as their hashes. The
check needs no database: each of the deal's events must match its signature and its link,
each link must follow from the one before (a keyed hash), and the last link must be the
checkpoint's head, with the checkpoint's signature good and the same line present in the
checkpoint file kept outside the database. Nobody without the audit key can forge a link.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping

from audit.checkpoints import _path, checkpoints_read
from audit.models import AuditEvent, AuditSeal
from audit.services import audit_checkpoint_publish
from hrdd.errors import ApplicationError

FORMAT = "hrdd-chain-proof/1"


class ChainBroken(ApplicationError):
    """The chain in the database disagrees with the checkpoint file: no proof is made."""

    status_code = 409


def key_id_of(key: str) -> str:
    # The same derivation as `audit.keys.key_id_of`, repeated so the check imports no Django.
    return hashlib.sha256(b"hrdd-audit-key-id:" + key.encode()).hexdigest()[:12]


def _sign(keys: Mapping[str, bytes], key_id: str, message: dict | str) -> str | None:
    key = keys.get(key_id)
    if key is None:
        return None
    if not isinstance(message, str):
        message = json.dumps(message, sort_keys=True, default=str, separators=(",", ":"))
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def _ok(keys, key_id: str, message, signature: str) -> bool:
    expected = _sign(keys, key_id, message)
    return expected is not None and hmac.compare_digest(expected, signature or "")


def proof_build(opportunity_id: int) -> dict:
    """The proof for one deal, against the first checkpoint after its last sealed event
    (one is published first, so every event sealed so far is covered): the proof spans the
    deal's life, not the whole trail since. Events not yet sealed are listed as not covered."""
    audit_checkpoint_publish()
    events = list(
        AuditEvent.objects.filter(opportunity_id=opportunity_id)
        .select_related("seal")
        .order_by("id")
    )
    sealed = [e for e in events if hasattr(e, "seal")]
    last = max((e.seal.position for e in sealed), default=0)
    checkpoint = next((c for c in checkpoints_read() if c.genuine and c.count >= last), None)
    covered = sealed if checkpoint is not None else []
    proof = {
        "format": FORMAT,
        "opportunity_id": opportunity_id,
        "checkpoint": None,
        "events": [],
        "links": [],
        "not_covered": [e.pk for e in events if e not in covered],
    }
    if not covered:
        return proof
    proof["checkpoint"] = _checkpoint_record(checkpoint)
    proof["events"] = [
        {"id": e.pk, "position": e.seal.position, "hash": e.hash, "payload": e.payload()}
        for e in covered
    ]
    proof["links"] = _links(min(e.seal.position for e in covered), checkpoint)
    return proof


def _links(first: int, checkpoint) -> list[list]:
    seals = AuditSeal.objects.filter(position__gte=first, position__lte=checkpoint.count)
    links = [
        [s.position, s.event_id, s.event.hash, s.prev_hash, s.hash, s.key_id]
        for s in seals.select_related("event").order_by("position").iterator(chunk_size=5000)
    ]
    if not links or links[-1][0] != checkpoint.count or links[-1][4] != checkpoint.head:
        raise ChainBroken(
            f"The audit chain no longer matches the checkpoint of {checkpoint.at}: "
            "run verify_audit_chain."
        )
    return links


def _checkpoint_record(checkpoint) -> dict:
    with _path().open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == checkpoint.line:
                return json.loads(raw)
    raise LookupError("checkpoint line vanished")


def checkpoint_lines(text: str) -> list[dict]:
    out = []
    for raw in text.splitlines():
        try:
            out.append(json.loads(raw))
        except ValueError:
            continue
    return out


def proof_verify(proof: dict, *, keys: Mapping[str, bytes], checkpoints: list[dict]) -> list[str]:
    """Every fault found (an empty list: the proof holds). No database is read."""
    faults: list[str] = []
    if proof.get("format") != FORMAT:
        return [f"not a chain proof of format {FORMAT}"]
    cp = proof.get("checkpoint")
    events = proof.get("events") or []
    links = proof.get("links") or []
    if not cp or not events:
        return ["the proof covers no event: no checkpoint had been published after them"]
    body = {k: cp.get(k) for k in ("at", "count", "head", "key_id")}
    if not _ok(keys, body["key_id"], body, cp.get("signature", "")):
        faults.append(
            "the checkpoint in the proof does not match its signature (or its key is not configured)"
        )
    if not any(
        line.get("signature") == cp.get("signature") and line.get("head") == cp.get("head")
        for line in checkpoints
    ):
        faults.append(f"the checkpoint of {cp.get('at')} is not in the checkpoint file given")
    by_position = {}
    prev_hash = None
    for i, link in enumerate(links):
        position, event_id, event_hash, link_prev, link_hash, key_id = link
        if i and position != links[i - 1][0] + 1:
            faults.append(f"the chain has no link at position {links[i - 1][0] + 1}")
            break
        if prev_hash is not None and link_prev != prev_hash:
            faults.append(f"link {position} does not follow link {position - 1}")
            break
        if not _ok(keys, key_id, f"{position}|{event_id}|{event_hash}|{link_prev}", link_hash):
            faults.append(f"link {position} does not match its signature: the chain was altered")
            break
        by_position[position] = (event_id, event_hash)
        prev_hash = link_hash
    if links and not faults:
        last = links[-1]
        if last[0] != cp.get("count") or last[4] != cp.get("head"):
            faults.append(
                f"the chain ends at position {last[0]}, not at the checkpoint's head ({cp.get('count')})"
            )
    for event in events:
        payload = event.get("payload") or {}
        if payload.get("opportunity_id") != proof.get("opportunity_id"):
            faults.append(f"event {event.get('id')} belongs to another deal")
        if not _ok(keys, payload.get("key_id", ""), payload, event.get("hash", "")):
            faults.append(f"event {event.get('id')} does not match its signature: it was altered")
        if by_position.get(event.get("position")) != (event.get("id"), event.get("hash")):
            faults.append(
                f"event {event.get('id')} is not at position {event.get('position')} of the chain"
            )
    return faults
