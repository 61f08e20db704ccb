"""Deals of each persona, shared by the visibility tests."""

from __future__ import annotations

import pytest

from lifecycle.services import opportunity_register
from tests.factories import deal_body


@pytest.fixture
def deals(sales_rep, other_rep, partner_a, partner_b, catalogue):
    """One deal each: the rep's, another team's, partner A's, partner B's."""
    made = {}
    made["rep"] = opportunity_register(
        actor=sales_rep, data=deal_body(title="Rep deal")
    ).opportunity
    made["other"] = opportunity_register(
        actor=other_rep, data=deal_body(title="Other team deal")
    ).opportunity
    made["a"] = opportunity_register(
        actor=partner_a,
        data=deal_body(
            title="Partner A deal",
            channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        ),
    ).opportunity
    made["b"] = opportunity_register(
        actor=partner_b,
        data=deal_body(
            title="Partner B deal",
            channel=[{"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"}],
        ),
    ).opportunity
    # A vendor deal that runs through partner A's organisation: A sees it too.
    made["via_a"] = opportunity_register(
        actor=other_rep,
        data=deal_body(
            title="Via A",
            channel=[{"name": "alpha systems integration", "role": "reseller", "country": "DE"}],
        ),
    ).opportunity
    return made
