from __future__ import annotations

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
