"""A whole text read as a dangerous deal, end to end: a new install reads it (the default
pack's cues carry the bound), the reviewer sees the red flag quoted as "whole text weighed"
and the rep the red flag in words, quoting what the rep wrote (not how it was read); an admin sets the bound or stops it in the
draft (audited, bounded), and the preview shows which past deals that moves, the version in
force untouched until the draft is published."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from opportunities.models import Opportunity
from rules import cue_services, preview, services
from rules.models import PreviewRun
from rules.selectors import criteria_learned_cues, criteria_published_current
from rules.textsignals.whole_text import DANGEROUS_ABOVE
from tests.rules.test_learned_cues_pages import _register
from tests.rules_engine.test_text_whole_text import VEILED

pytestmark = pytest.mark.django_db

PAGE = "/criteria/draft/learned-cues/"
SET = "/criteria/draft/learned-cues/whole-text/"


def _stored(deal: dict):
    return Opportunity.objects.get(pk=deal["id"]).current_screening


def test_a_new_install_raises_a_veiled_deal_and_the_reviewer_sees_why(
    admin_user, api, client, sales_rep, reviewer, catalogue
):
    assert criteria_learned_cues(criteria_published_current())["dangerous_above"] == 2.0
    deal = _register(api, sales_rep, VEILED)
    assert "TXT-DETENTION" in {f["code"] for f in deal["screening"]["findings"]}
    # The rep is told, in words, what was read in the text the rep wrote, and what to do.
    rep = next(f for f in deal["screening"]["findings"] if f["code"] == "TXT-DETENTION")
    assert "reads as detention" in rep["explanation"]
    # quoting the rep's words, not which reading raised them (the reviewer's page says)
    assert "Use description (English): “" in rep["explanation"]
    assert "whole text weighed" not in str(deal["screening"])
    screening = _stored(deal)
    assert "TXT-DETENTION" in {f["code"] for f in screening.findings}
    assert screening.snapshot["text.detention"][0].startswith(
        "Use description (English, whole text weighed): “"
    )
    client.force_login(reviewer)
    page = client.get(f"/deals/{deal['id']}/").content.decode()
    assert "whole text weighed" in page


def test_an_admin_sets_the_bound_or_stops_it_and_the_preview_shows_what_moves(
    admin_user, api, client, sales_rep, catalogue
):
    deal = _register(api, sales_rep, VEILED)
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = client.get(PAGE).content.decode()
    assert "Veiled red flags: the whole text read as a dangerous deal" in page
    assert f"Raised from <strong>{DANGEROUS_ABOVE:.2f}</strong>" in page

    r = client.post(SET, {"off": "1"}, follow=True)
    assert "no longer reads whole texts for veiled red flags" in r.content.decode()
    assert criteria_learned_cues(draft)["dangerous_above"] is None
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    assert run.status == PreviewRun.Status.DONE
    assert deal["reference"] in {row["reference"] for row in run.result["down"]}
    # The version in force reads as before until the draft is published.
    assert criteria_learned_cues(criteria_published_current())["dangerous_above"] == 2.0

    r = client.post(SET, {"dangerous_above": "2,5"}, follow=True)  # a decimal comma
    assert "when the whole weighs 2.50 or more" in r.content.decode()
    assert criteria_learned_cues(draft)["dangerous_above"] == 2.5
    actions = AuditEvent.objects.filter(action="criteria.learned_cues_whole_text_set")
    assert [e.changes for e in actions.order_by("pk")] == [
        {"dangerous_above": None, "was": 2.0},
        {"dangerous_above": 2.5, "was": None},
    ]
    # Taking the default pack's cues again keeps the bound the draft set.
    cue_services.learned_cues_take_default(actor=admin_user, draft=draft)
    assert criteria_learned_cues(draft)["dangerous_above"] == 2.5


def test_stopped_on_cues_from_before_it_stays_stopped_when_the_default_cues_are_taken(
    admin_user, client
):
    """Cues taken before the bound existed read without it and the page says "Off"; an
    admin who stops it there means it: taking the default pack's cues keeps it stopped."""
    draft = services.criteria_draft_start(actor=admin_user)
    row = draft.learned_cues
    row.data = {k: v for k, v in row.data.items() if k != "dangerous_above"}
    row.save()
    client.force_login(admin_user)
    assert "<strong>Off</strong>: a text is read by its phrases and cues only" in (
        client.get(PAGE).content.decode()
    )
    client.post(SET, {"off": "1"})
    assert AuditEvent.objects.filter(action="criteria.learned_cues_whole_text_set").exists()
    cue_services.learned_cues_take_default(actor=admin_user, draft=draft)
    assert criteria_learned_cues(draft)["dangerous_above"] is None


@pytest.mark.parametrize("typed", ["", "high", "nan", "inf", "-0.5", "10.5"])
def test_a_bound_out_of_range_or_no_number_is_refused_with_the_reason(admin_user, client, typed):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    r = client.post(SET, {"dangerous_above": typed}, follow=True)
    assert "bound for whole texts must be a number from 0.0 to 10.0" in r.content.decode()
    assert criteria_learned_cues(draft)["dangerous_above"] == 2.0
    assert not AuditEvent.objects.filter(action="criteria.learned_cues_whole_text_set").exists()
