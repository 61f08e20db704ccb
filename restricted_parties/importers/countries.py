"""Countries as the lists write them, turned into ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pycountry

from .base import split

_COUNTRY_OVERRIDES = {
    "bahamas, the": "BS",
    "the bahamas": "BS",
    "brunei": "BN",
    "burma": "MM",
    "congo, democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo, republic of the": "CG",
    "cote d ivoire": "CI",
    "ivory coast": "CI",
    "korea, north": "KP",
    "north korea": "KP",
    "korea, south": "KR",
    "south korea": "KR",
    "kosovo": "XK",
    "macau": "MO",
    "palestinian": "PS",
    "west bank": "PS",
    "region: gaza": "PS",
    "region: crimea": "UA",
    "region: northern mali": "ML",
    "russia": "RU",
    "the gambia": "GM",
    "gambia, the": "GM",
    "turkey": "TR",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "usa": "US",
    "uae": "AE",
    "czech republic": "CZ",
    "swaziland": "SZ",
    "cape verde": "CV",
    "macedonia": "MK",
    "east timor": "TL",
    "laos": "LA",
    "syria": "SY",
    "vatican": "VA",
}


@lru_cache(maxsize=4096)
def country_iso2(value: str) -> str:
    """ISO 3166-1 alpha-2 for a country name or code, or "" when unknown (best effort)."""
    text = (value or "").strip().strip(".")
    if not text:
        return ""
    low = text.casefold()
    if low in _COUNTRY_OVERRIDES:
        return _COUNTRY_OVERRIDES[low]
    if len(text) == 2 and text.isalpha():
        found = pycountry.countries.get(alpha_2=text.upper())
        return found.alpha_2 if found else ("XK" if text.upper() == "XK" else "")
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return ""


def countries_iso2(values: Iterable[str], unmapped: set[str] | None = None) -> list[str]:
    """The ISO codes of `values`, each once; names with no code are added to `unmapped`."""
    out: list[str] = []
    for v in values:
        code = country_iso2(v)
        if code and code not in out:
            out.append(code)
        elif not code and v.strip() and unmapped is not None:
            unmapped.add(v.strip())
    return out


def iso2_codes(values: Iterable[str]) -> list[str]:
    """OpenSanctions writes lowercase ISO2 codes; keep the two-letter ones."""
    out: list[str] = []
    for v in values:
        v = v.strip().upper()
        if len(v) == 2 and v.isalpha() and v not in out:
            out.append(v)
    return out


def address_countries(addresses: str) -> list[str]:
    """Country names or codes at the end of each "street, city, ..., country" address."""
    out = []
    for address in split(addresses):
        parts = [p.strip() for p in address.split(",") if p.strip()]
        if parts:
            out.append(parts[-1])
    return out
