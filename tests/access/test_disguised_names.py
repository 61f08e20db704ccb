"""Names a reviewer reads cannot hide what they are: invisible characters (zero-width
spaces and joiners, the byte-order mark, soft hyphens) and direction controls (a
right-to-left override that shows "CLL gnidarT" as "Trading LLC") are dropped from the
names of end customers and channel partners, whichever way the deal came in. A look-alike
of a known partner is that partner, not a new organisation that reads the same."""

from __future__ import annotations

import pytest

from channel_imports.models import ChannelImport
from channel_imports.services import import_accept
from lifecycle.services import opportunity_register
from partners.models import Organisation
from tests.channel_imports.conftest import csv_upload, drain, row
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

HIDDEN = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
LOOKALIKE = "Alpha Sys\u200btems\u00ad Integ\u2060ration"
REVERSED = "\u202eOC HCRAESER\u202c"  # reads "RESEARCH CO" on a page


def _hidden_in(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if c in HIDDEN]


def test_a_look_alike_of_a_partner_is_that_partner_and_names_keep_no_hidden_characters(
    sales_rep, partner_a, catalogue, client, reviewer
):
    alpha = partner_a.organisation
    body = deal_body(
        title="Campus network",
        end_customer={
            "name": REVERSED,
            "country": "DE",
            "type": "private_enterprise",
            "sector": "research",
        },
        channel=[{"name": LOOKALIKE, "role": "reseller", "country": alpha.country}],
    )
    deal = opportunity_register(actor=sales_rep, data=body).opportunity

    assert deal.channel.get().organisation_id == alpha.pk
    assert _hidden_in(deal.channel.get().name) == []
    assert _hidden_in(deal.end_customer.name) == []
    assert Organisation.objects.filter(name__contains="\u200b").count() == 0
    client.force_login(reviewer)
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    assert _hidden_in(page) == [], "the reviewer's page shows the names as typed, hidden parts"


def test_a_name_of_nothing_but_hidden_characters_is_refused_beside_its_field(
    api, sales_rep, catalogue
):
    body = deal_body(channel=[{"name": "\u200b\u202e\u2060", "role": "reseller", "country": "DE"}])
    r = api.as_user(sales_rep).post("/api/v1/opportunities/", body, format="json")
    assert r.status_code == 400, r.content
    assert r.json()["errors"] == {"channel[0].name": "Please fill this in."}


def test_an_imported_line_keeps_no_hidden_characters_in_its_names(
    api, partner_a, settings, tmp_path, catalogue
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    line = row(end_customer_name=REVERSED, reseller_name=LOOKALIKE)
    r = api.as_user(partner_a).post(
        "/api/v1/imports/", {"file": csv_upload([line])}, format="multipart"
    )
    imp = drain(ChannelImport.objects.get(pk=r.json()["id"]))
    imp = drain(import_accept(actor=partner_a, channel_import=imp))
    stored = imp.lines.get()
    assert _hidden_in(stored.data["end_customer_name"] + stored.data["reseller_name"]) == []


# Hangul fillers and the braille blank: not format characters, but they show as nothing.
BLANKS = "\u3164\u115f\u1160\uffa0\u2800"


def test_a_name_that_only_looks_empty_is_refused_in_the_api(api, sales_rep, catalogue):
    body = deal_body(channel=[{"name": BLANKS, "role": "reseller", "country": "DE"}])
    r = api.as_user(sales_rep).post("/api/v1/opportunities/", body, format="json")
    assert r.status_code == 400, r.content
    assert r.json()["errors"] == {"channel[0].name": "Please fill this in."}
    assert not Organisation.objects.filter(name__regex="[\u3164\u115f\u1160\uffa0\u2800]").exists()


def test_an_end_customer_name_that_only_looks_empty_is_no_name(api, sales_rep, catalogue):
    """The end customer's name may be left out (an undisclosed customer): one that only
    looks empty is left out too, not stored as an invisible name."""
    ec = {"name": BLANKS, "country": "DE", "type": "private_enterprise", "sector": "research"}
    r = api.as_user(sales_rep).post(
        "/api/v1/opportunities/", deal_body(end_customer=ec), format="json"
    )
    assert r.status_code == 201, r.content
    assert r.json()["end_customer"]["name"] == ""


def test_a_name_that_only_looks_empty_is_refused_beside_its_field_on_the_form(
    client, sales_rep, catalogue
):
    from tests.access.test_errors_beside_fields import _deal
    from tests.fielderrors import invalid_fields

    client.force_login(sales_rep)
    channel = {"channel-0-name": BLANKS, "channel-0-role": "reseller", "channel-0-country": "DE"}
    response = client.post("/deals/new/", _deal(**channel))
    assert response.status_code == 400
    assert invalid_fields(response.content.decode())["channel-0-name"] == "Please fill this in."


def test_an_imported_reseller_that_only_looks_named_is_refused_on_its_line(
    api, partner_a, settings, tmp_path, catalogue
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    line = row(reseller_name=BLANKS, end_customer_name=f"Fjord{BLANKS}Logistics")
    r = api.as_user(partner_a).post(
        "/api/v1/imports/", {"file": csv_upload([line])}, format="multipart"
    )
    imp = drain(ChannelImport.objects.get(pk=r.json()["id"]))
    reasons = dict(imp.issues.values_list("column", "reason"))
    assert reasons["reseller_name"] == (
        "Please fill this in: the reseller that sold to the end customer."
    )
