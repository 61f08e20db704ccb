from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from audit.services import audit_record
from hrdd.compiled import compiled
from taxonomy.visible import name_as_read

from .models import Organisation
from .selectors import organisation_find
from .signals import partner_factors_changed


def organisation_get_or_register(*, name: str, country: str, role: str) -> Organisation:
    """Return the organisation of that name in that country, registering it if new.

    A new organisation starts at the lowest HRDD maturity: nothing is assumed about a
    partner the vendor has not assessed. Safe under concurrency: when another request
    registers the same name first (the unique index on lower(name) and country refuses
    the second insert), the insert is undone in its own savepoint and the winner's row is
    returned, so the caller's transaction (a deal registration) goes on.
    """
    name = name_as_read(name)
    found = organisation_find(name=name, country=country)
    if found:
        return found
    try:
        with transaction.atomic():  # a savepoint inside the caller's transaction
            return Organisation.objects.create(name=name, country=country, role=role)
    except IntegrityError:
        # On PostgreSQL the insert waited for the other transaction to commit; under
        # READ COMMITTED this new query sees its row.
        found = organisation_find(name=name, country=country)
        if found is None:
            raise
        return found


def organisations_get_or_register(parties: list[tuple[str, str, str]]) -> list[Organisation]:
    """`organisation_get_or_register` for several (name, country, role) at once: one query
    for those already known, one insert for the new ones, one query to read them back.
    Same order as given.

    The new ones are inserted in one statement, sorted, skipping any another transaction
    inserted first: two batches naming the same new organisations wait for each other
    instead of deadlocking, and neither fails.
    """
    wanted = [(name_as_read(n), c, r) for n, c, r in parties]
    known = _organisations_by_key({(n.lower(), c) for n, c, _ in wanted})
    missing: dict[tuple[str, str], Organisation] = {}
    for name, country, role in wanted:
        key = (name.lower(), country)
        if key not in known and key not in missing:
            missing[key] = Organisation(name=name, country=country, role=role)
    if missing:
        Organisation.objects.bulk_create(
            [missing[k] for k in sorted(missing)], ignore_conflicts=True
        )
        known.update(_organisations_by_key(set(missing)))
    out = []
    for name, country, role in wanted:
        key = (name.lower(), country)
        if key not in known:  # the database folds case differently: the single way decides
            known[key] = organisation_get_or_register(name=name, country=country, role=role)
        out.append(known[key])
    return out


def _organisations_by_key(keys: set[tuple[str, str]]) -> dict[tuple[str, str], Organisation]:
    if not keys:
        return {}
    # Two lists instead of an OR of pairs (a batch names hundreds): the few extra pairs
    # the cross product may bring are harmless, callers look up the keys they want.
    names, countries = sorted({n for n, _ in keys}), sorted({c for _, c in keys})
    if len(names) > COMPILED_UP_TO or len(countries) > COMPILED_UP_TO:
        found = _organisations_named(names, countries)
    else:  # one deal's few parties: a statement compiled once per shape (`hrdd.compiled`)
        slots = [f"\x00name {i}" for i in range(len(names))]
        slots += [f"\x00country {i}" for i in range(len(countries))]
        query = compiled(
            ("organisations by key", len(names), len(countries)),
            lambda: (_organisations_named(slots[: len(names)], slots[len(names) :]), slots),
        )
        found = query.run(dict(zip(slots, names + countries, strict=True)))
    return {(org.name.lower(), org.country): org for org in found}


# A registration names a handful of organisations; a batch's hundreds are compiled as
# they come (each size its own statement, not worth keeping).
COMPILED_UP_TO = 16


def _organisations_named(names: list[str], countries: list[str]):
    return Organisation.objects.annotate(name_lower=Lower("name")).filter(
        name_lower__in=names, country__in=countries
    )


FACTOR_FIELDS = ("hrdd_maturity", "prior_incident", "refused_flow_down", "staff_trained")


def organisation_factors_set(*, actor, organisation: Organisation, **factors) -> Organisation:
    """Change a channel organisation's partner factors (maturity, prior incident, refusal
    of flow-down, training), audited. A change re-screens, in the background, the deals
    the organisation is in (`monitoring`), so a partner found to have refused flow-down
    clauses raises every deal it is in. A change also records a partner not yet assessed
    as assessed (in the same audit event), as accepting its questionnaire would."""
    unknown = set(factors) - set(FACTOR_FIELDS)
    if unknown:
        raise ValueError(f"not partner factors: {sorted(unknown)}")
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        changes = {
            f: [getattr(locked, f), v] for f, v in factors.items() if getattr(locked, f) != v
        }
        if not changes:
            return locked
        # Compliance setting the factors by hand is an assessment: from now on the rules read
        # them as measured, not as the defaults of an unknown partner. A partner that refused
        # the questionnaire stays recorded as having refused (a finding of its own).
        if locked.dd_status == Organisation.Assessment.NOT_ASSESSED:
            changes["dd_status"] = [locked.dd_status, Organisation.Assessment.ASSESSED.value]
        Organisation.objects.filter(pk=locked.pk).update(**{f: v for f, (_, v) in changes.items()})
        locked.refresh_from_db()
        audit_record(
            actor=actor,
            action="organisation.factors_changed",
            object_type="organisation",
            object_id=locked.pk,
            changes=changes,
        )
        partner_factors_changed.send(
            sender=Organisation, actor=actor, organisation=locked, changes=changes
        )
    return locked


@dataclass(frozen=True)
class NamesCleaned:
    """What `organisation_names_clean` did: how many names it cleaned, and the
    organisations it left for a person, as (id, name as stored, why)."""

    cleaned: int
    left: list[tuple[int, str, str]]


def organisation_names_clean(*, actor=None) -> NamesCleaned:
    """Clean the names of organisations stored before names were read at input: each
    becomes its name as read (`name_as_read`: invisible characters, direction controls and
    blank-looking characters undone), one audited `organisation.name_cleaned` event per
    changed row, in the row's own transaction.

    The update is conditional on the name as read, so a name changed by hand meanwhile is
    left alone. Two kinds are left as they are, and listed: a name that reads as nothing
    (a person must name it), and one whose cleaned name another organisation of that
    country already has (the look-alike and the real partner are one: a person merges
    them; the unique index decides). Nothing is screened again: the restricted-party
    matcher already read names with these characters undone. Run again, it finds nothing
    more to do.
    """
    cleaned, left = 0, []
    for org in Organisation.objects.only("pk", "name", "country").order_by("pk").iterator():
        name = name_as_read(org.name)
        if name == org.name:
            continue
        if not name:
            left.append((org.pk, org.name, "its name reads as nothing"))
            continue
        try:
            with transaction.atomic():
                if not Organisation.objects.filter(pk=org.pk, name=org.name).update(name=name):
                    continue
                audit_record(
                    actor=actor,
                    action="organisation.name_cleaned",
                    object_type="organisation",
                    object_id=org.pk,
                    changes={"name": [org.name, name]},
                    comment="Invisible or blank-looking characters removed from the name.",
                )
        except IntegrityError:
            left.append((org.pk, org.name, f"another organisation in {org.country} is {name}"))
            continue
        cleaned += 1
    return NamesCleaned(cleaned=cleaned, left=left)
