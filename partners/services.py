from __future__ import annotations

from django.db.models import Q
from django.db.models.functions import Lower

from .models import Organisation
from .selectors import organisation_find


def organisation_get_or_register(*, name: str, country: str, role: str) -> Organisation:
    """Return the organisation of that name in that country, registering it if new.

    A new organisation starts at the lowest HRDD maturity: nothing is assumed about a
    partner the vendor has not assessed.
    """
    name = " ".join(name.split())
    found = organisation_find(name=name, country=country)
    if found:
        return found
    return Organisation.objects.create(name=name, country=country, role=role)


def organisations_get_or_register(parties: list[tuple[str, str, str]]) -> list[Organisation]:
    """`organisation_get_or_register` for several (name, country, role) at once: one
    query for those already known; each one not found goes the single way (find, then
    register). Same order as given."""
    wanted = [(" ".join(n.split()), c, r) for n, c, r in parties]
    keys = {(n.lower(), c) for n, c, _ in wanted}
    known: dict[tuple[str, str], Organisation] = {}
    if keys:
        match = Q()
        for lname, country in keys:
            match |= Q(name_lower=lname, country=country)
        for org in Organisation.objects.annotate(name_lower=Lower("name")).filter(match):
            known[(org.name.lower(), org.country)] = org
    out = []
    for name, country, role in wanted:
        key = (name.lower(), country)
        if key not in known:
            known[key] = organisation_get_or_register(name=name, country=country, role=role)
        out.append(known[key])
    return out
