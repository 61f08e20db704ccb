"""Screening an import's lines, one chunk per task.

A chunk goes pending -> running (claimed by its screening task) -> done. When the last
chunk is done the import goes screening -> promoting, and one task registers its flagged
lines as deals (`promotion.py`), then completes it.

What must always be true, whatever workers die or tasks are delivered twice:
- a chunk is screened by one task at a time (claimed by conditional update; a
  redelivered task carries the same claim token, and a claim older than STALE_SECONDS
  is free);
- a line is screened once: only `pending` lines are loaded and results are written only
  over `pending` lines;
- the import moves on exactly once, when its last chunk is done (the import row is
  locked while a chunk finishes, so two last chunks cannot both miss each other).
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone

from outbox.services import outbox_enqueue
from partners.models import Organisation
from restricted_parties.selectors import parties_screen
from rules.engine import screen
from rules.models import Criterion
from rules.selectors import criteria_compiled
from rules.snapshot import build_snapshot

from .models import ChannelImport, ImportChunk, ImportLine
from .promotion import channel_for, unpromoted_lines
from .selectors import FLAGGED_TIERS

WRITE_BATCH = 500
TOP_FINDINGS = 10
NEW_PARTNER_FACTORS = {  # what a new Organisation row starts with (nothing assumed)
    "hrdd_maturity": "none",
    "prior_incident": False,
    "refused_flow_down": False,
    "staff_trained": False,
    "dd_status": "not_assessed",
}


@dataclass
class ChunkContext:
    """What a chunk's lines share: restricted-party results for each distinct
    (name, country) and the partner factors of each named reseller, each fetched once."""

    imp: ChannelImport
    matches: dict[tuple[str, str], list]
    factors: dict[tuple[str, str], dict]

    @classmethod
    def build(cls, imp: ChannelImport, rows: list[dict]) -> ChunkContext:
        org = imp.organisation
        pairs = {(org.name, org.country)}
        resellers = set()
        for d in rows:
            if d["end_customer_name"]:
                pairs.add((d["end_customer_name"], d["end_customer_country"]))
            pairs.add((d["reseller_name"], d["reseller_country"]))
            resellers.add((d["reseller_name"].casefold(), d["reseller_country"]))
        factors: dict[tuple[str, str], dict] = {}
        names = {n for n, _ in resellers} | {org.name.casefold()}
        for o in Organisation.objects.annotate(lname=Lower("name")).filter(lname__in=names):
            factors[(o.name.casefold(), o.country)] = _factors(o)
        factors[(org.name.casefold(), org.country)] = _factors(org)
        return cls(imp=imp, matches=_screen_parties(pairs), factors=factors)

    def snapshot(self, d: dict) -> dict:
        org = self.imp.organisation
        channel = channel_for(org, d)
        partners = [
            self.factors.get((e["name"].casefold(), e["country"]), NEW_PARTNER_FACTORS)
            for e in channel
        ]
        matches = list(self.matches.get((org.name, org.country), ()))
        matches += self.matches.get((d["reseller_name"], d["reseller_country"]), ())
        if d["end_customer_name"]:
            matches += self.matches.get((d["end_customer_name"], d["end_customer_country"]), ())
        return build_snapshot(
            end_customer={
                "name": d["end_customer_name"],
                "country": d["end_customer_country"],
                "type": d["end_user_type"],
                "sector": d["sector"],
            },
            delivery_country=d["delivery_country"],
            # A product outside the catalogue is named by the partner: its name is read, as
            # a line's is when the deal is registered (promotion makes the same line).
            lines=[
                {
                    "capabilities": d["capabilities"],
                    "quantity": d["quantity"],
                    "name": "" if d["sku"] else d["product_name"],
                }
            ],
            channel=[{"role": e["role"], "country": e["country"]} for e in channel],
            intended_use=d["intended_use"],
            use_description="",
            value_amount=d["value_amount"],
            value_currency=d["currency"],
            customization=d["customization"],
            end_use_statement=d["end_use_statement"],
            declared_red_flags=d["red_flags"],
            partners=partners,
            restricted_party_matches=matches,
        )


def _factors(o: Organisation) -> dict:
    return {
        "hrdd_maturity": o.hrdd_maturity,
        "prior_incident": o.prior_incident,
        "refused_flow_down": o.refused_flow_down,
        "staff_trained": o.staff_trained,
        "dd_status": o.dd_status,
    }


def _screen_parties(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], list]:
    """One restricted-party screening call for all distinct parties of a chunk."""
    ordered = sorted(p for p in pairs if p[0] and p[0].strip())
    if not ordered:
        return {}
    out: dict[tuple[str, str], list] = {}
    for m in parties_screen(ordered):  # grouped by party, in the order given
        out.setdefault((m.party_name, m.party_country), []).append(m)
    return out


# --- The tasks' services ----------------------------------------------------------------


def import_chunk_screen(*, chunk_id: int, claim_token: str = "") -> bool:
    """Screen the pending lines of one chunk and finish it; the last chunk to finish
    hands the import to `import_promote`. Returns False when the chunk was not claimed."""
    token = claim_token or uuid.uuid4().hex
    now = timezone.now()
    stale = now - timedelta(seconds=ImportChunk.STALE_SECONDS)
    C = ImportChunk.Status
    # A job claim, not a workflow state (`audit.transitions`): chunks are leased by token
    # and taken over when stale; the import's own steps carry the audit events.
    claimed = (
        ImportChunk.objects.filter(pk=chunk_id)
        .filter(
            Q(status=C.PENDING)
            | Q(status=C.RUNNING, claim_token=token)
            | Q(status=C.RUNNING, claimed_at__lt=stale)
        )
        .update(status=C.RUNNING, claim_token=token, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        chunk = ImportChunk.objects.filter(pk=chunk_id).first()
        if chunk and chunk.status == C.DONE:  # finished before; its import may not have moved on
            _after_screening(chunk.channel_import_id)
        return False
    chunk = ImportChunk.objects.select_related(
        "channel_import__organisation", "channel_import__criteria_version"
    ).get(pk=chunk_id)
    imp = chunk.channel_import
    compiled = criteria_compiled(imp.criteria_version)  # once per chunk (cached per process)
    pending = list(
        ImportLine.objects.filter(
            channel_import=imp, chunk_no=chunk.number, status=ImportLine.Status.PENDING
        )
        .order_by("id")
        .values_list("id", "data")
    )
    done = chunk.lines_total - len(pending)
    if pending:
        ctx = ChunkContext.build(imp, [d for _, d in pending])
        batch: list[tuple[int, object]] = []
        for line_id, data in pending:
            batch.append((line_id, screen(ctx.snapshot(data), compiled)))
            if len(batch) >= WRITE_BATCH:
                done += _store_results(batch)
                _heartbeat(chunk.pk, token, done)
                batch = []
        if batch:
            done += _store_results(batch)
            _heartbeat(chunk.pk, token, done)
    summary = _chunk_summary(imp.pk, chunk.number)
    with transaction.atomic():
        # Lock the import: chunks finishing together take turns, so the last one sees all.
        list(ChannelImport.objects.select_for_update().filter(pk=imp.pk).values_list("pk"))
        finished = ImportChunk.objects.filter(
            pk=chunk.pk, claim_token=token, status=C.RUNNING
        ).update(
            status=C.DONE,
            summary=summary,
            lines_screened=chunk.lines_total,
            finished_at=timezone.now(),
        )
        if finished:
            _after_screening(imp.pk)
    return True


def _after_screening(channel_import_id: int) -> None:
    """Once every chunk is screened: hand the flagged lines to one promotion task, or
    complete the import when there are none."""
    from .services import S, _transition

    with transaction.atomic():
        list(
            ChannelImport.objects.select_for_update().filter(pk=channel_import_id).values_list("pk")
        )
        if (
            ImportChunk.objects.filter(channel_import_id=channel_import_id)
            .exclude(status=ImportChunk.Status.DONE)
            .exists()
        ):
            return
        imp = ChannelImport.objects.select_related("criteria_version", "organisation").get(
            pk=channel_import_id
        )
        if imp.status != S.SCREENING:
            return
        if unpromoted_lines(imp.pk).exists():
            if _transition(imp, "promoting"):
                outbox_enqueue("channel_imports.tasks.import_promote", imp.pk)
        else:
            _complete(imp)


def _heartbeat(chunk_id: int, token: str, screened: int) -> None:
    ImportChunk.objects.filter(pk=chunk_id, claim_token=token).update(
        lines_screened=screened, claimed_at=timezone.now()
    )


def _findings(result) -> list[dict]:
    return [
        {"code": f.code, "explanation": f.explanation, "shown": f.shown} for f in result.findings
    ]


def _store_results(batch: list[tuple[int, object]]) -> int:
    """Write screening results over lines still pending (a line is screened once)."""
    now = timezone.now()
    if connection.vendor == "postgresql":
        # One JSON document for the whole batch: far cheaper to send than per-column arrays.
        payload = json.dumps(
            [
                {
                    "id": i,
                    "tier": r.tier,
                    "score": r.score,
                    "severity": r.severity,
                    "likelihood": r.likelihood,
                    "findings": _findings(r),
                    "st": r.shown_tier,
                    "ss": r.shown_score,
                    "sv": r.shown_severity,
                    "sl": r.shown_likelihood,
                }
                for i, r in batch
            ],
            separators=(",", ":"),
        )
        with connection.cursor() as cur:
            cur.execute(
                f"UPDATE {ImportLine._meta.db_table} AS l SET status = 'screened', tier = v.tier, "  # noqa: S608
                "score = v.score, severity = v.severity, likelihood = v.likelihood, "
                "findings = v.findings, shown_tier = v.st, shown_score = v.ss, "
                "shown_severity = v.sv, shown_likelihood = v.sl, screened_at = %s "
                "FROM jsonb_to_recordset(%s::jsonb) AS v(id bigint, tier text, score int, "
                "severity int, likelihood int, findings jsonb, st text, ss int, sv int, sl int) "
                "WHERE l.id = v.id AND l.status = 'pending'",
                [now, payload],
            )
        return len(batch)
    # Elsewhere (SQLite: one writer at a time) an unconditional update of the same values.
    objs = [
        ImportLine(
            id=line_id,
            status=ImportLine.Status.SCREENED,
            tier=r.tier,
            score=r.score,
            severity=r.severity,
            likelihood=r.likelihood,
            findings=_findings(r),
            screened_at=now,
            shown_tier=r.shown_tier,
            shown_score=r.shown_score,
            shown_severity=r.shown_severity,
            shown_likelihood=r.shown_likelihood,
        )
        for line_id, r in batch
    ]
    ImportLine.objects.bulk_update(
        objs,
        [
            "status",
            "tier",
            "score",
            "severity",
            "likelihood",
            "findings",
            "screened_at",
            "shown_tier",
            "shown_score",
            "shown_severity",
            "shown_likelihood",
        ],
        batch_size=WRITE_BATCH,
    )
    return len(batch)


def _chunk_summary(imp_id: int, chunk_no: int) -> dict:
    """Tier and finding counts of a chunk, and the same over what partners may see."""
    tiers: Counter = Counter()
    codes: Counter = Counter()
    shown_tiers: Counter = Counter()
    shown_codes: Counter = Counter()
    rows = ImportLine.objects.filter(channel_import_id=imp_id, chunk_no=chunk_no).values_list(
        "tier", "shown_tier", "findings"
    )
    for tier, shown_tier, findings in rows.iterator(chunk_size=2000):
        tiers[tier] += 1
        shown_tiers[shown_tier] += 1
        codes.update(f["code"] for f in findings)
        shown_codes.update(f["code"] for f in findings if f.get("shown"))
    return {
        "tiers": dict(tiers),
        "findings": dict(codes),
        "shown": {"tiers": dict(shown_tiers), "findings": dict(shown_codes)},
    }


def _complete(imp: ChannelImport) -> None:
    """Merge the chunk summaries, complete the import, record it. The caller holds the
    import's row lock, in its transaction."""
    from .services import _transition

    summary = _merge_summaries(imp)
    _transition(
        imp,
        "completed",
        values={"summary": summary, "completed_at": timezone.now()},
        changes={
            "lines": imp.lines_total,
            "tiers": summary["tiers"],
            "promoted": summary["promoted"],
        },
    )


