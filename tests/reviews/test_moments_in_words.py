"""A case page gives moments as a person reads them ("30 Nov 2026, 14:05") and tiers as
words, not as a machine writes them (2026-11-30 14:05, "high")."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.services import review_claim
from taxonomy import words

pytestmark = pytest.mark.django_db

ISO_MOMENT = re.compile(r"20\d\d-\d\d-\d\d \d\d:\d\d")


def test_the_case_page_gives_its_moments_in_words(client, reviewer, make_deal, case_of):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    client.force_login(reviewer)
    page = client.get(reverse("review-case", args=[case.pk])).content.decode()
    assert not ISO_MOMENT.findall(page), ISO_MOMENT.findall(page)
    moment = words.day_time(timezone.localtime(case.opened_at), "en")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d", moment), moment
    assert moment[:-1] in page  # the history's first row; the last digit may have turned
    assert 'tier-high">High</span>' in page


def test_english_moments_are_british_like_the_installation():
    from datetime import date, datetime

    assert words.day(date(2026, 11, 30), "en") == "30 Nov 2026"
    assert words.day_time(datetime(2026, 11, 30, 14, 5, 59), "en") == "30 Nov 2026, 14:05"
    assert words.day_time(datetime(2026, 11, 30, 14, 5), "fr") == "30 nov. 2026, 14:05"
    assert words.day_time(None) == ""
