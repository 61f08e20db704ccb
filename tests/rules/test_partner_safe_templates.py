"""Explanations of criteria shown to partners and reps may only quote partner-safe fields."""

from __future__ import annotations

import re

import pytest

from hrdd.errors import ApplicationError
from rules import services
from rules.models import CriteriaVersion
from rules.selectors import criteria_published_current

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Country watch",
    "condition": "country.code == 'NO'",
    "outcome": "score",
    "scale": "1",
    "scope": "0",
    "irremediability": "0",
    "likelihood": "1",
    "severity_uplift": "0",
    "enabled": "on",
}


def test_the_partner_safe_fields_are_an_allow_list_without_restricted_party_data():
    from rules.engine import FIELDS, PARTNER_SAFE_FIELDS

    assert PARTNER_SAFE_FIELDS < set(FIELDS)
    assert not {f for f in PARTNER_SAFE_FIELDS if f.startswith("restricted_party.")}


# What a screening records of its reading for the preview: the lexicon's phrases behind each
# quote, the split words it weighed, the learned cues behind quotes. They name the lexicon's
# entries and cues (how the screening reads), which partners and reps must not learn.
READING_RECORDS = ["text.phrases", "text.split_pieces", "text.cues_behind"]
KEY = r"\b[0-9a-f]{8,}\b"  # a phrase's key in the record (``phrase_key``)


@pytest.mark.parametrize(
    "field", ["restricted_party.matches", "restricted_party.best_score", *READING_RECORDS]
)
def test_a_partner_facing_explanation_quoting_compliance_data_is_refused(admin_user, client, field):
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    r = client.post(
        "/criteria/draft/new/",
        {
            **FORM,
            "code": "TEST-LEAK",
            "dimension": "country_context",
            "explanation": f"Deal in Norway; also {{{field}}}.",
        },
    )
    assert r.status_code == 400
    text = r.content.decode()
    assert field in text and "partners" in text
    draft = CriteriaVersion.objects.get(status="draft")
    assert not draft.criteria.filter(code="TEST-LEAK").exists()


