"""Reading restricted-party data: the active lists and screening names against them."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, QuerySet, Sum

from . import matching
from .models import FalsePositive, RestrictedPartyEntry, RestrictedPartyList

#: Seconds between checks of the active lists' fingerprint (one small query).
INDEX_TTL_SECONDS = 5.0


@dataclass(frozen=True)
class PartyMatch:
    """One party of a deal that matched one list entry at or above the threshold."""

    party_name: str
    party_country: str
    entry_id: int
    list_name: str
    source_id: str
    name: str
    matched_alias: str
    score: float
    countries: tuple[str, ...] = ()
    country_match: bool = False
    false_positive: bool = False


class _IndexCache:
    """The per-process match index over all active entries.

    Rebuilt when the fingerprint of the active lists changes; the fingerprint is read at
    most once per INDEX_TTL_SECONDS, so screening does not query the lists per name.
    Builds are serialised by a lock; readers use whichever complete index is current.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: matching.MatchIndex | None = None
        self._fingerprint: tuple | None = None
        self._checked_at = 0.0

    def clear(self) -> None:
        with self._lock:
            self._index = None
            self._fingerprint = None
            self._checked_at = 0.0

    def get(self) -> matching.MatchIndex:
        now = time.monotonic()
        index = self._index
        if index is not None and now - self._checked_at < INDEX_TTL_SECONDS:
            return index
        with self._lock:
            fingerprint = _active_fingerprint()
            if self._index is None or fingerprint != self._fingerprint:
                self._index = _index_build()
                self._fingerprint = fingerprint
            self._checked_at = time.monotonic()
            return self._index


def _active_fingerprint() -> tuple:
    agg = RestrictedPartyList.objects.filter(is_active=True).aggregate(
        n=Count("id"), max_id=Max("id"), entries=Sum("entry_count"), latest=Max("imported_at")
    )
    return (agg["n"], agg["max_id"], agg["entries"], agg["latest"])


def _index_build() -> matching.MatchIndex:
    rows = RestrictedPartyEntry.objects.filter(list__is_active=True).values_list(
        "id", "list__name", "source_id", "name", "countries", "name_key", "aliases", "alias_keys"
    )
    return matching.MatchIndex(
        [
            matching.EntryRecord(
                entry_id=pk,
                list_name=list_name,
                source_id=source_id,
                name=name,
                countries=tuple(countries or ()),
                name_key=name_key,
                aliases=tuple(aliases or ()),
                alias_keys=tuple(alias_keys or ()),
            )
            for pk, list_name, source_id, name, countries, name_key, aliases, alias_keys in rows
        ]
    )


_cache = _IndexCache()


def match_index_get() -> matching.MatchIndex:
    """The current index over all active list entries (cached per process)."""
    return _cache.get()


def match_index_invalidate() -> None:
    """Make the next screening in this process rebuild the index (after an import)."""
    _cache.clear()


def active_lists() -> QuerySet[RestrictedPartyList]:
    """Lists in force, by name, with who imported them."""
    return RestrictedPartyList.objects.filter(is_active=True).select_related("imported_by")


def _screen(parties: list[tuple[str, str]], *, drop_false_positives: bool) -> list[PartyMatch]:
    parties = [(name or "", (country or "").upper()) for name, country in parties]
    index = match_index_get()
    threshold = float(settings.RESTRICTED_PARTY_MATCH_THRESHOLD)
    hits = index.search_many(parties, threshold=threshold) if len(index) else []
    if not any(hits):
        return []
    party_keys = {
        matching.name_key(name) for (name, _), found in zip(parties, hits, strict=True) if found
    }
    marked = set(
        FalsePositive.objects.filter(party_name_key__in=party_keys).values_list(
            "party_name_key", "list_name", "source_id", "entry_name_key"
        )
    )
    out: list[PartyMatch] = []
    for (name, country), found in zip(parties, hits, strict=True):
        key = matching.name_key(name)
        for hit in found:
            e = hit.entry
            is_fp = (key, e.list_name, e.source_id, e.name_key) in marked
            if is_fp and drop_false_positives:
                continue
            out.append(
                PartyMatch(
                    party_name=name,
                    party_country=country,
                    entry_id=e.entry_id,
                    list_name=e.list_name,
                    source_id=e.source_id,
                    name=e.name,
                    matched_alias=hit.matched_name,
                    score=hit.score,
                    countries=e.countries,
                    country_match=hit.country_match,
                    false_positive=is_fp,
                )
            )
    return out


def parties_screen(parties: list[tuple[str, str]]) -> list[PartyMatch]:
    """Matches of each (name, ISO2 country or "") at or above
    settings.RESTRICTED_PARTY_MATCH_THRESHOLD against all active lists.

    Grouped by party in the given order, best score first within a party. Matches a
    reviewer marked as false positives for that party name are left out. Costs one
    query (false positives) when something matched, plus an index rebuild after a list
    import.
    """
    return _screen(parties, drop_false_positives=True)


def restricted_party_search(name: str, country: str = "") -> list[PartyMatch]:
    """A reviewer's search: like `parties_screen` for one name, but matches marked as
    false positives are kept and flagged, so the reviewer sees the whole picture."""
    return _screen([(name, country)], drop_false_positives=False)


def false_positive_list(limit: int = 50) -> QuerySet[FalsePositive]:
    """The latest false-positive findings, newest first."""
    return FalsePositive.objects.select_related("created_by", "entry")[:limit]
