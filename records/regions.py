"""World regions for the annual statement (World Bank groupings), by ISO 3166 alpha-2.

A published statement counts deals by region, never by country: a country with one deal
would name its customer."""

from __future__ import annotations

_REGIONS = {
    "Europe and Central Asia": (
        "AD AL AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GI GL GR HR HU IE IM IS IT "
        "JE KG KZ LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM TJ TM TR UA UZ VA XK"
    ),
    "Middle East and North Africa": ("AE BH DJ DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE"),
    "Sub-Saharan Africa": (
        "AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MR MU MW MZ NA "
        "NE NG RW SC SD SL SN SO SS ST SZ TD TG TZ UG ZA ZM ZW"
    ),
    "South Asia": "AF BD BT IN LK MV NP PK",
    "East Asia and Pacific": (
        "AS AU BN CN FJ FM GU HK ID JP KH KI KP KR LA MH MM MN MO MP MY NC NR NZ PF PG PH PW SB SG "
        "TH TL TO TV TW VN VU WS"
    ),
    "Latin America and the Caribbean": (
        "AG AR AW BB BO BR BS BZ CL CO CR CU CW DM DO EC GD GT GY HN HT JM KN KY LC MX NI PA PE PR "
        "PY SR SV SX TC TT UY VC VE VG VI"
    ),
    "North America": "BM CA US",
}
REGION_OF = {code: region for region, codes in _REGIONS.items() for code in codes.split()}
REGIONS = (*_REGIONS, "Other")


def region_of(iso2: str) -> str:
    return REGION_OF.get((iso2 or "").upper(), "Other")
