"""The deal page as a partner or rep reads it: the owner by name, the country data in
words, and the findings' severity and likelihood under headers that say what they are,
with a dash where a criterion adds none (a 0 read as "severity 0")."""

from __future__ import annotations

import re

import pytest

from tests.reviews.conftest import make_deal  # noqa: F401, F811 - the shared fixture

pytestmark = pytest.mark.django_db


def _cells(page: str, column: int) -> list[str]:
    rows = re.findall(r'<tr class="finding".*?</tr>', page, re.S)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[column] for row in rows]


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_a_partner_or_rep_reads_the_owner_s_name_and_the_findings_in_words(
    who,
    request,
    client,
    make_deal,  # noqa: F811
):
    user = request.getfixturevalue(who)
    user.first_name, user.last_name = "Pat", "Owner"
    user.save()
    deal = make_deal("high", actor=user)
    client.force_login(user)
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    assert "owner Pat Owner" in page and f"owner {user.username}" not in page
    assert "country data version 0" not in page
    assert "the country data as loaded at installation" in page
    assert ">S</th>" not in page and ">L</th>" not in page
    assert ">Severity</abbr></th>" in page and ">Likelihood</abbr></th>" in page
    severities, likelihoods = _cells(page, 4), _cells(page, 5)
    assert severities and len(severities) == len(likelihoods)
    for value in severities + likelihoods:
        assert re.fullmatch(r"—|[1-5]", value), (severities, likelihoods)
    assert "—" in severities + likelihoods  # a criterion that adds only likelihood, say


def test_the_close_date_is_written_like_the_page_s_other_dates(
    client,
    sales_rep,
    make_deal,  # noqa: F811
):
    deal = make_deal("low")
    client.force_login(sales_rep)
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    assert "closes 31 Mar 2027" in page and "Mar. 31" not in page
