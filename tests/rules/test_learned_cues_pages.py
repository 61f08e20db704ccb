"""Learned cues as part of a criteria version, end to end: a new install reads with the
default pack's cues; admins switch a cue word or a language off in the draft (audited),
take the pack's cues or remove them; packs carry them; a deal's reviewer reads a cue's
quote marked as a learned cue."""

from __future__ import annotations

import json

import pytest

from audit.models import AuditEvent
from hrdd.errors import ApplicationError
from rules import cue_services, services
from rules.engine import read_pack
from rules.models import LearnedCues
from rules.selectors import criteria_learned_cues, criteria_published_current
from tests.factories import deal_body
from tests.rules_engine.cue_data import english_cues

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
# Read by the small English cues below, by no phrase of the one-phrase lexicon.
PROTESTERS = "Customer plans to track protesters at the rally."
CUE_QUOTE = "Use description (English, learned cue): “track protesters”"


def _pack_with(cues: dict | None) -> dict:
    """The default pack with one phrase that reads none of the texts here, and ``cues``."""
    pack = read_pack()
    pack["lexicon"] = [
        {
            "phrase": "censor ~ journalists",
            "language": "en",
            "category": "censorship",
            "source": "s",
        }
    ]
    if cues is None:
        pack.pop("learned_cues", None)
    else:
        pack["learned_cues"] = cues
    return pack


def _published_with(admin, cues: dict | None):
    return services.criteria_pack_import(actor=admin, pack=_pack_with(cues), publish=True)


def _register(api, user, text: str) -> dict:
    r = api.as_user(user).post(
        URL, deal_body(intended_use=["network_operations"], use_description=text), format="json"
    )
    assert r.status_code == 201, r.json()
    return r.json()


def test_a_new_install_reads_deal_text_with_the_default_packs_learned_cues():
    current = criteria_published_current()
    assert criteria_learned_cues(current) == read_pack()["learned_cues"]


def test_a_cue_read_in_a_deal_is_quoted_to_the_reviewer_as_a_learned_cue(
    admin_user, api, client, sales_rep, reviewer, catalogue
):
    _published_with(admin_user, english_cues())
    body = _register(api, sales_rep, PROTESTERS)
    codes = {f["code"] for f in body["screening"]["findings"]}
    assert "TXT-TRACKING" in codes
    client.force_login(reviewer)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert CUE_QUOTE in page


def test_the_same_deal_without_cues_raises_no_text_finding(admin_user, api, sales_rep, catalogue):
    _published_with(admin_user, None)
    body = _register(api, sales_rep, PROTESTERS)
    assert not {f["code"] for f in body["screening"]["findings"]} & {"TXT-TRACKING"}


def test_an_admin_switches_a_cue_word_off_in_the_draft_and_it_is_audited(admin_user, client):
    _published_with(admin_user, english_cues())
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    tried = client.get("/criteria/draft/lexicon/", {"try": PROTESTERS}).content.decode()
    assert ", learned cue)" in tried

    page = client.get("/criteria/draft/learned-cues/").content.decode()
    assert "track" in page and "Switch English cues off" in page
    r = client.post(
        "/criteria/draft/learned-cues/switch/", {"language": "en", "word": "track", "on": "0"}
    )
    assert r.status_code == 302
    assert ["en", "track"] in criteria_learned_cues(draft)["switched_off"]
    event = AuditEvent.objects.filter(action="criteria.learned_cue_switched").get()
    assert event.changes == {"language": "en", "cue": "track", "on": False}
    tried = client.get("/criteria/draft/lexicon/", {"try": PROTESTERS}).content.decode()
    assert ", learned cue)" not in tried
    # The version in force is untouched until the draft is published.
    assert ["en", "track"] not in (criteria_learned_cues(criteria_published_current()) or {}).get(
        "switched_off", []
    )


def test_a_language_switched_off_leaves_its_text_to_the_lexicon(admin_user, client):
    _published_with(admin_user, english_cues())
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    client.post("/criteria/draft/learned-cues/language/", {"language": "en", "on": "0"})
    assert criteria_learned_cues(draft)["languages"]["en"]["enabled"] is False
    tried = client.get("/criteria/draft/lexicon/", {"try": PROTESTERS}).content.decode()
    assert ", learned cue)" not in tried
    assert AuditEvent.objects.filter(action="criteria.learned_cues_language_switched").count() == 1


def test_an_unknown_cue_word_is_refused_with_the_reason(admin_user):
    _published_with(admin_user, english_cues())
    draft = services.criteria_draft_start(actor=admin_user)
    with pytest.raises(ApplicationError, match="not a learned cue in English"):
        cue_services.learned_cue_switch(
            actor=admin_user, draft=draft, language="en", word="zebra", on=False
        )
    with pytest.raises(ApplicationError, match="no learned cues in French"):
        cue_services.learned_cue_switch(
            actor=admin_user, draft=draft, language="fr", word="track", on=False
        )


