"""A deal's text rewritten by its owner until its red flags are no longer read is told to
compliance, with what was read before; the owner is not told.

Found by a hostile review: a rep re-submitted a flagged deal with the description reworded
("find where the protesters' phones are", "keep an eye on where the marchers go") and read
the tier come back low; nothing recorded that the words that raised the red flags were
rewritten away, and the reviewer opening the case found an ordinary deal.
"""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from reviews.models import ReviewCase
from reviews.text_rewritten import ACTION
from rules import services
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
FLAGGED = "The city wants to locate the phones of protesters near the central square."
QUOTE = "Use description (English): “locate the phones of protesters”"
HEADING = "Text rewritten after its red flags were read"


def _register(api, user, text: str) -> dict:
    r = api.as_user(user).post(
        URL, deal_body(intended_use=["network_operations"], use_description=text), format="json"
    )
    assert r.status_code == 201, r.json()
    return r.json()


def _change(api, user, deal: dict, **change) -> dict:
    body = deal_body(
        **{"intended_use": ["network_operations"], "use_description": FLAGGED, **change}
    )
    r = api.as_user(user).put(f"{URL}{deal['id']}/", body, format="json")
    assert r.status_code == 200, r.json()
    return r.json()


def test_a_rewritten_description_is_told_to_the_reviewer_not_to_the_rep(
    api, client, sales_rep, reviewer, catalogue
):
    deal = _register(api, sales_rep, FLAGGED)
    assert deal["screening"]["tier"] in {"high", "critical"}
    changed = _change(api, sales_rep, deal, use_description="The city wants a campus network.")
    assert changed["screening"]["tier"] not in {"high", "critical"}
    event = AuditEvent.objects.get(action=ACTION, opportunity_id=deal["id"])
    assert event.actor_label == sales_rep.username
    assert {"targets_dissent", "tracking"} <= set(event.changes["lost"])
    assert QUOTE in event.changes["quotes"]["tracking"]

    client.force_login(reviewer)
    case = ReviewCase.objects.get(opportunity_id=deal["id"])
    assert case.is_open  # the review the flagged deal opened stays open
    for url in (f"/deals/{deal['id']}/", f"/reviews/cases/{case.pk}/"):
        page = client.get(url).content.decode()
        assert HEADING in page, url
        assert QUOTE in page and "Tracking of people" in page, url
        assert sales_rep.username in page.split(HEADING)[1], url
        # who may rewrite, in words a reviewer uses (it read "the deal's owner side")
        assert "changed by a partner user or a sales rep, not by compliance" in page, url

    client.force_login(sales_rep)
    page = client.get(f"/deals/{deal['id']}/").content.decode()
    assert HEADING not in page and "locate the phones" not in page
    assert "locate the phones" not in str(api.as_user(sales_rep).get(f"{URL}{deal['id']}/").json())


def test_a_change_that_keeps_the_words_or_their_red_flags_records_nothing(
    api, sales_rep, catalogue
):
    deal = _register(api, sales_rep, FLAGGED)
    _change(api, sales_rep, deal, title="Campus network, phase two")  # the words stay
    _change(api, sales_rep, deal, use_description=FLAGGED + " Delivery in May.")
    assert not AuditEvent.objects.filter(action=ACTION).exists()


def test_words_kept_but_read_otherwise_by_new_criteria_are_not_a_rewriting(
    api, admin_user, sales_rep, catalogue
):
    """The rep changes the deal's value after criteria that no longer read its words were
    published: its red flags go, its words stay; nobody rewrote anything."""
    deal = _register(api, sales_rep, FLAGGED)
    draft = services.criteria_draft_start(actor=admin_user)
    draft.lexicon.filter(category__in=["tracking", "targets_dissent"]).delete()
    draft.learned_cues.delete()
    services.criteria_publish(actor=admin_user, draft=draft, notes="fewer phrases")
    changed = _change(api, sales_rep, deal, value={"amount": "130000.00", "currency": "EUR"})
    assert not {"TXT-TRACKING", "TXT-TARGETING-DISSENT"} & {
        f["code"] for f in changed["screening"]["findings"]
    }
    assert not AuditEvent.objects.filter(action=ACTION, opportunity_id=deal["id"]).exists()


def test_an_answer_or_new_criteria_never_make_a_rewriting(sales_rep):
    """Found by a review: an answer's screening under a version published since the deal's
    last screening lost a red flag to the new criteria, and the rep who answered was told
    to compliance as having rewritten the deal (an answer is read on its own: it cannot
    unread another field)."""
    from reviews.text_rewritten import text_rewritten_check
    from rules.models import Screening

    before = {"text.signals": ["tracking"], "use_description": "Locate the phones of protesters."}
    previous = Screening(criteria_version_id=1, snapshot=before)
    for trigger, version, words in (
        (Screening.Trigger.ANSWER_READ, 1, before["use_description"]),
        (Screening.Trigger.ANSWER_READ, 2, before["use_description"]),
        (Screening.Trigger.UPDATE, 2, "Locate the handsets of the people at the square."),
    ):
        after = Screening(
            trigger=trigger,
            criteria_version_id=version,
            snapshot={"text.signals": [], "use_description": words, "text.answers": ["x"]},
        )
        assert text_rewritten_check(actor=sales_rep, screening=after, previous=previous) is None
    assert not AuditEvent.objects.filter(action=ACTION).exists()
