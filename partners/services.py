from __future__ import annotations

from django.db import IntegrityError, transaction

from .models import Organisation
from .selectors import organisation_find


def organisation_get_or_register(*, name: str, country: str, role: str) -> Organisation:
    """Return the organisation of that name in that country, registering it if new.

    A new organisation starts at the lowest HRDD maturity: nothing is assumed about a
    partner the vendor has not assessed. Safe under concurrency: when another request
    registers the same name first (the unique index on lower(name) and country refuses
    the second insert), the insert is undone in its own savepoint and the winner's row is
    returned, so the caller's transaction (a deal registration) goes on.
    """
    name = " ".join(name.split())
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