def test_only_admins_switch_cues_and_published_versions_never_change(admin_user, reviewer, client):
    version = _published_with(admin_user, english_cues())
    services.criteria_draft_start(actor=admin_user)
    client.force_login(reviewer)
    r = client.post(
        "/criteria/draft/learned-cues/switch/", {"language": "en", "word": "track", "on": "0"}
    )
    assert r.status_code == 403
    page = client.get(f"/criteria/versions/{version.number}/learned-cues/").content.decode()
    assert "track" in page and "Switch English cues off" not in page
    with pytest.raises(Exception, match="never change"):
        cue_services.learned_cue_switch(
            actor=admin_user, draft=version, language="en", word="track", on=False
        )


def test_a_pack_exported_carries_the_cues_and_one_without_them_removes_them(admin_user):
    version = _published_with(admin_user, english_cues())
    exported = json.loads(json.dumps(services.criteria_pack_export(version)))
    assert exported["learned_cues"] == criteria_learned_cues(version)
    draft = services.criteria_pack_import(actor=admin_user, pack=_pack_with(None))
    assert criteria_learned_cues(draft) is None
    draft = services.criteria_pack_import(actor=admin_user, pack=exported)
    assert criteria_learned_cues(draft) == exported["learned_cues"]


def test_a_pack_with_broken_cues_is_refused_and_changes_nothing(admin_user):
    version = _published_with(admin_user, english_cues())
    draft = services.criteria_draft_start(actor=admin_user)
    broken = _pack_with({**english_cues(), "threshold": "high"})
    with pytest.raises(ApplicationError, match="learned cues"):
        services.criteria_pack_import(actor=admin_user, pack=broken)
    assert criteria_learned_cues(draft) == criteria_learned_cues(version)


def test_an_admin_takes_the_default_packs_cues_or_removes_them(admin_user, client):
    _published_with(admin_user, None)
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = client.get("/criteria/draft/learned-cues/").content.decode()
    assert "reads deal text with its lexicon alone" in page
    client.post("/criteria/draft/learned-cues/default/")
    assert criteria_learned_cues(draft) == read_pack()["learned_cues"]
    client.post("/criteria/draft/learned-cues/default/", {"remove": "1"})
    assert not LearnedCues.objects.filter(version=draft).exists()
    actions = list(
        AuditEvent.objects.filter(action__startswith="criteria.learned_cues").values_list(
            "action", flat=True
        )
    )
    assert actions == ["criteria.learned_cues_taken", "criteria.learned_cues_removed"]


def _give_default_cues() -> None:
    import importlib

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    migration = importlib.import_module("rules.migrations.0015_learned_cues")
    apps = MigrationExecutor(connection).loader.project_state(("rules", "0015_learned_cues")).apps
    migration.give_default_learned_cues(apps, None)


def test_the_migration_gives_cues_only_to_an_untouched_version_that_screened_nothing(
    api, sales_rep, catalogue
):
    current = criteria_published_current()
    LearnedCues.objects.filter(version=current).delete()
    _register(api, sales_rep, "Office network refresh")  # it has screened a deal now
    _give_default_cues()
    assert criteria_learned_cues(current) is None


def test_the_migration_leaves_a_version_whose_lexicon_an_admin_changed():
    current = criteria_published_current()
    LearnedCues.objects.filter(version=current).delete()
    current.lexicon.first().delete()
    _give_default_cues()
    assert criteria_learned_cues(current) is None
    LearnedCues.objects.all().delete()
    current.lexicon.all().delete()
    from rules.lexicon_services import lexicon_replace
    from rules.textsignals import lexicon_from_pack

    lexicon_replace(draft=current, entries=lexicon_from_pack(read_pack()))
    _give_default_cues()
    assert criteria_learned_cues(current) == read_pack()["learned_cues"]


def test_grammar_words_are_told_apart_and_switching_one_off_warns(admin_user, client):
    """Found by a new compliance lead's review: the page listed stems ("locat") and pairs of
    grammar words as cues with no word on what they are, and switching "the" off (which
    moves the weight of nearly every text) took one click with no warning."""
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = client.get("/criteria/draft/learned-cues/").content.decode()
    assert "Words are shown as the stem their forms share" in page
    # "who" is among the strongest English tracking cues of the default pack, a form word
    who = page.split('name="word" value="who"', 1)[1].split("</form>", 1)[0]
    assert 'data-confirm="“who” is a grammar or form word that nearly every English text' in who
    phone = page.split('name="word" value="phone"', 1)[1].split("</form>", 1)[0]
    assert "data-confirm" not in phone
    assert 'class="cue grammar-word"' in page
