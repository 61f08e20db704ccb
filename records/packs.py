"""The evidence pack of a decided deal: everything an auditor needs, in one ZIP.

`record.json` (the data), `evidence.pdf` (the same data, made with WeasyPrint),
`chain-proof.json` (the deal's audit events and the chain from its first event to a
published checkpoint), the evidence files the partner sent, and `manifest.json`: the
SHA-256 of every other file, signed with the audit key. `verify_evidence_pack` checks
the lot without a database (see `pack_verify`).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from pathlib import PurePosixPath

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from audit import keys
from countries.models import Country
from restricted_parties.models import RestrictedPartyList
from reviews.models import ReviewCase
from reviews.services import deal_snapshot

from . import proof
from .models import AuthorityNotification
from .retention import retention_ends, retention_years

MANIFEST = "manifest.json"
PACK_FORMAT = "hrdd-evidence-pack/1"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # ZIP entries carry no clock: the manifest dates the pack


def _user(u) -> str | None:
    return u.username if u else None


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _screenings(opportunity) -> list[dict]:
    return [
        {
            "id": s.pk,
            "created_at": _iso(s.created_at),
            "trigger": s.trigger,
            "tier": s.tier,
            "score": s.score,
            "severity": s.severity,
            "likelihood": s.likelihood,
            "criteria_version": {
                "number": s.criteria_version.number,
                "name": s.criteria_version.name,
                "published_at": _iso(s.criteria_version.published_at),
            },
            "findings": s.findings,
            "reasons": s.reasons,
            "snapshot": s.snapshot,
        }
        for s in opportunity.screenings.select_related("criteria_version").order_by("id")
    ]


def _reference_data(opportunity, screenings: list[dict]) -> dict:
    """The criteria, list and country data the screenings used."""
    first = opportunity.screenings.order_by("id").first()
    lists = RestrictedPartyList.objects.order_by("name", "imported_at")
    # The version of each list in force at a screening is the newest imported before it.
    in_force = {}
    for s in opportunity.screenings.order_by("id"):
        for lst in lists:
            if lst.imported_at <= s.created_at:
                in_force[(s.pk, lst.name)] = lst
    countries = {
        opportunity.end_customer_country,
        opportunity.delivery_country,
        *(e.country for e in opportunity.channel.all()),
    }
    return {
        "criteria_versions": sorted(
            {s["criteria_version"]["number"] for s in screenings if s["criteria_version"]["number"]}
        ),
        "restricted_party_lists": [
            {
                "screening": sid,
                "name": lst.name,
                "imported_at": _iso(lst.imported_at),
                "file_sha256": lst.file_sha256,
                "entries": lst.entry_count,
            }
            for (sid, _), lst in sorted(in_force.items())
        ],
        "countries": [
            {
                "iso2": c.iso2,
                "name": c.name,
                "sanctioned": c.sanctioned,
                "armed_conflict": c.armed_conflict,
                "notes": c.notes,
                "indicators": [
                    {
                        "code": i.code,
                        "year": i.year,
                        "value": i.value,
                        "source": i.source,
                        "updated_at": _iso(i.updated_at),
                    }
                    for i in c.indicators.all()
                ],
            }
            for c in Country.objects.filter(iso2__in=countries).prefetch_related("indicators")
        ],
        "note": "Country rows are as they stand when the pack was built; each screening's snapshot "
        "holds the values it scored."
        if first
        else "",
    }


def _cases(opportunity) -> list[dict]:
    cases = (
        ReviewCase.objects.filter(opportunity=opportunity)
        .select_related(
            "assignee",
            "recommended_by",
            "hard_stop_cleared_by",
            "decision__decided_by",
            "decision__recommended_by",
        )
        .prefetch_related(
            "information_requests__addressed_to",
            "information_requests__asked_by",
            "information_requests__answered_by",
            Prefetch("conditions__owner"),
            "conditions__mitigation",
            "conditions__verified_by",
            "conditions__fulfilled_by",
        )
        .order_by("id")
    )
    out = []
    for c in cases:
        d = getattr(c, "decision", None)
        out.append(
            {
                "id": c.pk,
                "tier": c.tier,
                "status": c.status,
                "opened_at": _iso(c.opened_at),
                "due_at": _iso(c.due_at),
                "closed_at": _iso(c.closed_at),
                "escalation_level": c.escalation_level,
                "escalated_at": _iso(c.escalated_at),
                "assignee": _user(c.assignee),
                "recommended_by": _user(c.recommended_by),
                "recommendation": c.recommendation,
                "recommendation_reasons": c.recommendation_reasons,
                "hard_stop_cleared_by": _user(c.hard_stop_cleared_by),
                "hard_stop_note": c.hard_stop_note,
                "decision": None
                if d is None
                else {
                    "outcome": d.outcome,
                    "decided_by": _user(d.decided_by),
                    "decided_at": _iso(d.decided_at),
                    "recommended_by": _user(d.recommended_by),
                    "recommendation": d.recommendation,
                    "screening_id": d.screening_id,
                    "criteria_version": d.criteria_version,
                    "tier": d.tier,
                    "escalation_level": d.escalation_level,
                    "reasons": d.reasons,
                    "feedback": d.feedback,
                    "conditions": d.conditions,
                    "deal_as_it_stood": d.deal_snapshot,
                },
                "information_exchanged": [
                    {
                        "id": r.pk,
                        "asked_by": _user(r.asked_by),
                        "asked_at": _iso(r.asked_at),
                        "addressed_to": _user(r.addressed_to),
                        "questions": r.questions,
                        "answer": r.answer,
                        "answered_by": _user(r.answered_by),
                        "answered_at": _iso(r.answered_at),
                        "evidence_file": _evidence_name(r) if r.attachment else None,
                    }
                    for r in c.information_requests.all()
                ],
                "conditions": [
                    {
                        "mitigation": k.mitigation.code,
                        "name": k.mitigation.name,
                        "details": k.details,
                        "owner": _user(k.owner),
                        "due_date": _iso(k.due_date),
                        "status": k.status,
                        "evidence_note": k.evidence_note,
                        "fulfilled_by": _user(k.fulfilled_by),
                        "fulfilled_at": _iso(k.fulfilled_at),
                        "verified_by": _user(k.verified_by),
                        "verified_at": _iso(k.verified_at),
                    }
                    for k in c.conditions.all()
                ],
            }
        )
    return out


def _evidence_name(info) -> str:
    safe = "".join(
        ch if ch.isalnum() or ch in "._-" else "_" for ch in (info.attachment_name or "file")
    )
    return f"evidence/{info.pk}-{safe[-80:]}"


def _notifications(opportunity) -> list[dict]:
    return [
        {
            "reference": n.reference,
            "status": n.status,
            "awareness_reason": n.awareness_reason,
            "aware_by": _user(n.aware_by),
            "aware_at": _iso(n.aware_at),
            "authority": n.authority,
            "subject": n.subject,
            "body": n.body,
            "sent_on": _iso(n.sent_on),
            "sent_reference": n.sent_reference,
            "sent_by": _user(n.sent_by),
            "answer_outcome": n.answer_outcome,
            "answer_text": n.answer_text,
            "answer_received_on": _iso(n.answer_received_on),
            "answered_by": _user(n.answered_by),
        }
        for n in AuthorityNotification.objects.filter(opportunity=opportunity)
        .select_related("aware_by", "sent_by", "answered_by")
        .order_by("id")
    ]


def pack_record(opportunity) -> dict:
    """The record of a decided deal, as plain data (what `record.json` holds)."""
    screenings = _screenings(opportunity)
    return {
        "format": PACK_FORMAT,
        "built_at": timezone.now().isoformat(),
        "deal": deal_snapshot(opportunity),
        "screenings": screenings,
        "reference_data": _reference_data(opportunity, screenings),
        "cases": _cases(opportunity),
        "authority_notifications": _notifications(opportunity),
        "retention": {
            "ends_on": _iso(retention_ends(opportunity.pk)),
            "years": retention_years("deal"),
        },
    }


def _member(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    # Stored, with fixed headers: the same files always make the same bytes, so the check
    # can rebuild the ZIP and notice a change anywhere in it, framing included.
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    zf.writestr(info, data)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members:
            _member(zf, name, data)
    return buffer.getvalue()


def pack_build(opportunity) -> tuple[str, bytes]:
    """(file name, ZIP bytes) of the deal's evidence pack."""
    from weasyprint import HTML

    record = pack_record(opportunity)
    chain = proof.proof_build(opportunity.pk)
    record["audit_events"] = [
        {"id": e["id"], "position": e["position"], **e["payload"]} for e in chain["events"]
    ]
    record["audit_events_not_covered"] = chain["not_covered"]
    pdf = HTML(string=render_to_string("records/pack_pdf.html", {"r": record})).write_pdf()
    members = [
        ("record.json", json.dumps(record, indent=2, sort_keys=True, default=str).encode()),
        ("evidence.pdf", pdf),
        ("chain-proof.json", json.dumps(chain, sort_keys=True).encode()),
    ]
    for case in opportunity.review_cases.prefetch_related("information_requests"):
        for info in case.information_requests.all():
            if info.attachment:
                with info.attachment.open("rb") as fh:
                    members.append((_evidence_name(info), fh.read()))
    body = {
        "format": PACK_FORMAT,
        "deal": opportunity.reference,
        "built_at": record["built_at"],
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in members},
        "key_id": keys.current_key_id(),
    }
    manifest = {**body, "signature": keys.sign(body["key_id"], body)}
    members.append((MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode()))
    return f"evidence-pack-{opportunity.reference}.zip", _zip(members)


