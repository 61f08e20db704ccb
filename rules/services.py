"""Services of the rules module: screening deals and storing the screening, editing,
previewing and publishing criteria.

Screening here neither routes the deal nor announces it: `lifecycle.services` composes
the screening with the routing (reviews) and the webhooks."""

from __future__ import annotations

import json

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.services import audit_record
from countries.selectors import country_data_version
from hrdd.bulk import bulk_insert, json_value, unsaved
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from restricted_parties.selectors import active_list_versions

from . import policies
from .engine import (
    DEFAULT_TIERS,
    CriteriaError,
    LexiconError,
    lexicon_from_pack,
    pack_from_specs,
    screen,
    specs_from_pack,
    validate_criterion,
)
from .engine.packs import cues_from_pack, utf8_only
from .models import CriteriaVersion, Criterion, Screening
from .selectors import (
    criteria_compiled,
    criteria_draft,
    criteria_learned_cues,
    criteria_lexicon,
    criteria_published_current,
    criteria_specs,
    criterion_spec,
)
from .signals import criteria_published
from .snapshot import opportunity_snapshot

CRITERION_FIELDS = (
    "name",
    "dimension",
    "condition",
    "scale",
    "scope",
    "irremediability",
    "likelihood",
    "severity_uplift",
    "outcome",
    "explanation",
    "reasoning",
    "source",
    "ask",
    "enabled",
)


def _jsonable(value):
    return json.loads(json.dumps(value, default=str))


def screening_basis(version: CriteriaVersion) -> dict:
    """The versions of everything a screening reads: criteria, each restricted-party
    list in force and the country data (stored with the screening, shown to reviewers)."""
    return {
        "criteria_version": version.number,
        "country_data_version": country_data_version(),
        "lists": active_list_versions(),
    }


def screening_evaluate(
    opportunity,
    *,
    answers: list[str] | tuple[str, ...] = (),
    version: CriteriaVersion | None = None,
    basis: dict | None = None,
) -> tuple[CriteriaVersion, dict, object, dict]:
    """Screen a deal in memory with the criteria and data in force, writing nothing:
    (criteria version, snapshot, engine result, basis). `screening_store` records it;
    a batch passes the version and basis it read once for all its deals. `answers`: the
    partners' answers to information requests on the deal (read with the deal's text;
    the review app holds them, so the caller passes them in)."""
    version = version or criteria_version_in_force()
    # The basis is read first: the data it names are never older than the data used.
    basis = dict(basis) if basis is not None else screening_basis(version)
    snapshot, matches = opportunity_snapshot(opportunity, answers=answers)
    result = screen(snapshot, criteria_compiled(version))
    snapshot.update(result.text)  # the quotes the screening was judged on
    # Which party matched which entry, so a later re-screening can tell a new match.
    basis["matches"] = sorted(
        [m.party_name.strip().lower(), m.list_name, m.source_id, m.band] for m in matches
    )
    return version, snapshot, result, basis


def screening_store(
    *,
    opportunity,
    actor,
    trigger: str,
    evaluated: tuple,
    previous: Screening | None,
    insert: bool = True,
) -> Screening:
    """Save the screening `evaluated` (what `screening_evaluate` returned) of `opportunity`
    with its audit event, in the caller's transaction. Only screens and stores: the deal's
    pointer, its routing and the webhooks are the caller's (`lifecycle.services`).

    `insert=False`: the caller inserts the row itself before its transaction ends (a new
    deal's first screening, written with the deal's first status); the event is recorded
    here all the same, as it names the deal, not the screening's id."""
    version, snapshot, result, basis = evaluated
    screening = screening_row(opportunity, version, trigger, result, snapshot, basis)
    if insert:
        # Its INSERT built once per process (on PostgreSQL), not compiled by the ORM each time.
        bulk_insert(Screening, [screening])
    screening_record(opportunity, screening, actor=actor, previous=previous)
    return screening


def criteria_version_in_force() -> CriteriaVersion:
    version = criteria_published_current()
    if version is None:
        raise ApplicationError("No published criteria: an admin must publish a criteria version.")
    return version


def screening_row(
    opportunity, version, trigger: str, result, snapshot: dict, basis: dict
) -> Screening:
    """The screening of `opportunity` by `result`, not yet saved. Its basis, findings and
    snapshot are held as the database gives them back, each encoded once (`json_value`:
    a bulk insert sends that text rather than encoding them again)."""
    screening = unsaved(
        Screening,
        opportunity=opportunity,
        criteria_version=version,
        trigger=trigger,
        tier=result.tier,
        score=result.score,
        severity=result.severity,
        likelihood=result.likelihood,
        reasons=list(result.reasons),
        shown_tier=result.shown_tier,
        shown_score=result.shown_score,
        shown_severity=result.shown_severity,
        shown_likelihood=result.shown_likelihood,
        # A possible match holds the deal for review as a match does, so to someone
        # probing names it tells as much: both count for the probing watch.
        restricted_party_matched=bool(
            snapshot.get("restricted_party.matched")
            or snapshot.get("restricted_party.possible_match")
        ),
        # A red flag read in the deal's text: the text probing watch looks for these.
        text_flagged=bool(snapshot.get("text.signals")),
    )
    json_value(screening, "basis", basis)
    # vars(), not asdict(): evidence is plain data, and asdict's deep copy was the
    # costliest step of screening a deal; json_value copies it anyway.
    json_value(screening, "findings", [vars(f) for f in result.findings])
    json_value(screening, "snapshot", snapshot)
    return screening


