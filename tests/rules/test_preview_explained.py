"""The preview of a draft on past deals says why each listed deal moves, in what a reviewer
reads: the criteria that would fire or no longer fire, by name, and the words of its text
that would be quoted or no longer quoted; it lists deals whose quotes change while their
tier stays, and names the version it compared with.

Found by a new compliance lead's review: the preview listed "D-000001 Campus network
refresh: low → high" and criteria by code only, left out deals whose evidence changed at the
same tier, and never said which version it compared with.
"""

from __future__ import annotations

import pytest

from rules import lexicon_services, preview, services
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
QUOTE = "Use description (English): “trace the stevedores”"


def _register(api, user, text: str) -> dict:
    r = api.as_user(user).post(URL, deal_body(use_description=text), format="json")
    assert r.status_code == 201, r.json()
    return r.json()


def test_the_preview_says_why_each_deal_moves(api, client, sales_rep, admin_user, catalogue):
    rising = _register(api, sales_rep, "Port network; we will trace the stevedores.")
    held = _register(
        api,
        sales_rep,
        "The city wants to locate the phones of protesters; we will trace the stevedores.",
    )
    assert rising["screening"]["tier"] == "low"
    draft = services.criteria_draft_start(actor=admin_user)
    lexicon_services.lexicon_entry_save(
        actor=admin_user,
        draft=draft,
        values={
            "phrase": "trace ~ stevedores",
            "language": "en",
            "category": "targets_dissent",
            "source": "Case 12",
        },
    )
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    (up,) = run.result["up"]
    assert up["reference"] == rising["reference"]
    assert "TXT-TARGETING-DISSENT" in up["fires"] and not up["stops"]
    assert up["quotes"] == [QUOTE] and up["unquoted"] == []
    (same,) = run.result["evidence"]
    assert same["reference"] == held["reference"] and same["from"] == same["to"]
    assert QUOTE in same["quotes"]
    assert run.result["counts"]["evidence"] == 1
    assert run.result["compared_with"] == 1

    client.force_login(admin_user)
    page = client.get(f"/criteria/previews/{run.pk}/").content.decode()
    assert "against version 1, in force" in page
    assert "Would fire: Text: targets dissent" in page
    assert f"Would quote: {QUOTE}" in page
    assert "Same tier, other words quoted (1)" in page
    assert "Text: targets dissent <code" in page  # the criteria table names them
