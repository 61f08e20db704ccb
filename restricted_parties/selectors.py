"""Reading restricted-party data: the active lists and screening names against them."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

from . import index_files, matching
from .models import FalsePositive, MatchThresholds, RestrictedPartyEntry, RestrictedPartyList

#: Seconds between checks of the active lists' fingerprint (one small query).
INDEX_TTL_SECONDS = 5.0


MATCH = "match"
POSSIBLE_MATCH = "possible_match"


@dataclass(frozen=True)
class PartyMatch:
    """One party of a deal that scored at least the possible-match threshold against one
    list entry; `band` says whether it is a match (a hard stop) or a possible match."""

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
    band: str = MATCH
    explanation: str = ""


@dataclass(frozen=True)
class Thresholds:
    match: float
    possible_match: float


class _IndexCache:
    """Per-process match indexes, one per active list version.

    A list version never changes after import, so its index is built once (by whichever
    process needs it first, or the task queued by the import), saved to a file in
    RESTRICTED_PARTY_INDEX_DIR and loaded from there by every other process; importing
    one list builds only its own index.
    The set of active versions is read at most once per INDEX_TTL_SECONDS (one small
    query), so screening does not query the lists per name. Builds are serialised by a
    lock; readers use whichever complete indexes are current.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._indexes: dict[tuple, matching.MatchIndex] = {}
        self._thresholds: Thresholds | None = None
        self._checked_at = 0.0
        self._names: dict[int, str] = {}

    def clear(self) -> None:
        with self._lock:
            self._indexes = {}
            self._thresholds = None
            self._checked_at = 0.0

    def get(self) -> tuple[list[matching.MatchIndex], Thresholds]:
        return self.get_with_versions()[:2]

    def get_with_versions(self) -> tuple[list[matching.MatchIndex], Thresholds, list[dict]]:
        """The indexes, the thresholds, and the list versions those indexes are of."""
        if self._thresholds is not None and time.monotonic() - self._checked_at < INDEX_TTL_SECONDS:
            return list(self._indexes.values()), self._thresholds, self._versions()
        with self._lock:
            # A version is its id with its import time and size (ids can be reused after a
            # database is restored or a test rolls back).
            active = _active_versions()
            self._names = dict(
                RestrictedPartyList.objects.filter(pk__in=[v[0] for v in active]).values_list(
                    "id", "name"
                )
            )
            self._indexes = {v: self._indexes.get(v) or _index_get(v, active) for v in active}
            self._thresholds = _thresholds_read()
            self._checked_at = time.monotonic()
            return list(self._indexes.values()), self._thresholds, self._versions()

    def _versions(self) -> list[dict]:
        return [
            {"id": v[0], "name": self._names.get(v[0], ""), "imported_at": v[1].isoformat()}
            for v in self._indexes
        ]


def _thresholds_read() -> Thresholds:
    row = MatchThresholds.objects.filter(pk=1).first()
    if row is not None:
        return Thresholds(row.match, row.possible_match)
    match = float(settings.RESTRICTED_PARTY_MATCH_THRESHOLD)
    return Thresholds(match, min(float(settings.RESTRICTED_PARTY_POSSIBLE_MATCH_THRESHOLD), match))


def _active_versions() -> list[tuple]:
    """(id, import time, size) of each active list, by id."""
    return sorted(
        RestrictedPartyList.objects.filter(is_active=True).values_list(
            "id", "imported_at", "entry_count"
        )
    )


def _index_name(version: tuple) -> str:
    list_id, imported_at, entry_count = version
    return f"list-{list_id}-{imported_at:%Y%m%dT%H%M%S%f}-{entry_count}"


def _index_get(version: tuple, active: list[tuple]) -> matching.MatchIndex:
    """The index of one list version (id, import time, size): from its file, else built
    and saved; files of versions no longer in `active` are deleted."""
    return index_files.index_load_or_build(
        settings.RESTRICTED_PARTY_INDEX_DIR,
        _index_name(version),
        lambda: _index_build(version[0]),
        secret=settings.SECRET_KEY.encode(),
        keep=[_index_name(v) for v in active],
    )


def match_index_prepare(list_id: int) -> bool:
    """Make sure the saved index of list `list_id` exists (building it if needed), so
    that no screening waits for it; False when the list is no longer active."""
    active = _active_versions()
    version = next((v for v in active if v[0] == list_id), None)
    if version is None:
        return False
    _index_get(version, active)
    return True


