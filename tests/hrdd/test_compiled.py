"""A compiled statement refuses a queryset whose values the ORM rewrites (a placeholder it
would not find again) and the shapes of rows it does not build."""

from __future__ import annotations

import pytest

from hrdd.compiled import Compiled
from partners.models import Organisation

pytestmark = pytest.mark.django_db

P = "\x00placeholder"


def test_a_value_the_orm_rewrites_is_refused_at_compile_time():
    with pytest.raises(ValueError, match="not the placeholders"):
        Compiled(Organisation.objects.filter(name__icontains=P), [P])  # becomes %…%


def test_only_instances_and_value_rows_are_compiled(reseller_a):
    with pytest.raises(ValueError, match="only model instances"):
        Compiled(Organisation.objects.filter(name=P).values_list("pk", flat=True), [P])
    rows = Compiled(Organisation.objects.filter(name=P).values_list("pk", "country"), [P])
    assert rows.run({P: "Alpha Systems Integration"}) == [(reseller_a.pk, "DE")]
    assert rows.run({P: "nobody"}) == []
