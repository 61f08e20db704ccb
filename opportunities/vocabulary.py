"""The domain's words, countries, money and numbers in the reader's language, for pages.

Codes stay codes (the API and files speak them); names are translated when a page shows
them, from the project's catalogue (`locale/`, fed by `vocabulary_strings.py`). Country
names come from pycountry's own translations; money and numbers are formatted by Babel
with the locale's separators, symbol placement and digits.
"""

from __future__ import annotations

import gettext as gettext_module
from decimal import Decimal, InvalidOperation
from functools import cache
from types import SimpleNamespace

import pycountry
from babel.numbers import format_currency, format_decimal
from django.utils.translation import get_language, gettext, to_locale
from unidecode import unidecode

from taxonomy import (
    ASKED_RED_FLAGS,
    CHANNEL_ROLES,
    END_USE_STATEMENTS,
    END_USER_TYPES,
    INTENDED_USES,
    INTERMEDIARY_ROLES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
)
from taxonomy.countries import country_choices


def _terms(index) -> list[SimpleNamespace]:
    return [SimpleNamespace(code=t.code, name=gettext(t.name)) for t in index.values()]


def form_vocabulary() -> dict:
    """The deal form's choices, named in the active language."""
    return {
        "countries": countries(),
        "end_user_types": _terms(END_USER_TYPES),
        "intended_uses": _terms(INTENDED_USES),
        "capabilities": _terms(PRODUCT_CAPABILITIES),
        "roles": [(r, gettext(CHANNEL_ROLES[r].name)) for r in INTERMEDIARY_ROLES],
        "end_use_statements": [(c, gettext(n)) for c, n in END_USE_STATEMENTS.items()],
        "asked_red_flags": [(c, gettext(t)) for c, t in ASKED_RED_FLAGS.items()],
    }


def deal_vocabulary(opportunity) -> dict:
    """The deal page's names for the deal's codes."""
    return {
        "red_flag_names": {c: gettext(t.name) for c, t in RED_FLAGS.items()},
        "use_names": {c: gettext(t.name) for c, t in INTENDED_USES.items()},
        "end_user_type_name": gettext(END_USER_TYPES[opportunity.end_user_type].name),
        "end_use_statement_name": gettext(opportunity.get_end_use_statement_display()),
    }


def _locale() -> str:
    return to_locale(get_language() or "en")


@cache
def _country_translation(language: str):
    return gettext_module.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str) -> str:
    names = dict(countries())
    return names.get(code, code)


def countries() -> list[tuple[str, str]]:
    """(code, name) sorted by name as the reader reads it."""
    return list(_countries(get_language() or "en"))


@cache
def _countries(language: str) -> tuple[tuple[str, str], ...]:
    tr = _country_translation(language.split("-")[0])
    rows = [(code, tr.gettext(name)) for code, name in country_choices()]
    return tuple(sorted(rows, key=lambda r: unidecode(r[1]).casefold()))


def money(amount, currency: str) -> str:
    """`1234567.5 EUR` as the reader writes it: 1 234 567,50 € in French, €1,234,567.50 in
    English. An amount that is not a number is shown as it is."""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return f"{amount} {currency}"
    try:
        return format_currency(value, currency, locale=_locale())
    except Exception:  # an unknown currency code: the number, then the code
        return f"{format_decimal(value, locale=_locale())} {currency}"


def number(value) -> str:
    return format_decimal(value, locale=_locale())
