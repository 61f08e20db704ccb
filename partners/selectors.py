from __future__ import annotations

from django.db.models import QuerySet, Value
from django.db.models.functions import Lower

from taxonomy.visible import name_as_read

from .models import Organisation
from .policies import organisations_visible_to


def organisation_find(*, name: str, country: str) -> Organisation | None:
    # Lower(name) matches the unique index on (lower(name), country), so it is a seek.
    return (
        Organisation.objects.annotate(name_lower=Lower("name"))
        # The database lowers both sides: SQLite's lower() folds ASCII only, Python's all.
        .filter(name_lower=Lower(Value(name_as_read(name))), country=country)
        .first()
    )


def organisation_list(*, user, role: str | None = None, search: str = "") -> QuerySet[Organisation]:
    qs = organisations_visible_to(user).order_by("name", "pk")
    if role:
        qs = qs.filter(role=role)
    if search:
        qs = qs.filter(name__icontains=search)
    return qs
