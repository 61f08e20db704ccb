"""A deal's record gives its dates as the other pages do ("30 Nov 2026"), not as a
machine writes them (2026-11-30)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# An ISO date a person reads (not a link's ?from=2026-11-01 or a date input's value).
ISO_DATE = re.compile(r"(?<=[>\s(])20\d\d-\d\d-\d\d\b")


def test_the_record_and_retention_pages_give_dates_in_words(client, reviewer, decided_deal):
    client.force_login(reviewer)
    page = client.get(reverse("records-deal", args=[decided_deal.pk])).content.decode()
    assert re.search(r'id="retention-ends">\d{1,2} [A-Z][a-z]{2} \d{4}<', page), page
    for url in (reverse("records-deal", args=[decided_deal.pk]), reverse("records-index")):
        page = client.get(url).content.decode()
        assert not ISO_DATE.findall(page), (url, ISO_DATE.findall(page))
