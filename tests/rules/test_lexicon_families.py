"""Families of acts and targets are lexicon entries: part of the criteria version, edited on
the draft's lexicon page with their kind, checked when saved, previewed on a sentence,
exported and imported in criteria packs."""

from __future__ import annotations

import json

import pytest

from audit.models import AuditEvent
from hrdd.errors import ApplicationError
from rules import lexicon_services, services
from rules.selectors import criteria_published_current

pytestmark = pytest.mark.django_db


def family(phrase: str, kind: str, **more) -> dict:
    return {
        "phrase": phrase,
        "language": "en",
        "category": "targets_dissent",
        "source": "Port unions, case 12",
        "enabled": "on",
        "family": kind,
        **more,
    }


def test_the_published_default_version_carries_families_in_every_language():
    version = criteria_published_current()
    kinds = set(version.lexicon.exclude(family="").values_list("language", "family"))
    assert {lang for lang, _k in kinds} == {"en", "fr", "es", "pt", "ar", "ru", "zh"}
    assert {k for _l, k in kinds} == {"act", "target"}


def test_an_admin_adds_a_family_and_tries_it_on_a_sentence(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = client.get("/criteria/draft/lexicon/").content.decode()
    assert "Family of acts" in page and "Family of targets" in page
    bad = client.post("/criteria/draft/lexicon/", family("shadow ~ stevedores", "act"))
    assert bad.status_code == 400
    assert "a family lists words or phrases joined by |, without ~" in bad.content.decode()
    for phrase, kind in (("shadow|tail", "act"), ("stevedores|dockers", "target")):
        category = {"category": "tracking"}
        assert (
            client.post("/criteria/draft/lexicon/", family(phrase, kind, **category)).status_code
            == 302
        )
    row = draft.lexicon.get(phrase="stevedores|dockers")
    assert row.family == "target"
    assert AuditEvent.objects.filter(
        action="criteria.lexicon_saved", changes__family="target"
    ).exists()
    tried = client.get("/criteria/draft/lexicon/", {"try": "They want to tail the dockers."})
    assert "tail the dockers" in tried.content.decode()
    # The kind is shown and kept when the entry is edited.
    edit = client.get(f"/criteria/draft/lexicon/{row.pk}/")
    assert 'value="target" selected' in edit.content.decode()


def test_families_survive_an_export_and_an_import(admin_user):
    pack = services.criteria_pack_export(criteria_published_current())
    exported = [e for e in pack["lexicon"] if e.get("family")]
    assert exported and all(e["family"] in {"act", "target"} for e in exported)
    draft = services.criteria_pack_import(actor=admin_user, pack=json.loads(json.dumps(pack)))
    assert draft.lexicon.exclude(family="").count() == len(exported)
    pack["lexicon"].append(
        {
            "phrase": "x ~ y",
            "language": "en",
            "category": "tracking",
            "source": "s",
            "family": "act",
        }
    )
    with pytest.raises(ApplicationError, match="without ~"):
        services.criteria_pack_import(actor=admin_user, pack=pack)


def test_a_family_saved_through_the_service_is_checked(admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    with pytest.raises(ApplicationError, match="not as a family"):
        lexicon_services.lexicon_entry_save(
            actor=admin_user,
            draft=draft,
            values={
                "phrase": "malware|spam",
                "language": "en",
                "category": "benign",
                "source": "s",
                "family": "target",
            },
        )
