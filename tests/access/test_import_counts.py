"""How many lines of an import were flagged or held for review is screening intelligence:
compliance staff see the counts; the partner and the rep see their lines' shown tiers, and
a status that never says lines were held."""

from __future__ import annotations

import pytest

from channel_imports.models import ChannelImport
from channel_imports.services import import_accept
from partners.models import Organisation
from tests.channel_imports.conftest import csv_upload, drain, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_import(api, partner_a, partner_b, catalogue, settings, tmp_path):
    """Alpha's import of two ordinary sales, one through Bravo, which declined its
    due-diligence questionnaire: that line is held for review, for a reason that is
    Bravo's and compliance's, not Alpha's."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Organisation.objects.filter(pk=partner_b.organisation_id).update(dd_status="refused")
    rows = [
        row(partner_reference="POS-PLAIN"),
        row(
            partner_reference="POS-BRAVO",
            reseller_name="Bravo Channel Solutions",
            reseller_country="FR",
        ),
    ]
    r = api.as_user(partner_a).post(
        "/api/v1/imports/", {"file": csv_upload(rows, name="held.csv")}, format="multipart"
    )
    api.credentials()
    imp = drain(ChannelImport.objects.get(pk=r.json()["id"]))
    return drain(import_accept(actor=partner_a, channel_import=imp))


def test_compliance_sees_how_many_lines_were_held(api, client, reviewer, held_import):
    assert held_import.status == "completed"
    body = api.as_user(reviewer).get(f"/api/v1/imports/{held_import.pk}/").json()
    assert body["summary"]["flagged"] == 1 and body["progress"]["flagged"] == 1
    client.force_login(reviewer)
    page = client.get(f"/imports/{held_import.pk}/").content.decode()
    assert "lines need review" in page and "POS-BRAVO" in page


def test_the_partner_is_not_told_how_many_lines_were_held(api, client, partner_a, held_import):
    imp = held_import
    body = api.as_user(partner_a).get(f"/api/v1/imports/{imp.pk}/").json()
    assert "flagged" not in body["summary"] and "promoted" not in body["summary"]
    assert "promotion_errors" not in body["summary"]
    assert body["progress"]["flagged"] is None and body["progress"]["promoted"] is None
    # the hold itself is told, so the partner holds the sale; not its cause
    (held,) = api.get(f"/api/v1/imports/{imp.pk}/lines/?flagged=1").json()["results"]
    assert held["data"]["partner_reference"] == "POS-BRAVO"
    assert held["status_label"] == "In compliance review" and held["tier"] == "low"
    assert not held["findings"] and held["promotion_error"] == ""
    listed = api.get("/api/v1/imports/").json()["results"][0]
    assert "flagged" not in listed["summary"] and listed["progress"]["flagged"] is None
    client.force_login(partner_a)
    page = client.get(f"/imports/{imp.pk}/").content.decode()
    assert "need review" not in page and "review queue" not in page
    assert "Flagged" not in client.get("/imports/").content.decode()


def test_while_held_lines_become_deals_the_partner_reads_a_neutral_status(
    api, client, partner_a, reviewer, held_import
):
    ChannelImport.objects.filter(pk=held_import.pk).update(status="promoting", summary={})
    body = api.as_user(partner_a).get(f"/api/v1/imports/{held_import.pk}/").json()
    assert body["status"] != "promoting"
    assert body["progress"]["flagged"] is None
    assert "promoting" not in str(api.get("/api/v1/imports/").json())
    assert api.get("/api/v1/imports/?status=promoting").status_code == 400
    client.force_login(partner_a)
    for url in (f"/imports/{held_import.pk}/", f"/imports/{held_import.pk}/status/", "/imports/"):
        page = client.get(url).content.decode().lower()
        assert "flagged" not in page and "registering" not in page and "promoting" not in page, url
    client.force_login(reviewer)
    page = client.get(f"/imports/{held_import.pk}/").content.decode()
    assert "Registering the flagged lines" in page


def test_flagged_lines_are_ordered_by_the_score_the_partner_is_shown(
    api, client, partner_a, partner_b, catalogue, settings, tmp_path
):
    """Two lines the partner is shown alike: a hidden finding on the second must not move
    it up the partner's list of flagged lines."""
    medium = row(
        end_customer_name="Gulf Research Co",
        end_customer_country="AE",
        end_user_type="state_owned_enterprise",
        sector="research",
        delivery_country="AE",
        sku="",
        product_name="GPU cluster",
        capabilities="hpc_accelerators",
        quantity="2",
        intended_use="research_education",
    )
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Organisation.objects.filter(pk=partner_b.organisation_id).update(dd_status="refused")
    rows = [
        row(medium, partner_reference="POS-FIRST"),
        row(
            medium,
            partner_reference="POS-SECOND",
            reseller_name="Bravo Channel Solutions",
            reseller_country="FR",
        ),
    ]
    r = api.as_user(partner_a).post(
        "/api/v1/imports/", {"file": csv_upload(rows, name="two.csv")}, format="multipart"
    )
    imp = drain(ChannelImport.objects.get(pk=r.json()["id"]))
    imp = drain(import_accept(actor=partner_a, channel_import=imp))
    lines = {x.data["partner_reference"]: x for x in imp.lines.all()}
    assert lines["POS-FIRST"].shown_tier == "medium", lines["POS-FIRST"].findings
    assert lines["POS-SECOND"].score > lines["POS-FIRST"].score
    assert lines["POS-SECOND"].shown_score == lines["POS-FIRST"].shown_score
    client.force_login(partner_a)
    page = client.get(f"/imports/{imp.pk}/").content.decode()
    assert page.index("POS-FIRST") < page.index("POS-SECOND")


def test_the_status_filter_refuses_promoting_to_a_partner_once_the_schema_was_built(
    api, partner_a, held_import
):
    """The API schema builds each filter's form field on the class; a partner's request
    must still get the partner's choices, not those the schema cached."""
    from channel_imports.filters import ImportFilter

    status = ImportFilter.base_filters["status"]
    assert "promoting" in dict(status.field.choices)  # as the schema generation does
    try:
        api.as_user(partner_a)
        assert api.get("/api/v1/imports/?status=promoting").status_code == 400
    finally:
        status.__dict__.pop("_field", None)
