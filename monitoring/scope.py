"""Which deals and organisations a re-screening covers, and what a list version changed.

The scope is the open deals and the deals approved (with or without conditions) within
the look-back window (MONITORING_LOOKBACK_MONTHS), narrowed by what the trigger can
affect: the countries whose data changed, the organisation whose factors changed, or,
for a list update, the parties the delta can affect.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from opportunities.models import ChannelEntry, Opportunity
from opportunities.workflow import OPEN
from partners.models import Organisation
from restricted_parties.models import RestrictedPartyEntry, RestrictedPartyList
from restricted_parties.selectors import parties_screen
from reviews.models import Decision

from .models import ListDelta, RescreenRun

S = Opportunity.Status
APPROVED = (S.APPROVED, S.APPROVED_WITH_CONDITIONS)
ORG_SCREEN_BATCH = 5000


def lookback_start(now: datetime | None = None) -> datetime:
    months = settings.MONITORING_LOOKBACK_MONTHS
    return (now or timezone.now()) - timedelta(days=round(months * 30.44))


def opportunities_in_scope(now: datetime | None = None) -> QuerySet[Opportunity]:
    """Open deals, and approvals decided within the look-back window."""
    recent = Decision.objects.filter(
        opportunity=OuterRef("pk"), decided_at__gte=lookback_start(now)
    )
    return Opportunity.objects.filter(
        Q(status__in=OPEN) | (Q(status__in=APPROVED) & Exists(recent))
    )


def opportunities_of_organisations(qs: QuerySet[Opportunity], org_ids) -> QuerySet[Opportunity]:
    in_channel = ChannelEntry.objects.filter(
        opportunity=OuterRef("pk"), organisation_id__in=org_ids
    )
    return qs.filter(Q(end_customer_id__in=org_ids) | Exists(in_channel))


def opportunities_of_countries(qs: QuerySet[Opportunity], countries) -> QuerySet[Opportunity]:
    in_channel = ChannelEntry.objects.filter(opportunity=OuterRef("pk"), country__in=countries)
    return qs.filter(
        Q(end_customer_country__in=countries)
        | Q(delivery_country__in=countries)
        | Exists(in_channel)
    )


def list_delta_record(run: RescreenRun) -> ListDelta | None:
    """What the run's list version added, changed and removed against the version it
    replaced, by source identifier (recorded once per version)."""
    new = run.restricted_party_list
    if new is None:
        return None
    existing = ListDelta.objects.filter(restricted_party_list=new).first()
    if existing is not None:
        return existing
    fields = ("source_id", "name", "aliases", "countries", "weak_aliases")

    def entries(list_id):
        if list_id is None:
            return {}
        rows = RestrictedPartyEntry.objects.filter(list_id=list_id).values_list(*fields)
        out: dict[str, list] = {}
        for sid, name, aliases, countries, weak in rows.iterator(chunk_size=5000):
            # OFAC-style lists may repeat an id (one row per program): merge them.
            out.setdefault(sid, []).append(
                (name, sorted(aliases or []), sorted(countries or []), sorted(weak or []))
            )
        return {k: sorted(v) for k, v in out.items()}

    before, after = entries(run.previous_list_id), entries(new.pk)
    added = [[sid, rows[0][0]] for sid, rows in after.items() if sid not in before]
    removed = [[sid, rows[0][0]] for sid, rows in before.items() if sid not in after]
    changed = [
        [sid, rows[0][0]] for sid, rows in after.items() if sid in before and before[sid] != rows
    ]
    delta, _ = ListDelta.objects.get_or_create(
        restricted_party_list=new,
        defaults={
            "previous_id": run.previous_list_id,
            "added": sorted(added),
            "changed": sorted(changed),
            "removed": sorted(removed),
            "created_at": timezone.now(),
        },
    )
    return delta


def organisations_to_screen(delta: ListDelta) -> list[int]:
    """Every organisation, when the delta added or changed an entry (any could score
    against it); none otherwise."""
    if not (delta.added or delta.changed):
        return []
    return list(Organisation.objects.order_by("pk").values_list("pk", flat=True))


def organisations_hit_by(
    delta: ListDelta, list_name: str, organisation_ids: list[int]
) -> dict[int, list]:
    """Organisations of `organisation_ids` that score at least the possible-match
    threshold against an entry the delta added or changed, screened with the full active
    lists (so every score is the one a deal's screening would give):
    {organisation id: [PartyMatch, ...]}."""
    touched = {sid for sid, _ in delta.added} | {sid for sid, _ in delta.changed}
    if not touched:
        return {}
    out: dict[int, list] = {}
    for at in range(0, len(organisation_ids), ORG_SCREEN_BATCH):
        batch = list(
            Organisation.objects.filter(pk__in=organisation_ids[at : at + ORG_SCREEN_BATCH])
            .order_by("pk")
            .values_list("pk", "name", "country")
        )
        matches = parties_screen([(name, country) for _, name, country in batch])
        by_party: dict[tuple[str, str], list] = {}
        for m in matches:
            if m.list_name == list_name and m.source_id in touched:
                by_party.setdefault((m.party_name, m.party_country), []).append(m)
        for pk, name, country in batch:
            found = by_party.get((name or "", (country or "").upper()))
            if found:
                out[pk] = found
    return out


def list_update_delta(run: RescreenRun) -> tuple[ListDelta, dict]:
    """The run's list delta and the scope notes: what it added, changed and removed, and
    whether the re-screening can be limited to the deals it can affect (not without a
    previous version, nor when the delta is more than MONITORING_FULL_RESCREEN_SHARE of
    the list)."""
    delta = list_delta_record(run)
    new: RestrictedPartyList = run.restricted_party_list
    size = max(new.entry_count, 1)
    touched = len(delta.added) + len(delta.changed) + len(delta.removed)
    notes = {
        "added": len(delta.added),
        "changed": len(delta.changed),
        "removed": len(delta.removed),
        "limited_to_delta": run.previous_list_id is not None
        and touched / size <= settings.MONITORING_FULL_RESCREEN_SHARE,
    }
    return delta, notes


def list_update_deals(
    base: QuerySet[Opportunity], notes: dict, hit_ids: list[int]
) -> QuerySet[Opportunity]:
    """The deals of a list update (`notes` from `list_update_delta`).

    Sound limit: a deal's result can change only if one of its parties scores against an
    entry the delta added or changed (`hit_ids`, found by screening every organisation
    against the new lists), or it already had a match or possible match (a removed or
    changed entry may drop it)."""
    if not notes["limited_to_delta"]:
        return base
    notes["organisations_hit"] = len(hit_ids)
    already = base.filter(current_screening__restricted_party_matched=True)
    return opportunities_of_organisations(base, hit_ids) | already