def pack_verify(
    data: bytes, *, keys: dict[str, bytes], checkpoints: list[dict]
) -> tuple[list[str], dict]:
    """(faults, summary) for a pack's bytes. Reads no database."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        bad = zf.testzip()
        if bad:
            return [f"{bad} is damaged (its checksum fails)"], {}
        members = [(name, zf.read(name)) for name in zf.namelist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        return [f"not a readable ZIP file: {exc}"], {}
    files = dict(members)
    try:
        manifest = json.loads(files.pop(MANIFEST))
    except (KeyError, ValueError):
        return ["the pack has no readable manifest.json"], {}
    body = {k: manifest.get(k) for k in ("format", "deal", "built_at", "files", "key_id")}
    faults = []
    if not proof._ok(keys, body["key_id"] or "", body, manifest.get("signature", "")):
        faults.append("manifest.json does not match its signature: the pack was altered")
    listed = body["files"] or {}
    for name in sorted(set(listed) | set(files)):
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            faults.append(f"{name}: a path outside the pack")
        elif name not in files:
            faults.append(f"{name} is missing from the pack")
        elif name not in listed:
            faults.append(f"{name} is not in the manifest: it was added")
        elif hashlib.sha256(files[name]).hexdigest() != listed[name]:
            faults.append(f"{name} does not match the manifest: it was altered")
    try:
        chain = json.loads(files.get("chain-proof.json", b"{}"))
    except ValueError:
        chain = {}
    faults += proof.proof_verify(chain, keys=keys, checkpoints=checkpoints)
    if not faults and _zip(members) != data:
        faults.append("the ZIP's framing was altered (its files are intact)")
    summary = {
        "deal": body["deal"],
        "built_at": body["built_at"],
        "events": len(chain.get("events") or []),
        "links": len(chain.get("links") or []),
        "checkpoint": (chain.get("checkpoint") or {}).get("at"),
    }
    return faults, summary
