"""The preview of a criteria draft: every past deal's stored snapshot scored with the draft
and with the criteria in force, in the background, listing the deals whose tier would
change."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hrdd.errors import ApplicationError
from opportunities.models import Opportunity
from outbox.services import outbox_enqueue

from .engine import (
    TEXT_DERIVED_FIELDS,
    TEXT_FACT_FIELDS,
    TEXT_READ_FIELDS,
    CriteriaError,
    screen_brief,
    text_read,
    tier_rank,
)
from .engine.preview_text import preview_text_reader, quotes_moved
from .models import CriteriaVersion, PreviewRun
from .selectors import criteria_compiled, criteria_published_current
from .services import _require_draft, _require_editor
from .snapshot import snapshot_upgraded


def preview_start(*, actor, draft: CriteriaVersion) -> PreviewRun:
    _require_editor(actor)
    _require_draft(draft)
    try:
        criteria_compiled(draft)
    except CriteriaError as exc:
        raise ApplicationError(f"The draft cannot be previewed: {exc}") from exc
    with transaction.atomic():
        run = PreviewRun.objects.create(draft=draft, requested_by=actor)
        outbox_enqueue("rules.tasks.preview_execute", run.pk)
    return run


PREVIEW_CHUNK = 2000
PREVIEW_LIST_LIMIT = 500
QUOTES_LISTED = 3  # per deal listed: the quotes it would gain, and those it would lose


def preview_execute(*, run_id: int, takeover: bool = False) -> PreviewRun:
    """Re-score every deal's latest snapshot with the draft and with the criteria in force,
    and list the deals whose tier would change, both ways, with counts per criterion.

    Both sides read the same stored snapshot (the deal, country and restricted-party facts
    as they were screened), so the difference is the effect of the draft alone.
    `takeover`: the caller knows the run's previous execution is dead (the outbox lease
    lapsed), so a run left `running` is computed again from the start.
    """
    claimable = [PreviewRun.Status.QUEUED] + ([PreviewRun.Status.RUNNING] if takeover else [])
    claimed = PreviewRun.objects.filter(pk=run_id, status__in=claimable).update(
        status=PreviewRun.Status.RUNNING
    )
    run = PreviewRun.objects.select_related("draft").get(pk=run_id)
    if not claimed:
        return run  # already running or done elsewhere: a re-delivered task changes nothing
    try:
        return _preview_compute(run)
    except Exception as exc:
        PreviewRun.objects.filter(pk=run_id).update(
            status=PreviewRun.Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise


def _preview_compute(run: PreviewRun) -> PreviewRun:
    draft = criteria_compiled(run.draft)
    in_force_version = criteria_published_current()
    in_force = criteria_compiled(in_force_version) if in_force_version else None
    qs = Opportunity.objects.exclude(current_screening=None)
    total = qs.count()
    PreviewRun.objects.filter(pk=run.pk).update(total=total)
    up, down, evidence = [], [], []
    counts = {"up": 0, "down": 0, "same": 0, "evidence": 0}
    fired_before: dict[str, int] = {}
    fired_after: dict[str, int] = {}
    done = 0
    rows = qs.values_list(
        "pk",
        "reference",
        "title",
        "current_screening__tier",
        "current_screening__snapshot",
        "current_screening__criteria_version_id",
    ).order_by("pk")
    # Reading the text is the costly part. A deal screened with the version in force holds
    # what that version's lexicon read: reused, and read again only if a phrase the draft
    # adds, removes or changes can match in its text.
    read_after = preview_text_reader(draft, in_force)
    in_force_id = in_force_version.pk if in_force_version else None
    for pk, ref, title, stored_tier, stored, version_id in rows.iterator(chunk_size=PREVIEW_CHUNK):
        snapshot = snapshot_upgraded(stored)
        stored_text = _text_of(stored) if version_id == in_force_id else None
        before_text = stored_text or (text_read(snapshot, in_force) if in_force else None)
        after_text = read_after(snapshot, before_text)
        after_tier, after_score, after_codes = screen_brief(snapshot, draft, after_text)
        before_tier, before_codes = stored_tier, after_codes
        if in_force is not None:
            before_tier, _, before_codes = screen_brief(snapshot, in_force, before_text)
            for code in before_codes:
                fired_before[code] = fired_before.get(code, 0) + 1
        for code in after_codes:
            fired_after[code] = fired_after.get(code, 0) + 1
        delta = tier_rank(after_tier) - tier_rank(before_tier)
        gained, lost = quotes_moved(before_text, after_text)
        if delta or gained or lost:
            key, bucket = (
                ("up", up) if delta > 0 else ("down", down) if delta else ("evidence", evidence)
            )
            counts[key] += 1
            if len(bucket) < PREVIEW_LIST_LIMIT:
                bucket.append(
                    {
                        "id": pk,
                        "reference": ref,
                        "title": title,
                        "from": before_tier,
                        "to": after_tier,
                        "score": after_score,
                        # why, in what the reviewer reads: criteria and quotes gained or lost
                        "fires": sorted(set(after_codes) - set(before_codes)),
                        "stops": sorted(set(before_codes) - set(after_codes)),
                        "quotes": gained[:QUOTES_LISTED],
                        "unquoted": lost[:QUOTES_LISTED],
                    }
                )
        if not delta:
            counts["same"] += 1
        done += 1
        if done % PREVIEW_CHUNK == 0:
            PreviewRun.objects.filter(pk=run.pk).update(done=done)
    per_criterion = sorted(
        (
            {"code": code, "before": fired_before.get(code, 0), "after": fired_after.get(code, 0)}
            for code in set(fired_before) | set(fired_after)
            if fired_before.get(code, 0) != fired_after.get(code, 0)
        ),
        key=lambda r: (-abs(r["after"] - r["before"]), r["code"]),
    )
    PreviewRun.objects.filter(pk=run.pk).update(
        done=done,
        status=PreviewRun.Status.DONE,
        finished_at=timezone.now(),
        result={
            "counts": counts,
            "up": up,
            "down": down,
            "evidence": evidence,
            "per_criterion": per_criterion,
            "names": _criterion_names(run.draft, in_force_version),
            "compared_with": in_force_version.number if in_force_version else None,
        },
    )
    run.refresh_from_db()
    return run


def _text_of(snapshot: dict) -> dict | None:
    """The text.* fields a stored screening read, or None if it predates them (with the
    phrases behind each quote when the screening recorded them)."""
    if not all(f in snapshot for f in TEXT_DERIVED_FIELDS if f not in TEXT_FACT_FIELDS):
        return None
    return {
        **dict.fromkeys(TEXT_FACT_FIELDS, []),
        **{f: snapshot[f] for f in TEXT_READ_FIELDS if f in snapshot},
    }


def _criterion_names(draft: CriteriaVersion, in_force: CriteriaVersion | None) -> dict[str, str]:
    """Each criterion's name by its code, the draft's over the version in force's."""
    names = dict(in_force.criteria.values_list("code", "name")) if in_force else {}
    return names | dict(draft.criteria.values_list("code", "name"))
