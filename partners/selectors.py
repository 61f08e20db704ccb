from __future__ import annotations

from django.db.models import QuerySet

from .models import Organisation


def organisation_find(*, name: str, country: str) -> Organisation | None:
    return Organisation.objects.filter(name__iexact=name.strip(), country=country).first()


def organisation_list(*, role: str | None = None, search: str = "") -> QuerySet[Organisation]:
    qs = Organisation.objects.all()
    if role:
        qs = qs.filter(role=role)
    if search:
        qs = qs.filter(name__icontains=search)
    return qs
