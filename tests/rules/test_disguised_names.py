"""A listed name disguised with invisible or look-alike characters is still caught.

Zero-width characters inside words, a right-to-left override that displays a reversed
string as the listed name, and Cyrillic or full-width look-alikes must not clear a listed
party as `low`. The name is stored as a reviewer reads it: invisible characters and
direction controls are undone at input (`taxonomy.visible.name_as_read`, so a look-alike
of a known organisation is that organisation); look-alike letters, which a reviewer can
see, are kept as typed.
"""

from __future__ import annotations

import pytest

from restricted_parties.matching import name_key
from restricted_parties.services import sample_list_load
from taxonomy.visible import name_as_read
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

LISTED = "Sable Crest Holdings Limited"  # fict-008 on the fictional sample list
DISGUISED = [
    "Sa\u200bble Cr\u200best Holdings Limited",  # zero-width spaces inside words
    "Sable\u2060 Crest Hol\u200ddings Lim\u00adited",  # word joiner, zero-width joiner, soft hyphen
    "\u202e" + LISTED[::-1] + "\u202c",  # reversed text displayed the right way round
    "\u0405\u0430bl\u0435 \u0421r\u0435st H\u043eldings Limited",  # Cyrillic look-alikes
    "\uff33\uff41\uff42\uff4c\uff45 Crest Holdings Limited",  # full-width letters
]


@pytest.mark.parametrize("typed", DISGUISED)
def test_a_disguised_name_has_the_listed_names_key(typed):
    assert name_key(typed) == name_key(LISTED)


@pytest.mark.parametrize("typed", DISGUISED)
def test_a_disguised_listed_party_is_held_and_stored_as_read(
    api, partner_a, reviewer, catalogue, typed
):
    sample_list_load()
    body = deal_body(channel=[{"name": typed, "role": "distributor", "country": "CY"}])
    r = api.as_user(partner_a).post("/api/v1/opportunities/", body, format="json")
    assert r.status_code == 201, r.json()
    deal = api.as_user(reviewer).get(f"/api/v1/opportunities/{r.json()['id']}/").json()
    assert deal["screening"]["tier"] != "low"
    assert "RP-MATCH" in {f["code"] for f in deal["screening"]["findings"]}
    assert deal["channel"][0]["name"] == name_as_read(typed)
    if name_as_read(typed) != typed:  # invisible characters or a direction control
        assert deal["channel"][0]["name"] == LISTED
