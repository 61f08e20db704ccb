from __future__ import annotations

import threading

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from refdata.cache import CRITERIA, cached

from .engine import CriterionSpec, LexiconEntry, compile_criteria
from .models import CriteriaVersion, Criterion, LearnedCues
from .models import LexiconEntry as LexiconEntryRow

_lock = threading.Lock()
_compiled: dict[tuple, object] = {}


def criterion_spec(c: Criterion) -> CriterionSpec:
    return CriterionSpec(
        code=c.code,
        name=c.name,
        dimension=c.dimension,
        condition=c.condition,
        scale=c.scale,
        scope=c.scope,
        irremediability=c.irremediability,
        likelihood=c.likelihood,
        severity_uplift=c.severity_uplift,
        outcome=c.outcome,
        explanation=c.explanation,
        reasoning=c.reasoning,
        source=c.source,
        ask=c.ask,
        enabled=c.enabled,
    )


def criteria_specs(version: CriteriaVersion) -> list[CriterionSpec]:
    return [criterion_spec(c) for c in version.criteria.all()]


def lexicon_entry(row: LexiconEntryRow) -> LexiconEntry:
    return LexiconEntry(
        phrase=row.phrase,
        language=row.language,
        category=row.category,
        source=row.source,
        enabled=row.enabled,
        family=row.family,
        any_language=row.any_language,
        role=row.role,
        tells_service=row.tells_service,
    )


def criteria_lexicon(version: CriteriaVersion) -> list[LexiconEntry]:
    """The version's text-signal lexicon, in a stable order (language, category, id)."""
    return [lexicon_entry(r) for r in version.lexicon.all()]


def _in_declared_order(field: str, choices: list[tuple[str, str]]) -> Case:
    """A field's values ranked as its choices are declared (the order the forms offer)."""
    return Case(
        *(When(**{field: value}, then=Value(rank)) for rank, (value, _label) in enumerate(choices)),
        default=Value(len(choices)),
        output_field=IntegerField(),
    )


def lexicon_entries_listed(
    version: CriteriaVersion,
    *,
    language: str = "",
    category: str = "",
    role: str | None = None,
    enabled: bool | None = None,
    search: str = "",
) -> QuerySet[LexiconEntryRow]:
    """The version's lexicon entries as its page lists them: narrowed by what is given
    (empty or None: any), ordered by category, then language, then phrase.

    ``role`` "" is plain benign context: other categories' entries have no role either,
    but the list names a role only for benign context, so "plain" means that. ``search``
    is looked for in the phrase and in the source, whatever the case (SQLite folds the
    case of Latin letters only)."""
    entries = version.lexicon.all()
    if language:
        entries = entries.filter(language=language)
    if category:
        entries = entries.filter(category=category)
    if role == "":
        entries = entries.filter(category=LexiconEntryRow.Category.BENIGN, role="")
    elif role is not None:
        entries = entries.filter(role=role)
    if enabled is not None:
        entries = entries.filter(enabled=enabled)
    if search:
        entries = entries.filter(Q(phrase__icontains=search) | Q(source__icontains=search))
    return entries.order_by(
        _in_declared_order("category", LexiconEntryRow.Category.choices),
        _in_declared_order("language", LexiconEntryRow.Language.choices),
        "phrase",
        "id",  # a tie-break, so no row moves from one page to the next between requests
    )


def lexicon_entries_counted(version: CriteriaVersion) -> int:
    return version.lexicon.count()


def criteria_learned_cues(version: CriteriaVersion) -> dict | None:
    """The version's learned cues (a criteria pack's ``learned_cues`` section), None when
    it reads its text with the lexicon alone."""
    row = LearnedCues.objects.filter(version=version).only("data").first()
    return row.data if row else None


def criteria_published_current() -> CriteriaVersion | None:
    """The criteria in force (cached per process until a version is saved)."""
    return cached(CRITERIA, _criteria_published_load)


def _criteria_published_load() -> CriteriaVersion | None:
    return (
        CriteriaVersion.objects.filter(status=CriteriaVersion.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )


def criteria_draft() -> CriteriaVersion | None:
    return CriteriaVersion.objects.filter(status=CriteriaVersion.Status.DRAFT).first()


def criteria_versions() -> QuerySet[CriteriaVersion]:
    return CriteriaVersion.objects.filter(status=CriteriaVersion.Status.PUBLISHED).order_by(
        "-number"
    )


def criteria_compiled(version: CriteriaVersion):
    """Compiled criteria of a published version, cached per process (published versions
    never change, so the cache never goes stale)."""
    if version.status != CriteriaVersion.Status.PUBLISHED:
        return compile_criteria(
            criteria_specs(version),
            tiers=version.tiers or None,
            lexicon=criteria_lexicon(version),
            learned_cues=criteria_learned_cues(version),
        )
    # Keyed by publication time as well as id: ids can be reused after a rolled-back
    # transaction, a publication instant cannot.
    key = (version.pk, version.number, version.published_at)
    with _lock:
        compiled = _compiled.get(key)
    if compiled is None:
        # Published versions are in force: one published before the partner-safe check
        # still screens (its leaking findings are hidden from partners instead).
        compiled = compile_criteria(
            criteria_specs(version),
            tiers=version.tiers or None,
            partner_safe=False,
            lexicon=criteria_lexicon(version),
            learned_cues=criteria_learned_cues(version),
        )
        with _lock:
            _compiled[key] = compiled
    return compiled