def screening_record(opportunity, screening: Screening, *, actor, previous) -> None:
    """The audit event of a saved screening."""
    audit_record(
        actor=actor,
        action="opportunity.screened",
        object_type="opportunity",
        object_id=opportunity.pk,
        opportunity_id=opportunity.pk,
        to_state=screening.tier,
        changes={
            "trigger": screening.trigger,
            "criteria_version": screening.criteria_version.number,
            "score": screening.score,
            "findings": [f["code"] for f in screening.findings],
            "previous_tier": previous.tier if previous else None,
        },
    )


# --- Editing criteria -------------------------------------------------------------


def criteria_draft_start(*, actor) -> CriteriaVersion:
    """Open the draft (a copy of the current published version), or return the open one."""
    _require_editor(actor)
    with transaction.atomic():
        existing = criteria_draft()
        if existing:
            return existing
        base = criteria_published_current()
        draft = CriteriaVersion.objects.create(
            status=CriteriaVersion.Status.DRAFT,
            name=base.name if base else "Criteria",
            tiers=dict(base.tiers) if base else dict(DEFAULT_TIERS),
            based_on=base,
            created_by=actor,
        )
        if base:
            from .cue_services import learned_cues_replace
            from .lexicon_services import lexicon_replace

            lexicon_replace(draft=draft, entries=criteria_lexicon(base))
            learned_cues_replace(draft=draft, data=criteria_learned_cues(base))
            Criterion.objects.bulk_create(
                [
                    Criterion(
                        version=draft, code=c.code, **{f: getattr(c, f) for f in CRITERION_FIELDS}
                    )
                    for c in base.criteria.all()
                ]
            )
        audit_record(
            actor=actor,
            action="criteria.draft_started",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={"based_on": base.number if base else None},
        )
    return draft


def _require_editor(actor) -> None:
    reason = policies.why_not_edit_criteria(actor)
    if reason:
        raise PermissionDenied(reason)


def _require_draft(version: CriteriaVersion) -> None:
    if version.status != CriteriaVersion.Status.DRAFT:
        raise Conflict("Published criteria versions never change: start a draft to edit.")


def criterion_save(
    *, actor, draft: CriteriaVersion, code: str, values: dict, create: bool = False
) -> Criterion:
    """Create or change one criterion of the draft. The condition and the numbers are
    checked here, so a broken criterion can never be saved, let alone published."""
    _require_editor(actor)
    _require_draft(draft)
    code = (code or "").strip().upper()
    if not code:
        raise ApplicationError(
            "A criterion needs a code.", errors={"code": "A criterion needs a code."}
        )
    current = draft.criteria.filter(code=code).first()
    if create and current:
        raise ApplicationError(
            f"The draft already has a criterion {code}.", errors={"code": "Already used."}
        )
    if not create and current is None:
        raise ApplicationError(f"The draft has no criterion {code}.", status_code=404)
    data = {f: getattr(current, f) for f in CRITERION_FIELDS} if current else {}
    data.update({k: v for k, v in values.items() if k in CRITERION_FIELDS})
    data.setdefault("enabled", True)
    for f in ("reasoning", "source", "ask"):
        data.setdefault(f, "")
    for f in ("scale", "scope", "irremediability", "likelihood", "severity_uplift"):
        data.setdefault(f, 0)
    data.setdefault("outcome", "score")
    too_long = {
        f: f"at most {n} characters"
        for f, n in (("code", 60), ("name", 200), ("explanation", 300))
        if len(str(code if f == "code" else data.get(f) or "")) > n
    }
    if too_long:
        raise ApplicationError(
            "Criterion not saved: " + "; ".join(f"{f} is {m}" for f, m in too_long.items()),
            errors=too_long,
        )
    try:
        spec = criterion_spec(Criterion(code=code, **data))
    except (TypeError, ValueError) as exc:
        raise ApplicationError(f"Invalid criterion: {exc}") from exc
    problems = validate_criterion(spec)
    if problems:
        raise ApplicationError(
            f"Criterion {code} was not saved: " + "; ".join(problems),
            errors={"condition": "; ".join(problems)},
        )
    with transaction.atomic():
        if current:
            before = {f: getattr(current, f) for f in CRITERION_FIELDS}
            for f, v in data.items():
                setattr(current, f, v)
            current.save()
            criterion = current
            changed = {f: [before[f], data[f]] for f in CRITERION_FIELDS if before[f] != data[f]}
        else:
            criterion = Criterion.objects.create(version=draft, code=code, **data)
            changed = {"created": True}
        audit_record(
            actor=actor,
            action="criteria.criterion_saved",
            object_type="criteria_version",
            object_id=draft.pk,
            changes=_jsonable({"code": code, **changed}),
        )
    return criterion