def test_compliance_data_is_allowed_in_the_compliance_only_dimension(admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    services.criterion_save(
        actor=admin_user,
        draft=draft,
        code="TEST-RP",
        create=True,
        values={
            **FORM,
            "dimension": "restricted_party",
            "scale": 1,
            "scope": 0,
            "irremediability": 0,
            "likelihood": 1,
            "severity_uplift": 0,
            "enabled": True,
            "explanation": "Matched {restricted_party.matches}",
        },
    )
    assert draft.criteria.filter(code="TEST-RP").exists()


def test_a_pack_with_a_leaking_explanation_is_refused_whole(admin_user):
    pack = services.criteria_pack_export(criteria_published_current())
    first = next(c for c in pack["criteria"] if c["dimension"] != "restricted_party")
    first["explanation"] += " {restricted_party.matches}"
    with pytest.raises(ApplicationError) as exc:
        services.criteria_pack_import(actor=admin_user, pack=pack)
    assert "restricted_party.matches" in str(exc.value.message) + str(exc.value.errors)


def test_a_finding_that_read_compliance_data_is_hidden_whatever_its_dimension(
    admin_user, api, partner_a, reviewer, catalogue
):
    """Hiding goes by data: a partner-facing criterion whose condition reads a match
    fires for compliance staff only, and does not change what the partner is shown."""
    from restricted_parties.services import sample_list_load
    from tests.factories import deal_body

    sample_list_load()
    draft = services.criteria_draft_start(actor=admin_user)
    services.criterion_save(
        actor=admin_user,
        draft=draft,
        code="COMB-LISTED-ANY",
        create=True,
        values={
            **FORM,
            "dimension": "combination",
            "condition": "restricted_party.matched",
            "explanation": "A listed party in a deal.",
            "scale": 4,
            "scope": 0,
            "irremediability": 0,
            "likelihood": 3,
            "severity_uplift": 0,
            "enabled": True,
        },
    )
    services.criteria_publish(actor=admin_user, draft=draft)
    channel = [
        {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
        {"name": "Gulf Horizon Trading LLC", "role": "distributor", "country": "AE"},
    ]
    body = (
        api.as_user(partner_a)
        .post("/api/v1/opportunities/", deal_body(channel=channel), format="json")
        .json()
    )
    assert "COMB-LISTED-ANY" not in str(body)
    full = api.as_user(reviewer).get(f"/api/v1/opportunities/{body['id']}/").json()["screening"]
    assert "COMB-LISTED-ANY" in {f["code"] for f in full["findings"]}
    assert body["screening"]["severity"] < full["severity"]


def test_a_version_published_before_the_check_still_screens_and_hides_the_leak(
    api, partner_a, reviewer, catalogue
):
    """Upgrading must not stop screening: a published version holding a partner-facing
    criterion that quotes match data keeps working; partners never see that finding."""
    from django.utils import timezone

    from restricted_parties.services import sample_list_load
    from rules.models import Criterion
    from tests.factories import deal_body

    sample_list_load()
    v1 = criteria_published_current()
    v2 = CriteriaVersion.objects.create(
        status="published", number=2, published_at=timezone.now(), tiers=v1.tiers, name="old"
    )
    for c in v1.criteria.all():
        c.pk, c.version = None, v2
        c.save()
    Criterion.objects.create(
        version=v2,
        code="CTRY-OLD-LEAK",
        name="Old leak",
        dimension="country_context",
        condition="restricted_party.best_score > 50",
        explanation="Close to {restricted_party.matches}",
        scale=1,
        likelihood=1,
    )
    channel = [
        {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
        {"name": "Gulf Horizon Trading LLC", "role": "distributor", "country": "AE"},
    ]
    r = api.as_user(partner_a).post(
        "/api/v1/opportunities/", deal_body(channel=channel), format="json"
    )
    assert r.status_code == 201
    assert "CTRY-OLD-LEAK" not in str(r.json()) and "Gulf Horizon Trading Limited" not in str(
        r.json()
    )
    full = api.as_user(reviewer).get(f"/api/v1/opportunities/{r.json()['id']}/").json()
    assert full["screening"]["criteria_version"] == 2
    assert "CTRY-OLD-LEAK" in {f["code"] for f in full["screening"]["findings"]}


def test_the_readings_records_are_named_for_compliance_only():
    from rules.engine import PARTNER_SAFE_FIELDS
    from rules.engine.fields import TEXT_DERIVED_FIELDS, TEXT_READ_FIELDS

    assert set(TEXT_READ_FIELDS) - set(TEXT_DERIVED_FIELDS) == set(READING_RECORDS)
    assert not set(READING_RECORDS) & PARTNER_SAFE_FIELDS


def test_a_partner_sees_its_words_quoted_but_nothing_of_the_readings_records(
    api, client, partner_a, reviewer, catalogue
):
    """A deal whose reading records phrases and a learned cue behind a quote: the partner's
    page, list and API quote the partner's own words, and hold none of the record."""
    from rules.models import Screening
    from tests.factories import deal_body
    from tests.rules_engine.labelled import LABELLED

    # a labelled Russian description whose detention quote stands in for a learned cue
    text = next(i["text"] for i in LABELLED if i["id"] == "ru-d13")
    channel = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    body = (
        api.as_user(partner_a)
        .post(
            "/api/v1/opportunities/",
            deal_body(channel=channel, use_description=text),
            format="json",
        )
        .json()
    )
    snap = Screening.objects.get(opportunity_id=body["id"]).snapshot
    records = [line for field in READING_RECORDS for line in snap.get(field) or []]
    assert snap.get("text.cues_behind") and snap.get("text.phrases")  # the case is one
    assert any("(Russian" in line for line in snap["text.detention"])
    client.force_login(partner_a)
    shown = [
        str(body),
        str(api.as_user(partner_a).get(f"/api/v1/opportunities/{body['id']}/").json()),
        str(api.as_user(partner_a).get("/api/v1/opportunities/").json()),
        client.get(f"/deals/{body['id']}/").content.decode(),
        client.get("/deals/").content.decode(),
    ]
    assert "Use description (Russian" in shown[3]
    for page in shown:
        assert "learned-cue" not in page
        for line in records:
            assert line not in page, line
        # nor a phrase's key (the hexadecimal name of a lexicon entry) from the record
        for key in {k for line in snap["text.phrases"] for k in re.findall(KEY, line)}:
            assert key not in page, key
