"""The learned cues' threshold is a criterion like any other: an admin sets it in the
draft (audited, bounded), tries it on a sentence, previews which past deals it moves, and
the version in force is untouched until the draft is published."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from hrdd.errors import ApplicationError
from rules import cue_services, preview, services
from rules.models import PreviewRun
from rules.selectors import criteria_learned_cues, criteria_published_current
from tests.rules.test_learned_cues_pages import PROTESTERS, _published_with, _register
from tests.rules_engine.cue_data import english_cues

pytestmark = pytest.mark.django_db

PAGE = "/criteria/draft/learned-cues/"
SET = "/criteria/draft/learned-cues/threshold/"


def _tried(client) -> str:
    return client.get("/criteria/draft/lexicon/", {"try": PROTESTERS}).content.decode()


def test_an_admin_raises_the_threshold_and_the_cue_no_longer_reads(admin_user, client):
    _published_with(admin_user, english_cues(threshold=0.0))
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    assert ", learned cue)" in _tried(client)
    page = client.get(PAGE).content.decode()
    assert "How readily the cues raise a red flag" in page and 'value="0.00"' in page

    r = client.post(SET, {"threshold": "3"}, follow=True)
    assert "threshold is 3.00 in the draft" in r.content.decode()
    assert criteria_learned_cues(draft)["threshold"] == 3.0
    assert ", learned cue)" not in _tried(client)
    event = AuditEvent.objects.filter(action="criteria.learned_cues_threshold_set").get()
    assert event.changes == {"threshold": 3.0, "was": 0.0}
    assert event.actor_id == admin_user.pk
    # The version in force reads as before until the draft is published.
    assert criteria_learned_cues(criteria_published_current())["threshold"] == 0.0

    client.post(SET, {"threshold": "\u22120.5"})  # a minus sign as a page may type it
    assert criteria_learned_cues(draft)["threshold"] == -0.5
    assert ", learned cue)" in _tried(client)
    client.post(SET, {"threshold": " 1,5 "})  # a decimal comma, as many admins type it
    assert criteria_learned_cues(draft)["threshold"] == 1.5
    client.post(SET, {"threshold": "-0"})
    assert str(criteria_learned_cues(draft)["threshold"]) == "0.0"


def test_taking_the_default_cues_again_keeps_the_admins_threshold(admin_user, client):
    _published_with(admin_user, english_cues(threshold=0.0))
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    client.post(SET, {"threshold": "2"})
    client.post("/criteria/draft/learned-cues/default/")
    cues = criteria_learned_cues(draft)
    assert cues["threshold"] == 2.0 and cues["languages"].keys() > {"en"}
    taken = AuditEvent.objects.filter(action="criteria.learned_cues_taken").get()
    assert taken.changes["threshold"] == 2.0


@pytest.mark.parametrize(
    "typed", ["", "high", "nan", "inf", "-7", "3.5", "1e400", "0.0_1", "0x1", "1e-400", "٠٫٥"]
)
def test_a_threshold_out_of_bounds_or_no_number_is_refused_with_the_reason(
    admin_user, client, typed
):
    _published_with(admin_user, english_cues(threshold=0.0))
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    r = client.post(SET, {"threshold": typed}, follow=True)
    assert "The threshold must be a number from -3.0 to 3.0" in r.content.decode()
    assert criteria_learned_cues(draft)["threshold"] == 0.0
    assert not AuditEvent.objects.filter(action="criteria.learned_cues_threshold_set").exists()


def test_only_an_admin_sets_it_and_only_in_a_draft(admin_user, reviewer, client):
    version = _published_with(admin_user, english_cues(threshold=0.0))
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(reviewer)
    assert client.post(SET, {"threshold": "2"}).status_code == 403
    assert criteria_learned_cues(draft)["threshold"] == 0.0
    page = client.get(f"/criteria/versions/{version.number}/learned-cues/").content.decode()
    assert "Threshold: <strong>0.00</strong>" in page and 'name="threshold"' not in page
    with pytest.raises(Exception, match="never change"):
        cue_services.learned_cues_threshold_set(actor=admin_user, draft=version, threshold=1.0)
    with pytest.raises(ApplicationError):
        cue_services.learned_cues_threshold_set(actor=reviewer, draft=draft, threshold=1.0)


def test_the_preview_shows_the_past_deals_a_raised_threshold_lowers(
    admin_user, api, sales_rep, catalogue
):
    _published_with(admin_user, english_cues(threshold=0.0))
    flagged = _register(api, sales_rep, PROTESTERS)
    assert "TXT-TRACKING" in {f["code"] for f in flagged["screening"]["findings"]}
    ordinary = _register(api, sales_rep, "Office network refresh for three sites.")
    draft = services.criteria_draft_start(actor=admin_user)
    cue_services.learned_cues_threshold_set(actor=admin_user, draft=draft, threshold=3.0)
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    assert run.status == PreviewRun.Status.DONE
    moved = {row["reference"] for row in run.result["down"]}
    assert flagged["reference"] in moved and ordinary["reference"] not in moved
    assert any(
        row["code"] == "TXT-TRACKING" and row["after"] < row["before"]
        for row in run.result["per_criterion"]
    )


def test_the_preview_of_a_cue_word_switched_off_reads_again_only_the_deals_holding_it(
    admin_user, api, sales_rep, catalogue, monkeypatch
):
    """A word switched off moves the past deals that hold it, and only those are read
    again: the others keep the reading stored with their screening."""
    import rules.engine.preview_text as preview_text

    _published_with(admin_user, english_cues(threshold=0.0))
    flagged = _register(api, sales_rep, PROTESTERS)
    ordinary = _register(api, sales_rep, "Office network refresh for three sites.")
    draft = services.criteria_draft_start(actor=admin_user)
    cue_services.learned_cue_switch(
        actor=admin_user, draft=draft, language="en", word="protest", on=False
    )
    read_again = []
    real = preview_text.text_read
    monkeypatch.setattr(
        preview_text,
        "text_read",
        lambda s, c: read_again.append(s["use_description"]) or real(s, c),
    )
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    assert run.status == PreviewRun.Status.DONE
    moved = {row["reference"] for row in run.result["down"]}
    assert flagged["reference"] in moved and ordinary["reference"] not in moved
    assert read_again == [PROTESTERS]
