"""Where a promoted deal came from (the file, its line, the sale date) is the deal's
origin, not something the partner wrote about its use: it is kept apart from the
description, never read for red flags, and the deal page shows it as the origin."""

from __future__ import annotations

import json

import pytest

from opportunities.models import Opportunity

from .conftest import FLAGGED, csv_upload, drain, row
from .test_pipeline import _accept

pytestmark = pytest.mark.django_db

NAME = "tracking protesters.csv"


def _promoted(upload_as, user, name=NAME, **overrides) -> Opportunity:
    _, imp = upload_as(user, csv_upload([row(FLAGGED, **overrides)], name=name))
    imp = drain(imp)
    _accept(imp, user)
    assert drain(imp).status == "completed"
    return Opportunity.objects.select_related("current_screening").get()


def test_a_file_name_raises_no_red_flag(upload_as, partner_a, catalogue):
    deal = _promoted(upload_as, partner_a, sale_date="2026-01-15")
    screening = deal.current_screening
    quoted = json.dumps(
        {k: v for k, v in screening.snapshot.items() if k.startswith("text.")}, ensure_ascii=False
    )
    assert "protesters" not in quoted
    assert "protesters" not in json.dumps(screening.findings, ensure_ascii=False)
    assert deal.use_description == ""
    assert deal.provenance.startswith(f"Imported from {NAME}, line 2 (import ")
    assert "Sold on" in deal.provenance


def test_the_deal_page_shows_where_the_deal_came_from(
    upload_as, partner_a, catalogue, reviewer, client
):
    deal = _promoted(upload_as, partner_a)
    client.force_login(reviewer)
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    origin = page.split('class="provenance"')[1].split("</dd>")[0]
    assert f"Imported from {NAME}, line 2" in origin
    # not quoted as the partner's own words about the use
    assert f"<q>Imported from {NAME}" not in page
