"""The organisations a deal names are found by a statement compiled once per shape; what
it finds is what the ORM's query finds, names folded to lower case as before."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners import services
from partners.models import Organisation
from partners.services import organisations_get_or_register
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _fields(org) -> dict:
    return {f.attname: getattr(org, f.attname) for f in org._meta.concrete_fields}


def test_known_organisations_are_found_as_the_orm_finds_them(reseller_a, reseller_b):
    wanted = [
        ("ALPHA systems  integration", "DE", "reseller"),
        ("Bravo Channel Solutions", "FR", "reseller"),
    ]
    for _ in range(2):  # compiled on the first call, reused on the second
        with CaptureQueriesContext(connection) as ctx:
            found = organisations_get_or_register(wanted)
        assert len(ctx.captured_queries) == 1
        assert [o.pk for o in found] == [reseller_a.pk, reseller_b.pk]
        for org, expected in zip(found, (reseller_a, reseller_b), strict=True):
            assert _fields(org) == _fields(Organisation.objects.get(pk=expected.pk))
            assert org.name_lower == expected.name.lower() and not org._state.adding


def test_new_ones_are_registered_and_a_batch_beyond_the_compiled_sizes_still_works(reseller_a):
    names = [(f"Reseller {i}", "AE", "reseller") for i in range(services.COMPILED_UP_TO + 3)]
    found = organisations_get_or_register([*names, ("alpha systems integration", "DE", "x")])
    assert [o.name for o in found[:-1]] == [n for n, _, _ in names]
    assert found[-1].pk == reseller_a.pk
    again = organisations_get_or_register(names[:2] + [("Gamma", "EG", "integrator")])
    assert [o.pk for o in again[:2]] == [o.pk for o in found[:2]]
    assert again[2].name == "Gamma" and Organisation.objects.filter(name="Gamma").count() == 1
    OrganisationFactory(name="Delta", country="EG", role="reseller")
    assert organisations_get_or_register([("delta", "EG", "reseller")])[0].name == "Delta"