def _merge_summaries(imp: ChannelImport) -> dict:
    tiers: Counter = Counter()
    codes: Counter = Counter()
    shown_tiers: Counter = Counter()
    shown_codes: Counter = Counter()
    for s in ImportChunk.objects.filter(channel_import=imp).values_list("summary", flat=True):
        tiers.update(s.get("tiers", {}))
        codes.update(s.get("findings", {}))
        shown_tiers.update(s.get("shown", {}).get("tiers", {}))
        shown_codes.update(s.get("shown", {}).get("findings", {}))
    flagged = ImportLine.objects.filter(channel_import=imp, tier__in=FLAGGED_TIERS)
    promoted = flagged.exclude(opportunity=None).count()
    errors = flagged.exclude(promotion_error="").count()
    names = {}
    if imp.criteria_version_id:
        names = dict(
            Criterion.objects.filter(version_id=imp.criteria_version_id).values_list("code", "name")
        )

    def top(counter: Counter) -> list[dict]:
        return [
            {"code": c, "name": names.get(c, ""), "count": n}
            for c, n in counter.most_common(TOP_FINDINGS)
        ]

    def by_tier(counter: Counter) -> dict:
        return {t: counter[t] for t in ("low", *FLAGGED_TIERS) if counter.get(t)}

    return {
        "tiers": by_tier(tiers),
        "flagged": sum(tiers.get(t, 0) for t in FLAGGED_TIERS),
        "findings": top(codes),
        "promoted": promoted,
        "promotion_errors": errors,
        "criteria_version": imp.criteria_version.number if imp.criteria_version_id else None,
        # What partners and reps are shown (channel_imports.presenters).
        "shown": {"tiers": by_tier(shown_tiers), "findings": top(shown_codes)},
    }
