"""Moments in words on the pages a rep reads (when the deal was screened, when a message
arrived), and the deal form's summary of errors says "deal", not the code's "opportunity"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from reviews.services import review_claim, review_decide
from tests.opportunities.test_forgiving_form import _post

pytestmark = pytest.mark.django_db
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def test_the_deal_page_says_when_it_was_screened_in_words(client, sales_rep, make_deal):
    deal = make_deal("medium")
    client.force_login(sales_rep)
    page = client.get(reverse("opportunity-detail", args=[deal.pk])).content.decode()
    basis = page[page.index('id="screening-basis"') :][:600]
    assert not ISO_MOMENT.search(basis), basis
    month = deal.current_screening.created_at.strftime("%b %Y")
    assert f"Screened on {deal.current_screening.created_at.day} {month}" in basis


def test_the_inbox_says_when_a_message_arrived_in_words(
    client,
    sales_rep,
    reviewer,
    make_deal,
    case_of,
    eager_celery,
    django_capture_on_commit_callbacks,
):
    deal = make_deal("medium")
    case = review_claim(case=case_of(deal), actor=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        review_decide(case=case, actor=reviewer, outcome="approve", reasons="Fine.", feedback="Go.")
    client.force_login(sales_rep)
    page = client.get(reverse("inbox")).content.decode()
    assert "approved" in page
    assert not ISO_MOMENT.search(page)


def test_the_deal_forms_error_summary_speaks_of_the_deal(client, sales_rep, catalogue):
    client.force_login(sales_rep)
    r = client.post(reverse("opportunity-register"), _post(ec_country=""))
    body = r.content.decode()
    assert "The deal was not saved: correct the fields marked below." in body
    assert "opportunity" not in body.lower()
