"""Fixtures for the access tests: the review fixtures (deals of each tier, eager Celery,
fast passwords, a private media folder) and the personas of the README."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lifecycle.services import review_answer
from reviews.models import Notification
from reviews.services import (
    review_claim,
    review_decide,
    review_request_information,
)
from tests.channel_imports.conftest import csv_upload, drain, row
from tests.factories import UserFactory
from tests.reviews.conftest import (  # noqa: F401 - fixtures shared with the review tests
    case_of,
    eager_celery,
    fast_passwords,
    make_deal,
    media_root,
)


@pytest.fixture
def nobody(vendor):
    """Signed in, with no role at all (an account an admin has not finished setting up)."""
    return UserFactory(username="nina_no_role", role="", organisation=vendor)


# A distributor placed above Alpha in the channel of the world's deal: it sees the deal,
# and nothing that is Alpha's (its imports, answers, files, due diligence, notifications).
DISTRIBUTOR = {"name": "Danube Distribution GmbH", "role": "distributor", "country": "AT"}


@pytest.fixture
def distributor_above_alpha(db):
    from accounts.models import User
    from partners.models import Organisation

    org, _ = Organisation.objects.get_or_create(
        name=DISTRIBUTOR["name"], country=DISTRIBUTOR["country"], defaults={"role": "distributor"}
    )
    return UserFactory(username="dario_distributor", role=User.Role.PARTNER_USER, organisation=org)


@pytest.fixture
def world(request, reviewer, sales_rep, partner_a, api, catalogue, settings, tmp_path):
    """A flagged deal of the EMEA team with a distributor above Alpha in its channel: its
    case, Alpha's answer
    with a certificate, a condition owned by the rep, Alpha's notification and import, and
    a criteria draft with a preview run."""
    new_deal, case_of_deal = (request.getfixturevalue(f) for f in ("make_deal", "case_of"))
    alpha = [
        DISTRIBUTOR,
        {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
    ]
    the_deal = new_deal("medium", title="Matrix deal of the EMEA team", channel=alpha)
    the_case = review_claim(case=case_of_deal(the_deal), actor=reviewer)
    question = review_request_information(
        case=the_case, actor=reviewer, questions="End-use certificate?", addressed_to=partner_a
    )
    png = SimpleUploadedFile("cert.png", b"\x89PNG\r\n\x1a\n" + b"0" * 32, content_type="image/png")
    answered = review_answer(
        information_request=question, actor=partner_a, answer="Attached.", attachment=png
    )
    # a second question stays open, so the answer endpoint has something to answer
    review_request_information(
        case=the_case, actor=reviewer, questions="Which sites?", addressed_to=partner_a
    )
    decided = new_deal("medium", title="Matrix deal approved with a condition")
    review_decide(
        case=review_claim(case=case_of_deal(decided), actor=reviewer),
        actor=reviewer,
        outcome="approve_with_conditions",
        reasons="SOE research use.",
        feedback="Certificate.",
        conditions=[
            {
                "mitigation": "end-use-certificate",
                "owner": sales_rep.pk,
                "due_date": "2030-12-31",
                "details": "Matrix condition details",
            }
        ],
    )
    settings.MEDIA_ROOT = str(tmp_path / "media")
    r = api.as_user(partner_a).post(
        "/api/v1/imports/",
        {"file": csv_upload([row()], name="alpha-matrix-pos.csv")},
        format="multipart",
    )
    api.credentials()
    from channel_imports.models import ChannelImport

    the_import = drain(ChannelImport.objects.get(pk=r.json()["id"]))
    note = Notification.objects.create(
        recipient=partner_a,
        event_id=0,
        kind="information_requested",
        title="Questions for you",
        url=f"/deals/{the_deal.pk}/",
        case=the_case,
        created_at=timezone.now(),
    )
    from rules.preview import preview_start
    from rules.services import criteria_draft_start

    draft = criteria_draft_start(actor=None)
    from monitoring.services import rescreen_plan, rescreen_run_start
    from partner_dd.services import evidence_attach, questionnaire_send

    run = rescreen_run_start(
        actor=None,
        trigger="partner_factors",
        label="Matrix re-screening of Alpha",
        organisation_ids=[the_deal.channel.get(role="reseller").organisation_id],
    )
    questionnaire = questionnaire_send(actor=reviewer, organisation=partner_a.organisation)
    policy = SimpleUploadedFile(
        "policy.pdf", b"%PDF-1.4\n" + b"0" * 32, content_type="application/pdf"
    )
    dd_evidence = evidence_attach(
        actor=partner_a, questionnaire=questionnaire, kind="policy", upload=policy
    )
    return {
        "run": rescreen_plan(run_id=run.pk),
        "organisation": the_deal.end_customer,
        "questionnaire": questionnaire,
        "dd_evidence": dd_evidence,
        "preview": preview_start(actor=None, draft=draft),
        "deal": the_deal,
        "case": the_case,
        "info": answered,
        "condition": decided.review_cases.get().conditions.get(),
        "notification": note,
        "import": the_import,
    }


PERSONAS = (
    "anonymous",
    "nobody",
    "outsider",
    "partner_a",
    "partner_b",
    "distributor_above_alpha",
    "sales_rep",
    "teammate",
    "other_rep",
    "reviewer",
    "senior_reviewer",
)


@pytest.fixture
def personas(request, nobody):
    """Every persona of the README (and an outsider, a user without a role, anonymous)."""
    names = [p for p in PERSONAS if p not in ("anonymous", "nobody")]
    return {"anonymous": None, "nobody": nobody} | {n: request.getfixturevalue(n) for n in names}
