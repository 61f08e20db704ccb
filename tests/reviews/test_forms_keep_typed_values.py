"""A refused decision keeps what the reviewer typed: outcome, reasons and the conditions."""

from __future__ import annotations

import pytest

from reviews.models import Mitigation
from reviews.services import review_claim

pytestmark = pytest.mark.django_db


def test_a_refused_decision_comes_back_as_typed(client, reviewer, sales_rep, make_deal, case_of):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    mitigation = Mitigation.objects.filter(active=True).first()
    client.force_login(reviewer)
    response = client.post(
        f"/reviews/cases/{case.pk}/decide/",
        {
            "outcome": "approve_with_conditions",
            "reasons": "Research use; statement on file.",
            "feedback": "",  # required with conditions: the decision is refused
            "cond-0-mitigation": mitigation.code,
            "cond-0-owner": str(sales_rep.pk),
            "cond-0-due_date": "2030-06-30",
            "cond-0-details": "Sign before delivery",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.is_open
    page = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    assert "Research use; statement on file.</textarea>" in page
    assert '<option value="approve_with_conditions" selected>' in page
    assert f'<option value="{mitigation.code}" selected>' in page
    assert 'value="2030-06-30"' in page and 'value="Sign before delivery"' in page
    assert f'<option value="{sales_rep.pk}" selected>' in page
    # once only: the next visit starts from an empty form
    assert (
        "Research use; statement on file."
        not in client.get(f"/reviews/cases/{case.pk}/").content.decode()
    )
