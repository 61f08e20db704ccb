"""Records fixtures: the review fixtures (deals of each tier, eager Celery, fast passwords,
a private media folder) and a decided deal with everything a record holds."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lifecycle.services import review_answer
from reviews.services import (
    condition_fulfil,
    review_claim,
    review_decide,
    review_request_information,
)
from tests.reviews.conftest import (  # noqa: F401 - fixtures shared with the review tests
    case_of,
    eager_celery,
    fast_passwords,
    make_deal,
    media_root,
    second_reviewer,
)

ALPHA = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
PNG = b"\x89PNG\r\n\x1a\n" + b"certificate of end use" * 4


@pytest.fixture(autouse=True)
def checkpoint_dir(settings, tmp_path):
    """Each test's trail starts at position 1 again (rolled back): its own checkpoint file."""
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    return settings.AUDIT_CHECKPOINT_DIR


@pytest.fixture
def decided_deal(request, reviewer, sales_rep, partner_a, reseller_a):
    """A medium deal through Alpha: questions answered with a certificate, approved with a
    condition that the rep fulfilled."""
    new_deal, case_for = (request.getfixturevalue(f) for f in ("make_deal", "case_of"))
    deal = new_deal("medium", title="Research cluster for Gulf Research", channel=ALPHA)
    case = review_claim(case=case_for(deal), actor=reviewer)
    question = review_request_information(
        case=case, actor=reviewer, questions="Who operates the cluster?", addressed_to=partner_a
    )
    review_answer(
        information_request=question,
        actor=partner_a,
        answer="The university's IT team.",
        attachment=SimpleUploadedFile("end-use.png", PNG, content_type="image/png"),
    )
    decision = review_decide(
        case=case,
        actor=reviewer,
        outcome="approve_with_conditions",
        reasons="SOE research use; certificate given.",
        feedback="Approved with a site-visit condition.",
        conditions=[
            {
                "mitigation": "end-use-certificate",
                "owner": sales_rep.pk,
                "due_date": "2030-12-31",
                "details": "Original signed certificate",
            }
        ],
    )
    condition_fulfil(
        condition=decision.case.conditions.get(), actor=sales_rep, evidence_note="Posted."
    )
    deal.refresh_from_db()
    return deal
