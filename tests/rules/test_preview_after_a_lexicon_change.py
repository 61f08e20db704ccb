"""The preview after phrases are removed, changed or added: it reads again only the deals a
change can touch, and says exactly what reading every deal again would say."""

from __future__ import annotations

import pytest

from opportunities.models import Opportunity
from rules import lexicon_services, preview, services
from rules.engine import screen_brief, text_read, tier_rank
from rules.engine.preview_text import QUOTE_FIELDS
from rules.selectors import criteria_compiled, criteria_published_current
from rules.snapshot import snapshot_upgraded
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
DESCRIPTIONS = [
    "The city wants to locate the phones of protesters near the central square.",
    "The customer will track the movements of journalists across the capital.",
    "GPS trackers to track the delivery vans of the fleet.",
    "El cliente quiere localizar los teléfonos de los manifestantes en la plaza.",
    "Cameras will flag the faces of Uyghur residents at the checkpoints.",
    "客户需要实时定位抗议者的手机。",
    "Office network refresh for three sites.",
]


def full_recompute(draft_version) -> dict:
    """What the preview would say if it read every deal's text again with both lexicons."""
    draft = criteria_compiled(draft_version)
    in_force = criteria_compiled(criteria_published_current())
    counts = {"up": 0, "down": 0, "same": 0, "evidence": 0}
    moved = {"up": [], "down": [], "evidence": []}
    for opp in Opportunity.objects.exclude(current_screening=None).order_by("pk"):
        snap = snapshot_upgraded(opp.current_screening.snapshot)
        read_before, read_after = text_read(snap, in_force), text_read(snap, draft)
        before = screen_brief(snap, in_force, read_before)[0]
        after = screen_brief(snap, draft, read_after)[0]
        delta = tier_rank(after) - tier_rank(before)
        key = "up" if delta > 0 else "down" if delta < 0 else "same"
        counts[key] += 1
        if delta:
            moved[key].append(opp.reference)
        elif any(read_before[f] != read_after[f] for f in QUOTE_FIELDS):
            counts["evidence"] += 1  # the same tier, other words quoted
            moved["evidence"].append(opp.reference)
    return {"counts": counts, **moved}


def test_removing_changing_and_adding_phrases_previews_as_a_full_re_read(
    api, sales_rep, admin_user, catalogue
):
    for text in DESCRIPTIONS:
        r = api.as_user(sales_rep).post(URL, deal_body(use_description=text), format="json")
        assert r.status_code == 201, r.json()
    draft = services.criteria_draft_start(actor=admin_user)
    rows = list(draft.lexicon.filter(language="en", category="tracking"))
    assert rows
    lexicon_services.lexicon_entry_delete(actor=admin_user, draft=draft, entry_id=rows[0].pk)
    face = draft.lexicon.get(language="en", category="profiling", phrase__startswith="face|")
    lexicon_services.lexicon_entry_save(
        actor=admin_user, draft=draft, entry_id=face.pk, values={"category": "benign"}
    )
    lexicon_services.lexicon_entry_save(
        actor=admin_user,
        draft=draft,
        values={
            "phrase": "central square",
            "language": "en",
            "category": "benign",
            "source": "test",
        },
    )

    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)

    assert run.status == "done"
    expected = full_recompute(draft)
    assert run.result["counts"] == expected["counts"]
    assert [d["reference"] for d in run.result["up"]] == expected["up"]
    assert [d["reference"] for d in run.result["down"]] == expected["down"]
    assert [d["reference"] for d in run.result["evidence"]] == expected["evidence"]
    # The change is felt: the deals about protesters and Uyghur faces move down.
    assert expected["counts"]["down"] >= 2


def test_removing_every_tracking_phrase_previews_from_the_stored_quotes_as_a_full_re_read(
    api, sales_rep, admin_user, catalogue
):
    """Each screening stores the phrases behind its quotes; removing phrases drops their
    quotes from that record, and the preview still says what a full re-read says."""
    for text in DESCRIPTIONS:
        r = api.as_user(sales_rep).post(URL, deal_body(use_description=text), format="json")
        assert r.status_code == 201, r.json()
    stored = [
        o.current_screening.snapshot for o in Opportunity.objects.exclude(current_screening=None)
    ]
    assert all("text.phrases" in s for s in stored)
    assert any(line.startswith("tracking:") for s in stored for line in s["text.phrases"])
    draft = services.criteria_draft_start(actor=admin_user)
    for row in list(draft.lexicon.filter(category="tracking")):
        lexicon_services.lexicon_entry_delete(actor=admin_user, draft=draft, entry_id=row.pk)

    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)

    assert run.status == "done"
    expected = full_recompute(draft)
    assert run.result["counts"] == expected["counts"]
    assert [d["reference"] for d in run.result["up"]] == expected["up"]
    assert [d["reference"] for d in run.result["down"]] == expected["down"]
    assert [d["reference"] for d in run.result["evidence"]] == expected["evidence"]
