"""An admin marks a phrase to be read in any language, and the "Try a sentence" box reads
with the lexicon as it is now: an edit is honoured on the very next try."""

from __future__ import annotations

import re

import pytest

from audit.models import AuditEvent
from opportunities.models import Opportunity
from rules import lexicon_services, preview, services
from rules.engine import screen_brief, text_read, tier_rank
from rules.selectors import criteria_compiled, criteria_published_current
from rules.snapshot import snapshot_upgraded
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

PAGE = "/criteria/draft/lexicon/"
FRENCH = "Le client veut déployer Zorvex sur les téléphones de la capitale."


def phrase(**more) -> dict:
    return {
        "phrase": "zorvex",
        "language": "en",
        "category": "tracking",
        "source": "Spyware named in case 12",
        "enabled": "on",
        **more,
    }


def tried_page(client, text: str) -> str:
    return client.get(PAGE, {"try": text}).content.decode()


def tried(client, text: str) -> str:
    """The signals the box read (not the matches it lists as ruled out)."""
    page = tried_page(client, text)
    found = re.search(r'<ul class="tried-signals">.*?</ul>', page, re.S)
    return found.group(0) if found else ""


def test_an_admin_marks_a_phrase_to_be_read_in_any_language(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    assert "Read in text of any language" in client.get(PAGE).content.decode()
    assert client.post(PAGE, phrase()).status_code == 302
    row = draft.lexicon.get(phrase="zorvex")
    assert row.any_language is False
    # An English phrase does not read a French sentence...
    assert "“Zorvex”" not in tried(client, FRENCH)
    assert "the phrase is in another language than this part of the text" in tried_page(
        client, FRENCH
    )
    assert "“Zorvex”" in tried(client, "The client will deploy Zorvex on the phones.")
    # ...until its admin says it is read in any language: honoured on the next try.
    edit = f"{PAGE}{row.pk}/"
    assert client.post(edit, phrase(any_language="on")).status_code == 302
    row.refresh_from_db()
    assert row.any_language is True
    assert "“Zorvex”" in tried(client, FRENCH)
    assert AuditEvent.objects.filter(
        action="criteria.lexicon_saved", changes__any_language=[False, True]
    ).exists()
    listed = client.get(PAGE, {"search": "zorvex"}).content.decode()  # the list is paged
    assert "(read in any language)" in listed
    assert 'name="any_language" checked' in client.get(edit).content.decode()


def test_the_try_box_reads_with_the_lexicon_as_edited(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    sentence = "They want to shadow the stevedores at the port."
    assert "“shadow the stevedores”" not in tried(client, sentence)
    assert client.post(PAGE, phrase(phrase="shadow ~ stevedores")).status_code == 302
    assert "“shadow the stevedores”" in tried(client, sentence)
    row = draft.lexicon.get(phrase="shadow ~ stevedores")
    assert client.post(f"{PAGE}{row.pk}/", phrase(phrase="shadow ~ dockers")).status_code == 302
    assert "“shadow the stevedores”" not in tried(client, sentence)
    assert (
        client.post(
            f"{PAGE}{row.pk}/", phrase(phrase="shadow ~ stevedores", enabled="")
        ).status_code
        == 302
    )
    assert "“shadow the stevedores”" not in tried(client, sentence)


def test_the_preview_reads_again_a_deal_a_phrase_now_read_in_any_language_touches(
    api, sales_rep, admin_user, catalogue
):
    first = services.criteria_draft_start(actor=admin_user)
    lexicon_services.lexicon_entry_save(
        actor=admin_user,
        draft=first,
        values={**phrase(), "enabled": True, "category": "targets_dissent"},
    )
    services.criteria_publish(actor=admin_user, draft=first, notes="zorvex")
    for text in (FRENCH, "Office network refresh for three sites."):
        r = api.as_user(sales_rep).post(URL, deal_body(use_description=text), format="json")
        assert r.status_code == 201, r.json()
    draft = services.criteria_draft_start(actor=admin_user)
    row = draft.lexicon.get(phrase="zorvex")
    lexicon_services.lexicon_entry_save(
        actor=admin_user, draft=draft, entry_id=row.pk, values={"any_language": True}
    )

    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)

    assert run.status == "done"
    in_force = criteria_compiled(criteria_published_current())
    compiled = criteria_compiled(draft)
    up = []
    for opp in Opportunity.objects.exclude(current_screening=None).order_by("pk"):
        snap = snapshot_upgraded(opp.current_screening.snapshot)
        before = screen_brief(snap, in_force, text_read(snap, in_force))[0]
        after = screen_brief(snap, compiled, text_read(snap, compiled))[0]
        if tier_rank(after) > tier_rank(before):
            up.append(opp.reference)
    # The French deal now reads the spyware's name: it moves up, and the preview says so.
    assert len(up) == 1
    assert [d["reference"] for d in run.result["up"]] == up


URL = "/api/v1/opportunities/"
