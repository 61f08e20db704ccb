"""A flagged point-of-sale line becomes a deal with a title a person reads (the product's
name, the customer and country in words, the partner's reference), and its case gets its
review target from the import: a sale already made is not a close date, so the case is not
"overdue" on arrival. A sale still to come keeps its date as the deal's close date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from opportunities.models import Opportunity
from reviews.models import ReviewCase

from .conftest import FLAGGED, csv_upload, drain, row
from .test_pipeline import _accept

pytestmark = pytest.mark.django_db


def _import(upload_as, partner_a, **overrides) -> Opportunity:
    _, imp = upload_as(partner_a, csv_upload([row(FLAGGED, **overrides)]))
    imp = drain(imp)
    _accept(imp, partner_a)
    assert drain(imp).status == "completed"
    return Opportunity.objects.get()


def test_a_promoted_line_has_a_readable_title(upload_as, partner_a, catalogue):
    deal = _import(upload_as, partner_a)
    assert deal.title == (
        "2 × Traffic inspector 9000 for Nile State Telecom (Egypt), partner ref. POS-FLAG-1"
    )
    assert not re.search(r"\bDPI-9000\b|\bEG\b|\brow \d+|\bImport\b", deal.title)


def test_a_sale_already_made_gets_its_review_target_from_the_import(
    upload_as, partner_a, catalogue, reviewer, client
):
    deal = _import(upload_as, partner_a, sale_date="2026-01-15")
    case = ReviewCase.objects.get(opportunity=deal)
    assert deal.expected_close_date is None
    assert case.effective_due_at == case.due_at > timezone.now()
    assert "Sold on" in deal.provenance
    client.force_login(reviewer)
    queue = client.get("/reviews/").content.decode()
    row_html = queue.split(deal.reference)[1].split("</tr>")[0]
    assert "overdue" not in row_html and "left" in row_html
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    cases = page.split('class="review-cases"')[1].split("</section>")[0]
    assert "left" in cases and "overdue" not in cases


def test_a_sale_still_to_come_keeps_its_date_as_the_close_date(upload_as, partner_a, catalogue):
    later = timezone.localdate() + dt.timedelta(days=40)
    deal = _import(upload_as, partner_a, sale_date=later.isoformat())
    assert deal.expected_close_date == later


def test_the_import_page_names_the_product_of_a_flagged_line(
    upload_as, partner_a, catalogue, client
):
    deal = _import(upload_as, partner_a)
    client.force_login(partner_a)
    from channel_imports.models import ChannelImport

    page = client.get(f"/imports/{ChannelImport.objects.get().pk}/").content.decode()
    flagged = page.split('id="flagged"')[1].split("</table>")[0]
    assert "2 × Traffic inspector 9000" in flagged and deal.reference in flagged
