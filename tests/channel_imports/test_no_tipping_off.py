"""A partner's own import never tells it that a party matched a restricted-party list.

The flagged line is held and registered as a deal for review like any other; its match
(list, entry, score, the RP-MATCH code) is for compliance staff only.
"""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from channel_imports.services import import_accept
from restricted_parties.services import sample_list_load

from .conftest import csv_upload, drain, row

pytestmark = pytest.mark.django_db

LISTED = "Sable Crest Holdings Limited"  # fict-008 on the fictional sample list
TELLS = (
    "RP-MATCH",
    "RP-POSSIBLE",
    "Sample list",
    "fict-008",
    "restricted",
    "prohibited",
    "hard stop",
    "blocked",
    "≈",
)


def _leaks(text: str) -> list[str]:
    low = text.lower()
    return [t for t in TELLS if t.lower() in low]


def _rp_import(upload_as, user, **data):
    sample_list_load()
    rows = [
        row(partner_reference="POS-OK"),
        row(partner_reference="POS-RP", reseller_name=LISTED, reseller_country="CY"),
    ]
    _, imp = upload_as(user, csv_upload(rows), **data)
    import_accept(actor=user, channel_import=drain(imp))
    imp = drain(imp)
    assert imp.status == "completed"
    return imp


@pytest.fixture
def rp_import(upload_as, partner_a, catalogue):
    return _rp_import(upload_as, partner_a)


def _lines(api, user, imp):
    r = api.as_user(user).get(f"/api/v1/imports/{imp.pk}/lines/?flagged=1")
    assert r.status_code == 200
    return r.json()["results"]


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_the_flagged_lines_api_shows_a_hold_but_not_the_match(
    api, upload_as, catalogue, partner_a, who, request
):
    user = request.getfixturevalue(who)
    if who == "sales_rep":  # a rep sees the imports they uploaded (here, for Alpha)
        imp = _rp_import(upload_as, user, organisation=partner_a.organisation_id)
    else:
        imp = request.getfixturevalue("rp_import")
    lines = _lines(api, user, imp)
    assert [x["data"]["partner_reference"] for x in lines] == ["POS-RP"], "still held for review"
    held = lines[0]
    assert _leaks(str(held)) == []
    assert held["status_label"] == "In compliance review"
    assert held["deal"] and held["deal"]["reference"].startswith("D-")
    summary = api.as_user(user).get(f"/api/v1/imports/{imp.pk}/").json()["summary"]
    assert _leaks(str(summary)) == []
    probe = api.as_user(user).get(f"/api/v1/imports/{imp.pk}/lines/?tier=prohibited")
    assert probe.json()["count"] == 0, "a tier filter finds only what the viewer is shown"


def test_compliance_staff_still_see_the_match_on_the_line(api, rp_import, reviewer):
    held = _lines(api, reviewer, rp_import)[0]
    assert held["status_label"] == "Blocked (hard stop)"
    assert held["tier"] == "prohibited"
    assert "RP-MATCH" in {f["code"] for f in held["findings"]}
    assert LISTED in str(held["findings"])
    assert "RP-MATCH" in str(api.as_user(reviewer).get(f"/api/v1/imports/{rp_import.pk}/").json())


def test_the_exports_hide_the_match_from_the_partner(client, partner_a, rp_import):
    client.force_login(partner_a)
    r = client.get(f"/imports/{rp_import.pk}/results.csv?headers=codes")
    text = b"".join(r.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert _leaks(text.replace(LISTED, "")) == []
    held = next(x for x in rows if x["partner_reference"] == "POS-RP")
    assert held["status"] == "In compliance review" and held["deal_reference"].startswith("D-")
    r = client.get(f"/imports/{rp_import.pk}/results.xlsx")
    ws = load_workbook(io.BytesIO(b"".join(r.streaming_content))).active
    cells = " ".join(str(c.value) for line in ws.iter_rows() for c in line if c.value is not None)
    assert _leaks(cells.replace(LISTED, "")) == []


def test_the_import_page_hides_the_match_from_the_partner(client, partner_a, reviewer, rp_import):
    client.force_login(partner_a)
    html = client.get(f"/imports/{rp_import.pk}/").content.decode()
    assert "In compliance review" in html
    assert 'data-tier="prohibited"' not in html
    assert _leaks(html.replace(LISTED, "")) == []
    client.force_login(reviewer)
    assert "RP-MATCH" in client.get(f"/imports/{rp_import.pk}/").content.decode()
