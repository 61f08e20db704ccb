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


def _as_before(deal: Opportunity, description: str) -> Opportunity:
    """The deal as promotion left it before provenance was kept apart: its origin in its
    description, and screened with it."""
    from django.db import transaction

    from lifecycle.services import opportunity_screen

    Opportunity.objects.filter(pk=deal.pk).update(use_description=description, provenance="")
    with transaction.atomic():
        deal = Opportunity.objects.get(pk=deal.pk)
        opportunity_screen(opportunity=deal, actor=None, trigger="manual")
    return Opportunity.objects.select_related("current_screening").get(pk=deal.pk)


def _migrate_descriptions() -> None:
    import importlib
    import types

    from django.apps import apps
    from django.db import connection

    module = importlib.import_module("opportunities.migrations.0006_provenance_out_of_descriptions")
    module.forwards(apps, types.SimpleNamespace(connection=connection))


def test_deals_imported_before_have_their_origin_moved_and_the_quoting_ones_screened_again(
    upload_as, partner_a, catalogue
):
    from channel_imports.provenance import promoted_opportunities_rescreen

    deal = _promoted(upload_as, partner_a, sale_date="2026-01-15")
    origin = deal.provenance
    before = _as_before(deal, origin)
    assert "protesters" in json.dumps(before.current_screening.snapshot["text.tracking"])
    _migrate_descriptions()
    deal.refresh_from_db()
    assert (deal.provenance, deal.use_description) == (origin, "")
    _migrate_descriptions()  # run again: nothing moves twice
    deal.refresh_from_db()
    assert (deal.provenance, deal.use_description) == (origin, "")

    assert promoted_opportunities_rescreen() == 1
    deal = Opportunity.objects.select_related("current_screening").get(pk=deal.pk)
    assert deal.current_screening_id != before.current_screening_id
    assert "protesters" not in json.dumps(deal.current_screening.snapshot, ensure_ascii=False)
    assert promoted_opportunities_rescreen() == 0


def test_what_a_person_added_to_an_imported_description_stays_in_it(
    upload_as, partner_a, catalogue
):
    deal = _promoted(upload_as, partner_a, name="pos.csv", sale_date="2026-01-15")
    origin = deal.provenance
    assert "Sold on" in origin
    _as_before(deal, f"{origin} Goes to the port authority's office network.")
    _migrate_descriptions()
    deal.refresh_from_db()
    assert deal.provenance == origin
    assert deal.use_description == "Goes to the port authority's office network."
