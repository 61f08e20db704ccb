"""The deal page leads with where the deal stands: the decision with its feedback and
conditions once decided, the open question with its answer form, and "what you need to
do" only while it applies. Partners and reps read the partner-facing projection."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _banner(client, deal) -> str:
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    match = re.search(r'<section class="standing[^"]*" id="standing".*?</section>', page, re.S)
    assert match, "no banner on the deal page"
    return match.group(0)


def _first_section(client, deal) -> str:
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    return re.search(r"<section[^>]*>", page.split("<main", 1)[1]).group(0)


def test_a_decided_deal_leads_with_the_decision_feedback_and_conditions(world, client, sales_rep):
    decided = world["condition"].opportunity
    client.force_login(sales_rep)
    assert 'id="standing"' in _first_section(client, decided), "the banner comes first"
    banner = _banner(client, decided)
    assert "Compliance decision: Approved with conditions" in banner
    assert "Certificate." in banner  # the feedback written for the submitter
    assert "Matrix condition details" in banner and "mark fulfilled" in banner
    assert "SOE research use." not in banner  # the reviewer's internal reasons
    # Decided: the screening's asks no longer apply.
    assert "The screening asks for" not in banner
    assert "What you need to do" in banner  # ... but the rep owns an open condition


def test_an_open_question_is_in_the_banner_with_its_answer_form(world, client, partner_a):
    client.force_login(partner_a)
    banner = _banner(client, world["deal"])
    assert "In compliance review" in banner
    assert "Which sites?" in banner
    assert 'action="/reviews/requests/' in banner and 'name="answer"' in banner
    assert "What you need to do" in banner


def test_reviewers_see_the_internal_reasons_in_the_banner(world, client, reviewer):
    client.force_login(reviewer)
    banner = _banner(client, world["condition"].opportunity)
    assert "Reasons (internal)" in banner and "SOE research use." in banner


def test_a_cleared_deal_has_nothing_to_do(client, sales_rep, request):
    make_deal = request.getfixturevalue("make_deal")
    deal = make_deal("low", title="Plain servers")
    client.force_login(sales_rep)
    banner = _banner(client, deal)
    assert "You may proceed" in banner
    assert "What you need to do" not in banner


def test_an_answer_with_a_wrong_file_keeps_what_was_typed(world, client, partner_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reviews.models import InformationRequest

    question = InformationRequest.objects.get(addressed_to=partner_a, answered_at__isnull=True)
    client.force_login(partner_a)
    program = SimpleUploadedFile(
        "tool.exe", b"MZ\x90\x00" + b"0" * 64, content_type="application/octet-stream"
    )
    response = client.post(
        f"/reviews/requests/{question.pk}/answer/",
        {"answer": "Sites in Hamburg and Kiel.", "attachment": program},
    )
    assert response.status_code == 302
    banner = _banner(client, world["deal"])
    assert "Sites in Hamburg and Kiel.</textarea>" in banner
    assert 'aria-invalid="true"' in banner and "choose the file again" in banner
    question.refresh_from_db()
    assert question.answered_at is None
    # shown once: a fresh visit starts from an empty answer
    assert "Sites in Hamburg and Kiel." not in _banner(client, world["deal"])
