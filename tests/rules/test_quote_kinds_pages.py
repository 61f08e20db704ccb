"""A red flag read by a learned cue or by the whole text weighed says so, to compliance, in
words that do not claim more than the quote shows; partners and reps read their words quoted,
not which reading raised them.

Found by a new compliance lead's review: a learned cue quoting "list of the people who did
not renew their gym membership and the phones" was explained as text that "speaks of
journalists, activists, the opposition or protesters", under the heading "Phrases about
targeting dissent", though no phrase matched and no such group was named; "learned cue"
and "whole text weighed" were explained nowhere. A hostile review found the same labels on
partners' and reps' pages, API and import results: a cue's quote runs from one cue word to
the other, so a partner learned that a model of deals exists and which words it weighs.
"""

from __future__ import annotations

import pytest

from opportunities.models import Opportunity
from reviews.models import ReviewCase
from tests.rules.test_learned_cues_pages import CUE_QUOTE, PROTESTERS, _published_with, _register
from tests.rules_engine.cue_data import english_cues
from tests.rules_engine.test_text_whole_text import VEILED

pytestmark = pytest.mark.django_db

CUE_HINT = "“learned cue”: no phrase of the lexicon matched"
WHOLE_HINT = "“whole text weighed”: nothing in the text matched a phrase or a learned cue"


def _pages(client, api, reviewer, sales_rep, deal: dict) -> dict[str, str]:
    client.force_login(reviewer)
    pages = {"reviewer": client.get(f"/deals/{deal['id']}/").content.decode()}
    case = ReviewCase.objects.filter(opportunity_id=deal["id"]).first()
    if case is not None:
        pages["case"] = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    client.force_login(sales_rep)
    pages["rep"] = client.get(f"/deals/{deal['id']}/").content.decode()
    return pages


def test_a_learned_cue_quote_is_explained_and_not_called_a_phrase(
    admin_user, api, client, reviewer, sales_rep, catalogue
):
    _published_with(admin_user, english_cues())
    deal = _register(api, sales_rep, PROTESTERS)
    pages = _pages(client, api, reviewer, sales_rep, deal)
    assert {"reviewer", "case", "rep"} <= pages.keys()
    for who in ("reviewer", "case"):
        assert CUE_QUOTE in pages[who], who
        assert CUE_HINT in pages[who], who
        assert WHOLE_HINT not in pages[who], who
        assert "Phrases about" not in pages[who], who
    assert "Quoted as tracking people" in pages["reviewer"]
    # The rep's page, and the API's answer to the rep, quote the words without the kind.
    plain = CUE_QUOTE.replace(", learned cue)", ")")
    assert plain in pages["rep"]
    assert "learned cue" not in pages["rep"] and "learned cue" not in str(deal["screening"])
    finding = next(f for f in deal["screening"]["findings"] if f["code"] == "TXT-TRACKING")
    assert "reads as following or locating people" in finding["explanation"]
    assert plain in finding["explanation"] and "speaks of" not in finding["explanation"]


def test_a_whole_text_read_is_explained(api, client, reviewer, sales_rep, catalogue):
    deal = _register(api, sales_rep, VEILED)
    pages = _pages(client, api, reviewer, sales_rep, deal)
    for who in ("reviewer", "case"):
        assert "whole text weighed)" in pages[who], who
        assert WHOLE_HINT in pages[who], who
        assert CUE_HINT not in pages[who], who
    assert "Use description (English): “" in pages["rep"]
    assert "whole text weighed" not in pages["rep"]


def test_a_phrases_quote_needs_no_explanation(api, client, reviewer, sales_rep, catalogue):
    deal = _register(
        api, sales_rep, "The city wants to locate the phones of protesters near the square."
    )
    screening = Opportunity.objects.get(pk=deal["id"]).current_screening
    assert screening.tier in {"high", "critical"}
    for who, page in _pages(client, api, reviewer, sales_rep, deal).items():
        assert "“locate the phones of protesters”" in page, who
        assert CUE_HINT not in page and WHOLE_HINT not in page, who
