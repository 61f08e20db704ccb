"""Changing restricted-party data: importing lists and marking false positives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from outbox.services import outbox_enqueue

from . import importers, matching, policies
from .models import FalsePositive, MatchThresholds, RestrictedPartyEntry, RestrictedPartyList
from .selectors import match_index_invalidate, match_index_prepare, match_thresholds
from .signals import restricted_party_list_imported

DEFAULT_LIST_NAMES = {
    importers.FORMAT_OFAC_SDN: "OFAC SDN",
    importers.FORMAT_CSL: "US Consolidated Screening List",
    importers.FORMAT_OPENSANCTIONS: "OpenSanctions",
}
SAMPLE_LIST_NAME = "Sample list (fictional)"
SAMPLE_LIST_PATH = Path(__file__).resolve().parent / "data" / "sample_list.csv"


def _entry_rows(parsed: importers.ParsedList, list_obj: RestrictedPartyList):
    for e in parsed.entries:
        yield RestrictedPartyEntry(
            list=list_obj,
            source_id=e.source_id,
            name=e.name,
            aliases=e.aliases,
            countries=e.countries,
            entity_type=e.entity_type,
            programs=e.programs,
            remarks=e.remarks,
            name_key=matching.name_key(e.name),
            alias_keys=[matching.name_key(a) for a in e.aliases],
            weak_aliases=e.weak_aliases,
        )


def _list_store(
    *, actor: Any | None, parsed: importers.ParsedList, name: str, source_format: str
) -> RestrictedPartyList:
    """Replace the active list called `name` with `parsed`, in one transaction."""
    try:
        with transaction.atomic():
            previous = (
                RestrictedPartyList.objects.select_for_update()
                .filter(name=name, is_active=True)
                .first()
            )
            if previous is not None:
                # Deactivate first: the partial unique constraint allows one active per name.
                RestrictedPartyList.objects.filter(pk=previous.pk).update(is_active=False)
            new = RestrictedPartyList.objects.create(
                name=name,
                source_format=source_format,
                imported_at=timezone.now(),
                imported_by=actor if getattr(actor, "pk", None) else None,
                entry_count=len(parsed.entries),
                is_active=True,
                file_name=parsed.file_name[:500],
                file_sha256=parsed.sha256,
                warnings=parsed.warnings,
                row_counts=parsed.row_counts,
            )
            RestrictedPartyEntry.objects.bulk_create(_entry_rows(parsed, new), batch_size=1000)
            # Built once, by a worker, before the first screening needs it.
            outbox_enqueue("restricted_parties.tasks.match_index_build", new.pk)
            _rescreen_after_import(actor=actor, new=new, previous=previous)
            audit_record(
                actor=actor,
                action="restricted_party_list.imported",
                object_type="restricted_party_list",
                object_id=new.pk,
                changes={
                    "name": name,
                    "format": source_format,
                    "entry_count": new.entry_count,
                    "file_name": new.file_name,
                    "file_sha256": new.file_sha256,
                    "replaced_list_id": previous.pk if previous else None,
                    "warnings": len(parsed.warnings),
                    "rows": parsed.row_counts,
                },
            )
    except IntegrityError as exc:
        raise Conflict(
            f"Another import of {name!r} finished at the same time; reload and try again."
        ) from exc
    finally:
        match_index_invalidate()
    transaction.on_commit(match_index_invalidate)
    return new


def _rescreen_after_import(
    *, actor: Any | None, new: RestrictedPartyList, previous: RestrictedPartyList | None
) -> None:
    """Deals and organisations are re-screened against the new version in the background
    (`monitoring`, on `restricted_party_list_imported`), limited to what its changes can
    affect; the signal is sent in the import's transaction."""
    restricted_party_list_imported.send(
        sender=RestrictedPartyList, actor=actor, new=new, previous=previous
    )


def restricted_party_list_import(
    *,
    actor: Any | None,
    fmt: str,
    path_or_file: Any,
    name: str | None = None,
) -> RestrictedPartyList:
    """Import a list file and make it the active list of its name.

    The whole file is parsed and validated before anything is written; a malformed file
    raises `importers.ListImportError` (with the row and reason) and the list already in
    force stays in force. On success the new version replaces the active list of the
    same name in one transaction (the old one is deactivated and kept), with an audit
    event. Only admins may import; `actor` None is the system (management command).

    `path_or_file`: for "ofac-sdn" a directory or a mapping of sdn.csv / alt.csv / add.csv
    to paths, bytes or files; otherwise a path, bytes or a file.
    """
    reason = policies.why_not_import_lists(actor)
    if reason:
        raise PermissionDenied(reason)
    name = (name or "").strip() or DEFAULT_LIST_NAMES.get(fmt, "")
    if len(name) > 120:
        raise ApplicationError(
            "The list name is too long.", errors={"name": "at most 120 characters"}
        )
    parsed = importers.list_parse(fmt, path_or_file)
    return _list_store(actor=actor, parsed=parsed, name=name, source_format=fmt)


