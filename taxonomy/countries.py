"""ISO country and currency codes (pycountry), plus Kosovo's user-assigned XK."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def country_codes() -> frozenset[str]:
    return frozenset({c.alpha_2 for c in pycountry.countries} | {"XK"})


@cache
def country_choices() -> list[tuple[str, str]]:
    rows = [(c.alpha_2, getattr(c, "common_name", c.name)) for c in pycountry.countries]
    rows.append(("XK", "Kosovo"))
    return sorted(rows, key=lambda r: r[1])


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)