def criterion_delete(*, actor, draft: CriteriaVersion, code: str) -> None:
    _require_editor(actor)
    _require_draft(draft)
    with transaction.atomic():
        deleted, _ = draft.criteria.filter(code=code).delete()
        if not deleted:
            raise ApplicationError(f"The draft has no criterion {code}.", status_code=404)
        audit_record(
            actor=actor,
            action="criteria.criterion_deleted",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={"code": code},
        )


def criteria_draft_discard(*, actor, draft: CriteriaVersion) -> None:
    _require_editor(actor)
    _require_draft(draft)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="criteria.draft_discarded",
            object_type="criteria_version",
            object_id=draft.pk,
        )
        draft.delete()


def criteria_publish(*, actor, draft: CriteriaVersion, notes: str = "") -> CriteriaVersion:
    """Freeze the draft as the next numbered version, then re-screen open deals in the
    background (after commit). A draft whose criteria do not compile cannot be published."""
    _require_editor(actor)
    _require_draft(draft)
    try:
        criteria_compiled(draft)
    except CriteriaError as exc:
        raise ApplicationError(f"The draft cannot be published: {exc}") from exc
    with transaction.atomic():
        locked = CriteriaVersion.objects.select_for_update().get(pk=draft.pk)
        _require_draft(locked)
        number = (CriteriaVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        locked.status = CriteriaVersion.Status.PUBLISHED
        locked.number = number
        locked.notes = notes or locked.notes
        locked.published_by = actor if getattr(actor, "pk", None) else None
        locked.published_at = timezone.now()
        locked.save()
        audit_record(
            actor=actor,
            action="criteria.published",
            object_type="criteria_version",
            object_id=locked.pk,
            to_state=f"v{number}",
            changes={"criteria": locked.criteria.count()},
            comment=notes,
        )
        # Open deals and recent approvals are re-screened in the background, as a
        # monitoring run compliance can follow (its receiver queues it in this transaction).
        criteria_published.send(sender=CriteriaVersion, actor=actor, version=locked)
    return locked


def criteria_pack_export(version: CriteriaVersion) -> dict:
    return pack_from_specs(
        criteria_specs(version),
        version.tiers or DEFAULT_TIERS,
        {
            "name": version.name,
            "version": version.number,
            "exported_at": timezone.now().isoformat(),
        },
        criteria_lexicon(version),
        criteria_learned_cues(version),
    )


def criteria_pack_import(
    *, actor, pack: dict, publish: bool = False, notes: str = ""
) -> CriteriaVersion:
    """Replace the draft's criteria, lexicon and learned cues with a pack's (all or
    nothing; a pack without learned cues leaves the draft reading with its lexicon alone)."""
    from .cue_services import learned_cues_replace
    from .lexicon_services import lexicon_replace

    _require_editor(actor)
    if not utf8_only(pack):
        raise ApplicationError(
            "The criteria pack was not imported: it holds a character no text may hold "
            "(a lone surrogate, written like \\ud800 in the file)."
        )
    try:
        specs, tiers = specs_from_pack(pack)
        lexicon = lexicon_from_pack(pack)
        cues = cues_from_pack(pack)
        from .engine import compile_criteria

        compile_criteria(specs, tiers=tiers, lexicon=lexicon, learned_cues=cues)
    except (CriteriaError, LexiconError, ValueError, KeyError, TypeError) as exc:
        raise ApplicationError(f"The criteria pack was not imported: {exc}") from exc
    with transaction.atomic():
        draft = criteria_draft_start(actor=actor)
        draft.criteria.all().delete()
        draft.tiers = dict(tiers)
        draft.name = str(pack.get("name") or draft.name)[:200]
        draft.save()
        Criterion.objects.bulk_create(
            [
                Criterion(
                    version=draft, code=s.code, **{f: getattr(s, f) for f in CRITERION_FIELDS}
                )
                for s in specs
            ]
        )
        lexicon_replace(draft=draft, entries=lexicon)
        learned_cues_replace(draft=draft, data=cues)
        audit_record(
            actor=actor,
            action="criteria.pack_imported",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={
                "criteria": len(specs),
                "name": draft.name,
                "lexicon": len(lexicon),
                "learned_cues": bool(cues),
            },
        )
        if publish:
            return criteria_publish(
                actor=actor, draft=draft, notes=notes or "Imported criteria pack"
            )
    return draft
