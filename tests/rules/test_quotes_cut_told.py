"""A red flag read in more passages than its field quotes says so to compliance.

Found by a new compliance lead's review: a field keeps the first eight quotes of a red flag
(``MAX_QUOTES_PER_CATEGORY``), and the reading's record notes the rest ("<category>:+"),
but the deal's and the case's pages showed eight quotes as if they were all the text held.
"""

from __future__ import annotations

import pytest

from opportunities.models import Opportunity
from reviews.models import ReviewCase
from rules.textsignals.snapshot_reading import MAX_QUOTES_PER_CATEGORY
from tests.rules.test_learned_cues_pages import _register

pytestmark = pytest.mark.django_db

PASSAGES = [
    "locate the phones of protesters",
    "track the journalists",
    "trace the activists",
    "geolocate the dissidents",
    "pinpoint the demonstrators",
    "tail the opposition leaders",
    "locate the phones of journalists",
    "track the union leaders",
    "trace the human rights defenders",
    "geolocate the student leaders",
    "pinpoint the bloggers",
]
MANY = " ".join(f"In district {n} the police want to {p}." for n, p in enumerate(PASSAGES, 1))
FEW = " ".join(f"In district {n} the police want to {p}." for n, p in enumerate(PASSAGES[:3], 1))
HINT = "More passages of the deal's text were read for these red flags than a finding quotes"


def _pages(client, reviewer, sales_rep, deal_id: int) -> dict[str, str]:
    client.force_login(reviewer)
    pages = {"deal": client.get(f"/deals/{deal_id}/").content.decode()}
    case = ReviewCase.objects.get(opportunity_id=deal_id)
    pages["case"] = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    client.force_login(sales_rep)
    pages["rep"] = client.get(f"/deals/{deal_id}/").content.decode()
    return pages


def test_a_red_flag_read_in_more_passages_than_quoted_says_so(
    api, client, reviewer, sales_rep, catalogue
):
    deal = _register(api, sales_rep, MANY)
    snapshot = Opportunity.objects.get(pk=deal["id"]).current_screening.snapshot
    assert len(snapshot["text.tracking"]) == MAX_QUOTES_PER_CATEGORY
    assert "tracking:+" in snapshot["text.phrases"]
    pages = _pages(client, reviewer, sales_rep, deal["id"])
    for who in ("deal", "case"):
        assert HINT in pages[who], who
        assert (
            f"(the first {MAX_QUOTES_PER_CATEGORY} of each are quoted): Targets dissent; Tracking of people."
            in pages[who]
        ), who
    assert "More passages" not in pages["rep"]


def test_a_field_holding_all_its_quotes_says_nothing(api, client, reviewer, sales_rep, catalogue):
    deal = _register(api, sales_rep, FEW)
    snapshot = Opportunity.objects.get(pk=deal["id"]).current_screening.snapshot
    assert 0 < len(snapshot["text.tracking"]) < MAX_QUOTES_PER_CATEGORY
    for who, page in _pages(client, reviewer, sales_rep, deal["id"]).items():
        assert "More passages" not in page, who