def _index_build(list_id: int) -> matching.MatchIndex:
    rows = RestrictedPartyEntry.objects.filter(list_id=list_id).values_list(
        "id", "list__name", "source_id", "name", "countries", "aliases", "weak_aliases"
    )
    return matching.MatchIndex(
        [
            matching.EntryRecord(
                entry_id=pk,
                list_name=list_name,
                source_id=source_id,
                name=name,
                countries=tuple(countries or ()),
                aliases=tuple(aliases or ()),
                weak_aliases=tuple(weak or ()),
            )
            for pk, list_name, source_id, name, countries, aliases, weak in rows.iterator(
                chunk_size=5000
            )
        ]
    )


_cache = _IndexCache()


def match_indexes_get() -> tuple[list[matching.MatchIndex], Thresholds]:
    """The indexes of the active lists and the thresholds in force (cached per process)."""
    return _cache.get()


def active_list_versions() -> list[dict]:
    """The list versions screening uses now ({"id", "name", "imported_at"}), the same
    ones as `match_indexes_get` (cached per process)."""
    return _cache.get_with_versions()[2]


def match_thresholds() -> Thresholds:
    """The match and possible-match thresholds in force."""
    return _cache.get()[1]


def match_index_invalidate() -> None:
    """Make the next screening in this process re-read the lists and thresholds."""
    _cache.clear()


def active_lists() -> QuerySet[RestrictedPartyList]:
    """Lists in force, by name, with who imported them."""
    return RestrictedPartyList.objects.filter(is_active=True).select_related("imported_by")


def _screen(parties: list[tuple[str, str]], *, drop_false_positives: bool) -> list[PartyMatch]:
    parties = [(name or "", (country or "").upper()) for name, country in parties]
    indexes, thresholds = match_indexes_get()
    floor = thresholds.possible_match
    hits: list[list[matching.Hit]] = [[] for _ in parties]
    for index in indexes:
        if len(index):
            for found, more in zip(hits, index.search_many(parties, threshold=floor), strict=True):
                found.extend(more)
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
        found.sort(key=lambda h: (-h.score, not h.country_match, h.entry.name, h.entry.entry_id))
        for hit in found:
            e = hit.entry
            is_fp = (key, e.list_name, e.source_id, matching.name_key(e.name)) in marked
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
                    band=MATCH if hit.score >= thresholds.match else POSSIBLE_MATCH,
                    explanation=hit.explanation.text() if hit.explanation else "",
                )
            )
    return out


_screened = threading.local()


@contextmanager
def parties_screened(parties: list[tuple[str, str]]) -> Iterator[None]:
    """Screen many parties at once (one search pass, one false-positive query) and
    answer `parties_screen` from that result for those parties until the block ends,
    in this thread: a batch (a re-screening chunk) screens each distinct party once."""
    keys = list(dict.fromkeys((name or "", (country or "").upper()) for name, country in parties))
    found: dict[tuple[str, str], list[PartyMatch]] = {key: [] for key in keys}
    for m in _screen(keys, drop_false_positives=True):
        found[(m.party_name, m.party_country)].append(m)
    outer = getattr(_screened, "found", None)
    _screened.found = found
    try:
        yield
    finally:
        _screened.found = outer


def parties_screen(parties: list[tuple[str, str]]) -> list[PartyMatch]:
    """Matches and possible matches of each (name, ISO2 country or "") against all
    active lists: every entry scoring at least the possible-match threshold, with its
    band and the reasons it matched.

    Grouped by party in the given order, best score first within a party. Matches a
    reviewer marked as false positives for that party name are left out. Costs one
    query (false positives) when something matched, plus an index rebuild after a list
    import; nothing inside `parties_screened` for the parties it screened.
    """
    found = getattr(_screened, "found", None)
    if found is not None:
        keys = [(name or "", (country or "").upper()) for name, country in parties]
        if all(key in found for key in keys):
            return [m for key in keys for m in found[key]]
    return _screen(parties, drop_false_positives=True)


def restricted_party_search(name: str, country: str = "") -> list[PartyMatch]:
    """A reviewer's search: like `parties_screen` for one name, but matches marked as
    false positives are kept and flagged, so the reviewer sees the whole picture."""
    return _screen([(name, country)], drop_false_positives=False)


def false_positive_list(limit: int = 50) -> QuerySet[FalsePositive]:
    """The latest false-positive findings, newest first."""
    return FalsePositive.objects.select_related("created_by", "entry")[:limit]
