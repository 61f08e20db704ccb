"""Before publishing, the admin sees what the draft changes against the version in force
(criteria added, removed, changed field by field, in words) and what its preview found:
how many deals change tier. The preview offers the way to publish."""

from __future__ import annotations

import re

import pytest

from lifecycle.services import opportunity_register
from rules import preview, services
from rules.models import PreviewRun
from rules.selectors import criteria_published_current
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    criteria = list(draft.criteria.order_by("code"))
    changed, removed = criteria[0], criteria[1]
    services.criterion_save(
        actor=admin_user,
        draft=draft,
        code=changed.code,
        values={
            "likelihood": 5 if changed.likelihood != 5 else 4,
            "outcome": "heightened_due_diligence",
        },
    )
    services.criterion_delete(actor=admin_user, draft=draft, code=removed.code)
    services.criterion_save(
        actor=admin_user,
        draft=draft,
        code="RAISE-ALL",
        create=True,
        values={
            "name": "Everything is high",
            "dimension": "combination",
            "condition": "capability_severity >= 0",
            "outcome": "heightened_due_diligence",
            "explanation": "Test",
        },
    )
    draft.changed, draft.removed = changed, removed
    return draft


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_confirmation_shows_the_draft_against_the_version_in_force(draft, admin_user, client):
    client.force_login(admin_user)
    page = client.get("/criteria/draft/publish/confirm/").content.decode()
    diff = _text(page.split('id="criteria-diff"')[1].split("</section>")[0])
    number = criteria_published_current().number
    assert f"Changes against version {number}, in force" in diff
    assert "3 criteria changed: 1 added, 1 removed, 1 changed" in diff
    assert "Everything is high" in diff and draft.removed.name in diff
    old = draft.changed.likelihood
    new = 5 if old != 5 else 4
    assert f"Likelihood {old} {new}" in diff
    assert f"Outcome {draft.changed.get_outcome_display()} Heightened due diligence" in diff
    assert "heightened_due_diligence" not in diff  # words, not codes
    assert "has not been previewed" in page


def test_the_draft_page_marks_changed_rows(draft, admin_user, client):
    client.force_login(admin_user)
    page = client.get("/criteria/draft/").content.decode()
    assert re.search(rf'<tr class="[^"]*diff-changed" data-code="{draft.changed.code}"', page)
    assert re.search(r'<tr class="[^"]*diff-added" data-code="RAISE-ALL"', page)
    assert 'href="/criteria/draft/publish/confirm/"' in page


def test_the_confirmation_names_how_many_deals_change_tier(
    draft, admin_user, sales_rep, catalogue, client
):
    opportunity_register(actor=sales_rep, data=deal_body(title="Low one"))
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    assert run.status == PreviewRun.Status.DONE and run.result["counts"]["up"] == 1
    client.force_login(admin_user)
    assert (
        'id="publish-from-preview"' in client.get(f"/criteria/previews/{run.pk}/").content.decode()
    )
    page = client.get("/criteria/draft/publish/confirm/").content.decode()
    assert "1 past deal would change tier: 1 up, 0 down" in _text(page)
    assert "Publish as a new version: 1 deal changes tier" in _text(page)
    assert "changed after its last preview" not in page
    # a change after the preview: its figures no longer describe the draft
    services.criterion_delete(actor=admin_user, draft=draft, code="RAISE-ALL")
    page = client.get("/criteria/draft/publish/confirm/").content.decode()
    assert "changed after its last preview" in page
    assert "deal changes tier" not in _text(page)
