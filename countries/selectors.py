from __future__ import annotations

from refdata.cache import COUNTRIES, bump, cached

from .models import Country, CountryDataVersion, CountryIndicator

# Indicator codes of the shipped file and the snapshot fields they feed.
INDICATOR_FIELDS = {
    "VDEM_CIVLIB": "country.civil_liberties",
    "VDEM_FREEXP_ALTINF": "country.freedom_of_expression",
    "VDEM_CLPHY": "country.physical_integrity",
    "FARISS_HRPS": "country.hr_protection",
    "WGI_RL_EST": "country.rule_of_law",
    "WGI_VA_EST": "country.voice_accountability",
}


# Country data changes rarely: each process keeps a copy until an admin's change or an
# indicator import bumps its version (see refdata.cache).
_cache: dict = {}


def _country_table() -> dict[str, dict]:
    return cached(COUNTRIES, _load_country_table)


def _load_country_table() -> dict[str, dict]:
    table: dict[str, dict] = {}
    for c in Country.objects.all():
        table[c.iso2] = {
            "country.code": c.iso2,
            "country.name": c.name,
            "country.sanctioned": c.sanctioned,
            "country.armed_conflict": c.armed_conflict,
            **{field: None for field in INDICATOR_FIELDS.values()},
            "_indicators": {},
        }
    for ind in CountryIndicator.objects.all():
        row = table.get(ind.country_id)
        if row is None:
            continue
        field = INDICATOR_FIELDS.get(ind.code)
        if field:
            row[field] = ind.value
        row["_indicators"][ind.code] = {"value": ind.value, "year": ind.year, "source": ind.source}
    return table


def country_context_cache_clear() -> None:
    """Every process reloads the country table on its next look-up (call in the writing
    transaction)."""
    bump(COUNTRIES)


def country_context(iso2: str) -> dict:
    """The country-context snapshot fields for one country (indicators may be None)."""
    row = _country_table().get(iso2)
    if row is None:
        return {
            "country.code": iso2,
            "country.name": iso2,
            "country.sanctioned": False,
            "country.armed_conflict": False,
            **{f: None for f in INDICATOR_FIELDS.values()},
        }
    return {k: v for k, v in row.items() if not k.startswith("_")}


def country_indicator_sources(iso2: str) -> dict:
    """Each indicator's value, year and source, for showing reviewers where a figure came from."""
    row = _country_table().get(iso2)
    return dict(row["_indicators"]) if row else {}


def sanctioned_countries() -> frozenset[str]:
    """Countries under sanctions or embargo; computed once per loaded country table."""
    table = _country_table()
    if _cache.get("sanctioned_of") is not table:
        _cache["sanctioned"] = frozenset(k for k, v in table.items() if v["country.sanctioned"])
        _cache["sanctioned_of"] = table
    return _cache["sanctioned"]


def country_name(iso2: str) -> str:
    row = _country_table().get(iso2)
    return row["country.name"] if row else iso2


def country_data_version() -> int:
    """The number of the country data in force (0: as shipped); read once per loaded
    country table, which every change reloads."""
    table = _country_table()
    if _cache.get("version_of") is not table:
        latest = CountryDataVersion.objects.order_by("-number").values_list("number", flat=True)
        _cache["version"] = latest.first() or 0
        _cache["version_of"] = table
    return _cache["version"]
