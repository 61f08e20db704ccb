"""What a hostile user found around the deal pages: other organisations' evidence files and
imports, registers readable without a role, external_id collisions, oracles and 500s."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lifecycle.services import opportunity_register, review_answer
from opportunities.models import Opportunity
from partners.models import Organisation
from reviews.services import review_claim, review_request_information
from tests.channel_imports.conftest import csv_upload, row
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64


@pytest.fixture
def shared_deal(partner_a, catalogue):
    """A flagged deal Alpha submitted with Bravo also in its channel: both partners see it."""
    body = deal_body(
        title="Lawful intercept for a telecom",
        end_customer={
            "name": "Deutsche Netz AG",
            "country": "DE",
            "type": "private_telecom",
            "sector": "telecom",
        },
        delivery_country="DE",
        channel=[
            {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
            {"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"},
        ],
        lines=[{"sku": "LI-GW-2", "quantity": 1}],
        intended_use=["lawful_intercept_compliance"],
    )
    return opportunity_register(actor=partner_a, data=body).opportunity


@pytest.fixture
def evidence(shared_deal, case_of, reviewer, partner_a):
    """Alpha's answer to a reviewer's question, with its end-use certificate attached."""
    case = review_claim(case=case_of(shared_deal), actor=reviewer)
    info = review_request_information(
        case=case, actor=reviewer, questions="Send the end-use certificate.", addressed_to=partner_a
    )
    upload = SimpleUploadedFile("certificate.png", PNG, content_type="image/png")
    return review_answer(
        information_request=info, actor=partner_a, answer="Attached.", attachment=upload
    )


def test_only_the_uploaders_organisation_and_compliance_download_evidence(
    client, evidence, partner_a, partner_b, reviewer, shared_deal
):
    url = f"/reviews/requests/{evidence.pk}/attachment/"
    client.force_login(partner_b)
    assert client.get(f"/deals/{shared_deal.pk}/").status_code == 200  # Bravo sees the deal...
    assert client.get(url).status_code == 404  # ...but not Alpha's certificate
    for allowed in (partner_a, reviewer):
        client.force_login(allowed)
        r = client.get(url)
        assert r.status_code == 200, allowed
        assert b"".join(r.streaming_content) == PNG


def test_a_sales_rep_lists_only_imports_their_team_uploaded(
    api, partner_a, sales_rep, teammate, other_rep, reviewer, catalogue, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "imports")

    def upload(user, **data):
        r = api.as_user(user).post(
            "/api/v1/imports/", {"file": csv_upload([row()]), **data}, format="multipart"
        )
        assert r.status_code == 201, r.json()
        return r.json()["id"]

    alpha = Organisation.objects.get(name="Alpha Systems Integration")
    partners_own = upload(partner_a)
    rep_upload = upload(sales_rep, organisation=alpha.pk)

    def listed(user):
        return {i["id"] for i in api.as_user(user).get("/api/v1/imports/").json()["results"]}

    assert listed(sales_rep) == {rep_upload}
    assert listed(teammate) == {rep_upload}
    assert listed(other_rep) == set()
    assert listed(partner_a) == {partners_own, rep_upload}  # both are for Alpha
    assert listed(reviewer) == {partners_own, rep_upload}
    assert api.as_user(other_rep).get(f"/api/v1/imports/{partners_own}/").status_code == 404
    client = api.as_user(other_rep)
    assert client.get(f"/api/v1/imports/{rep_upload}/lines/").status_code == 404


def test_no_role_reads_no_registers(api, nobody, outsider, partner_a, shared_deal):
    end_customer = "Deutsche Netz AG"
    for user in (nobody, outsider):
        c = api.as_user(user)
        organisations = c.get("/api/v1/organisations/").json()
        assert organisations["count"] == 0, user
        assert end_customer not in json.dumps(organisations)
        assert c.get("/api/v1/products/").json()["count"] == 0, user
        assert c.get("/api/v1/reviews/mitigations/").json() == [], user


def test_a_rep_does_not_read_end_customers_partners_typed(api, other_rep, shared_deal):
    names = {
        o["name"]
        for o in api.as_user(other_rep)
        .get("/api/v1/organisations/?page_size=500")
        .json()["results"]
    }
    assert "Deutsche Netz AG" not in names  # typed by Alpha on a deal the rep cannot see
    assert "Alpha Systems Integration" in names  # the channel partners are the vendor's register


def test_another_teams_external_id_is_refused_with_409_and_nothing_is_lost(
    api, sales_rep, other_rep, catalogue
):
    api.as_user(sales_rep).post(
        "/api/v1/opportunities/", deal_body(external_id="CRM-7"), format="json"
    )
    r = api.as_user(other_rep).post(
        "/api/v1/opportunities/", deal_body(external_id="CRM-7", title="Olga's deal"), format="json"
    )
    assert r.status_code == 409, r.json()
    assert "CRM-7" in r.json()["detail"]
    assert r.json()["errors"]["external_id"]
    # the rep's own deal is never silently "the existing one"
    assert not Opportunity.objects.filter(title="Olga's deal").exists()


def test_the_form_does_not_send_a_rep_to_another_teams_deal(
    client, sales_rep, other_rep, catalogue
):
    theirs = opportunity_register(actor=sales_rep, data=deal_body(external_id="CRM-8")).opportunity
    client.force_login(other_rep)
    form = {
        "external_id": "CRM-8",
        "title": "Mine",
        "ec_name": "Fjord Logistics AS",
        "ec_country": "NO",
        "ec_type": "private_enterprise",
        "ec_sector": "logistics",
        "delivery_country": "NO",
        "channel-0-name": "Nordic Distribution AB",
        "channel-0-role": "distributor",
        "channel-0-country": "SE",
        "line-0-sku": "NET-4400",
        "line-0-quantity": "10",
        "intended_use": "enterprise_it",
        "value_amount": "1000",
        "value_currency": "EUR",
        "end_use_statement": "signed",
    }
    r = client.post("/deals/new/", form)
    assert f"/deals/{theirs.pk}/" not in r.get("Location", "")
    assert r.status_code == 409
    assert "CRM-8" in r.content.decode()  # the form says why, and keeps what was typed
    assert 'value="Mine"' in r.content.decode()


def test_answering_a_case_you_cannot_answer_looks_like_no_case(
    api, partner_b, shared_deal, case_of
):
    case = case_of(shared_deal)  # Bravo sees the deal; no question is addressed to Bravo
    c = api.as_user(partner_b)
    seen = c.post(f"/api/v1/reviews/cases/{case.pk}/answer/", {"answer": "x"}, format="json")
    missing = c.post("/api/v1/reviews/cases/999999/answer/", {"answer": "x"}, format="json")
    huge = c.post(f"/api/v1/reviews/cases/{10**20}/answer/", {"answer": "x"}, format="json")
    assert (seen.status_code, missing.status_code, huge.status_code) == (404, 404, 404)
    assert seen.json() == missing.json()


def test_deeply_nested_json_to_the_token_endpoint_is_a_400(client):
    body = "[" * 100_000 + "]" * 100_000
    r = client.post("/api/v1/auth/token/", body, content_type="application/json")
    assert r.status_code == 400
    assert "JSON" in r.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/deals/new/channel-row/?i=abc",
        "/deals/new/line-row/?i=abc",
        "/deals/new/line-row/?i=%C2%B2",
    ],
)
def test_form_row_endpoints_refuse_a_bad_index(client, sales_rep, catalogue, path):
    client.force_login(sales_rep)
    assert client.get(path).status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "level=%C2%B2",
        "partner=%C2%B2",
        "assignee=%C2%B2",
        "partner=99999999999999999999",
        "level=abc",
    ],
)
def test_queue_filters_refuse_bad_numbers(client, api, reviewer, query):
    client.force_login(reviewer)
    for url in (f"/reviews/?{query}", f"/reviews/mine/?{query}", f"/api/v1/reviews/cases/?{query}"):
        r = client.get(url) if not url.startswith("/api") else api.as_user(reviewer).get(url)
        assert r.status_code == 400, url


def test_the_inbox_refuses_a_bad_notification_id(client, sales_rep):
    client.force_login(sales_rep)
    assert client.post("/inbox/read/", {"notification": "²"}).status_code == 400


def test_assign_refuses_a_bad_assignee(client, senior_reviewer, make_deal, case_of):
    case = case_of(make_deal("medium"))
    client.force_login(senior_reviewer)
    r = client.post(f"/reviews/cases/{case.pk}/assign/", {"assignee": "abc"}, follow=True)
    assert r.status_code == 200 and "Choose a reviewer" in r.content.decode()
    case.refresh_from_db()
    assert case.assignee_id is None


def test_a_20_digit_opportunity_id_on_a_false_positive_is_a_400(api, client, reviewer):
    from restricted_parties.models import RestrictedPartyEntry

    entry = RestrictedPartyEntry.objects.first()
    body = {
        "party_name": "Some Name",
        "entry_id": entry.pk if entry else 1,
        "reason": "Different company.",
        "opportunity_id": 10**19,
    }
    r = api.as_user(reviewer).post(
        "/api/v1/restricted-parties/false-positives/", body, format="json"
    )
    assert r.status_code == 400, r.content
    assert "opportunity_id" in r.json()["errors"]
    client.force_login(reviewer)
    r = client.post("/restricted-parties/false-positives/", body)
    assert r.status_code in (302, 400)


def test_the_person_asked_still_hears_that_a_question_is_already_answered(api, partner_a, evidence):
    r = api.as_user(partner_a).post(
        f"/api/v1/reviews/cases/{evidence.case_id}/answer/",
        {"answer": "Again.", "request": evidence.pk},
        format="json",
    )
    assert r.status_code == 409
    assert "already been answered" in r.json()["detail"]


def test_a_partner_in_the_channel_cannot_answer_anothers_question_through_the_page(
    client, partner_b, shared_deal, case_of, reviewer, partner_a
):
    case = review_claim(case=case_of(shared_deal), actor=reviewer)
    info = review_request_information(
        case=case, actor=reviewer, questions="Who is the end user?", addressed_to=partner_a
    )
    client.force_login(partner_b)
    assert client.post(f"/reviews/requests/{info.pk}/answer/", {"answer": "x"}).status_code == 404
    info.refresh_from_db()
    assert info.answered_at is None


@pytest.mark.parametrize("owner", ["²", "99999999999999999999", "abc"])
def test_a_condition_owner_that_is_not_an_id_is_a_clear_refusal(
    client, reviewer, make_deal, case_of, owner
):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    client.force_login(reviewer)
    r = client.post(
        f"/reviews/cases/{case.pk}/decide/",
        {
            "outcome": "approve_with_conditions",
            "reasons": "SOE.",
            "feedback": "Certificate.",
            "cond-0-mitigation": "end-use-certificate",
            "cond-0-owner": owner,
        },
        follow=True,
    )
    assert r.status_code == 200 and "Each condition needs an owner" in r.content.decode()
    case.refresh_from_db()
    assert case.is_open


def test_an_ofac_entity_number_in_other_digits_is_refused_with_the_row(tmp_path):
    from restricted_parties import importers

    row = '²,"Some Name",-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    for name, text in {"sdn.csv": row, "alt.csv": "", "add.csv": ""}.items():
        (tmp_path / name).write_bytes(text.encode() + b"\x1a")
    with pytest.raises(importers.ListImportError, match="sdn.csv, row 1: .*is not a number"):
        importers.ofac_sdn_parse(tmp_path)