def match_index_build(*, list_id: int) -> bool:
    """Build and save the match index of list `list_id` unless its file is already there
    (the outbox queues this after each import). False when the list is not active."""
    return match_index_prepare(list_id)


def sample_list_load(*, actor: Any | None = None) -> RestrictedPartyList:
    """Load the fictional sample list (restricted_parties/data/sample_list.csv) for demos
    and tests. Idempotent: when the active sample list already has the file's hash it
    is returned unchanged.
    """
    parsed = importers.opensanctions_parse(SAMPLE_LIST_PATH)
    current = RestrictedPartyList.objects.filter(name=SAMPLE_LIST_NAME, is_active=True).first()
    if current is not None and current.file_sha256 == parsed.sha256:
        return current
    return _list_store(
        actor=actor,
        parsed=parsed,
        name=SAMPLE_LIST_NAME,
        source_format=RestrictedPartyList.Format.SAMPLE,
    )


def false_positive_mark(
    *,
    actor: Any,
    party_name: str,
    entry_id: int,
    reason: str,
    opportunity_id: int | None = None,
) -> FalsePositive:
    """Record that `party_name` is not the listed entry `entry_id`, so screening stops
    reporting that pair (for that normalised party name only; other parties matching the
    same entry are still reported).

    Reviewers and admins only; a reason is required. Marking the same pair again returns
    the existing finding unchanged. Audited in the same transaction.
    """
    refusal = policies.why_not_screen(actor)
    if refusal:
        raise PermissionDenied(refusal)
    party_name = (party_name or "").strip()
    reason = (reason or "").strip()
    errors = {}
    if not party_name:
        errors["party_name"] = "This field is required."
    if not reason:
        errors["reason"] = "Say why this party is not the listed entry."
    if errors:
        raise ApplicationError("A party name and a reason are required.", errors=errors)
    key = matching.name_key(party_name)
    if not key:
        raise ApplicationError(
            "The party name has no letters or digits.",
            errors={"party_name": "no letters or digits"},
        )
    entry = RestrictedPartyEntry.objects.select_related("list").filter(pk=entry_id).first()
    if entry is None:
        raise NotFound("No such list entry.", errors={"entry_id": f"no entry {entry_id}"})
    lookup = {
        "party_name_key": key,
        "list_name": entry.list.name,
        "source_id": entry.source_id,
        "entry_name_key": matching.name_key(entry.name),
    }
    existing = FalsePositive.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            fp = FalsePositive.objects.create(
                party_name=party_name[:500],
                entry=entry,
                reason=reason,
                opportunity_id=opportunity_id,
                created_by=actor,
                created_at=timezone.now(),
                **lookup,
            )
            audit_record(
                actor=actor,
                action="restricted_party.false_positive_marked",
                object_type="false_positive",
                object_id=fp.pk,
                opportunity_id=opportunity_id,
                changes={
                    "party_name": fp.party_name,
                    "entry_id": entry.pk,
                    "list_name": entry.list.name,
                    "source_id": entry.source_id,
                    "entry_name": entry.name,
                },
                comment=reason,
            )
    except IntegrityError:  # marked by someone else a moment ago
        return FalsePositive.objects.get(**lookup)
    return fp


def match_thresholds_set(*, actor: Any, match: float, possible_match: float) -> MatchThresholds:
    """Set the match and possible-match thresholds (admins only), audited.

    0 <= possible_match <= match <= 100, or nothing changes. Screenings after the commit
    use the new values (other processes within INDEX_TTL_SECONDS) and record them.
    """
    reason = policies.why_not_set_thresholds(actor)
    if reason:
        raise PermissionDenied(reason)
    errors = {}
    for field, value in (("match", match), ("possible_match", possible_match)):
        if value is None or not 0 <= float(value) <= 100:
            errors[field] = "A score from 0 to 100."
    if not errors and float(possible_match) > float(match):
        errors["possible_match"] = "At most the match threshold."
    if errors:
        raise ApplicationError("The thresholds are not valid.", errors=errors)
    with transaction.atomic():
        before = match_thresholds()
        row, _ = MatchThresholds.objects.select_for_update().update_or_create(
            pk=1,
            defaults={
                "match": float(match),
                "possible_match": float(possible_match),
                "updated_at": timezone.now(),
                "updated_by": actor,
            },
        )
        audit_record(
            actor=actor,
            action="restricted_party.thresholds_changed",
            object_type="match_thresholds",
            object_id=row.pk,
            changes={
                "match": [before.match, row.match],
                "possible_match": [before.possible_match, row.possible_match],
            },
        )
        transaction.on_commit(match_index_invalidate)
    return row
