"""A refused form keeps what was typed: the reviewer's decision (outcome, reasons, the
conditions), and the partner's answer to a question."""

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


def test_a_refused_answer_comes_back_as_typed(client, make_deal, case_of, reviewer, partner_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reviews.services import review_request_information
    from tests.fielderrors import invalid_fields

    deal = make_deal(
        "medium",
        actor=partner_a,
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
    )
    case = review_claim(case=case_of(deal), actor=reviewer)
    question = review_request_information(
        case=case, actor=reviewer, questions="Which sites?", addressed_to=partner_a
    )
    program = SimpleUploadedFile("tool.exe", b"MZ\x90\x00" + b"0" * 64)
    client.force_login(partner_a)
    client.post(
        f"/reviews/requests/{question.pk}/answer/",
        {"answer": "Kiel and Aarhus; statement attached.", "attachment": program},
    )
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    assert ">Kiel and Aarhus; statement attached.</textarea>" in page
    assert list(invalid_fields(page)) == ["attachment"]
    question.refresh_from_db()
    assert question.answered_at is None
