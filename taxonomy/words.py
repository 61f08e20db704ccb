"""Codes in words: the one place that turns the vocabulary, snapshot field paths and
evidence values into what a reader understands.

Pages, emails, exports and notifications take their names from here (through the
`taxonomy` template filters of `taxonomy.templatetags`), so "state_telecom" reads as
"State-owned telecom operator / national IXP" everywhere and a new page cannot forget it.
Codes stay in the API. Plain Python (pycountry and babel): no Django.
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

import pycountry
from babel.dates import format_date, format_time, format_timedelta, get_datetime_format
from babel.numbers import format_currency, format_decimal
from unidecode import unidecode

from . import (
    CHANNEL_ROLES,
    END_USE_STATEMENTS,
    END_USER_TYPES,
    INTENDED_USES,
    PARTNER_MATURITY,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
    TEXT_SIGNAL_CATEGORIES,
)
from .countries import country_choices

DIMENSIONS = {
    "product_capability": "Product capability",
    "end_user": "End user",
    "intended_use": "Intended use",
    "country_context": "Country context",
    "channel_red_flag": "Channel red flag",
    "partner": "Channel partner",
    "restricted_party": "Restricted-party screening",
    "combination": "Combination of factors",
}
OUTCOMES = {
    "score": "Counts towards the score",
    "review": "Needs a compliance review",
    "heightened_due_diligence": "Heightened due diligence",
    "committee": "Human-rights committee decides",
    "hard_stop": "Hard stop until cleared",
}
TIERS = {
    "low": "Low",
    "medium": "Medium",
    "high": "High",
    "critical": "Critical",
    "prohibited": "Prohibited",
}

# Every vocabulary by the name templates use: {{ code|term:"end_user_type" }}.
VOCABULARIES: dict[str, dict[str, str]] = {
    "capability": {c: t.name for c, t in PRODUCT_CAPABILITIES.items()},
    "end_user_type": {c: t.name for c, t in END_USER_TYPES.items()},
    "intended_use": {c: t.name for c, t in INTENDED_USES.items()},
    "red_flag": {c: t.name for c, t in RED_FLAGS.items()},
    "channel_role": {c: t.name for c, t in CHANNEL_ROLES.items()},
    "end_use_statement": END_USE_STATEMENTS,
    "maturity": PARTNER_MATURITY,
    "dimension": DIMENSIONS,
    "outcome": OUTCOMES,
    "tier": TIERS,
}

# Snapshot fields (rules.engine.fields) as a reader names them, and how their values read:
# a vocabulary, "country", "countries", "index" (0 to 1, V-Dem), "wgi" (-2.5 to 2.5),
# "fariss", "maturity_level", "yes_no" or "" (as they are).
FIELD_WORDS: dict[str, tuple[str, str]] = {
    "end_user.name": ("End user", ""),
    "end_user.type": ("End-user type", "end_user_type"),
    "end_user.country": ("End user's country", "country"),
    "end_user.sector": ("End user's sector", ""),
    "end_user.is_security_force": ("End user is a security force", "yes_no"),
    "delivery_country": ("Delivery country", "country"),
    "capabilities": ("Product capabilities", "capability"),
    "capability_severity": ("Highest capability severity (1 to 5)", ""),
    "intended_use": ("Intended use", "intended_use"),
    "intended_use_severity": ("Highest intended-use severity (1 to 5)", ""),
    "use_description": ("Use as described", ""),
    "customization": ("Custom development or integration", "yes_no"),
    "end_use_statement": ("End-use statement", "end_use_statement"),
    "red_flags": ("Red flags", "red_flag"),
    "channel.intermediaries": ("Intermediaries between vendor and end customer", ""),
    "channel.roles": ("Roles in the channel", "channel_role"),
    "channel.countries": ("Countries of the channel partners", "countries"),
    "value.amount": ("Deal value", ""),
    "value.currency": ("Currency", ""),
    "quantity.total": ("Total quantity", ""),
    "country.code": ("Country", "country"),
    "country.name": ("Country", ""),
    "country.sanctioned": ("Country under a comprehensive embargo", "yes_no"),
    "country.armed_conflict": ("Armed conflict or atrocity context", "yes_no"),
    "country.civil_liberties": ("Civil liberties (V-Dem)", "index"),
    "country.freedom_of_expression": ("Freedom of expression (V-Dem)", "index"),
    "country.physical_integrity": ("Freedom from state violence (V-Dem)", "index"),
    "country.hr_protection": ("Human-rights protection (Fariss)", "fariss"),
    "country.rule_of_law": ("Rule of law (World Bank WGI)", "wgi"),
    "country.voice_accountability": ("Voice and accountability (World Bank WGI)", "wgi"),
    "countries.any_sanctioned": ("A country in the deal is under sanctions", "yes_no"),
    "partners.without_hrdd_programme": ("A partner has no HRDD programme", "yes_no"),
    "partners.prior_incident": ("A partner had a prior incident", "yes_no"),
    "partners.refused_flow_down": ("A partner refused flow-down clauses or audit", "yes_no"),
    "partners.untrained": ("A partner's staff are not trained", "yes_no"),
    "partners.not_assessed": ("A partner's due diligence is not yet assessed", "yes_no"),
    "partners.refused_assessment": ("A partner refused the due-diligence questionnaire", "yes_no"),
    "partners.assessed_without_programme": (
        "An assessed partner has no HRDD or export-compliance programme",
        "yes_no",
    ),
    "partners.assessed_untrained": ("An assessed partner's staff are not trained", "yes_no"),
    "partners.min_maturity": ("Lowest partner HRDD maturity", "maturity_level"),
    "title": ("Deal title", ""),
    "lines.names": ("Product lines as the rep named them", ""),
    "text.answers": ("Partners' answers to questions", ""),
    "text.languages": ("Languages of the deal's text", ""),
    "text.signals": ("Red flags read in the deal's text", "text_signal"),
    "text.targets_dissent": ("Quoted as targeting dissent", ""),
    "text.profiling": ("Quoted as ethnic or religious profiling", ""),
    "text.censorship": ("Quoted as censorship and blocking", ""),
    "text.interception": ("Quoted as interception without oversight", ""),
    "text.tracking": ("Quoted as tracking people", ""),
    "text.security_services": ("Quoted as security or intelligence services", ""),
    "text.detention": ("Quoted as detention", ""),
    "text.detention_site": ("Prisons or places of detention named", ""),
    "text.phrases": ("Lexicon phrases behind each quote", ""),
    "text.split_pieces": ("Pieces of split words the reading weighed", ""),
    "text.cues_behind": ("Learned cues behind the phrases' quotes", ""),
    "restricted_party.matched": ("A party matched a restricted-party list", "yes_no"),
    "restricted_party.best_score": ("Best name-match score (of 100)", ""),
    "restricted_party.matches": ("Matched parties", ""),
    "restricted_party.possible_match": ("A party is a possible match", "yes_no"),
    "restricted_party.possible_matches": ("Possible matches", ""),
    "restricted_party.explanations": ("Why they matched", ""),
    "restricted_party.match_threshold": ("Match threshold (of 100)", ""),
    "restricted_party.possible_match_threshold": ("Possible-match threshold (of 100)", ""),
}
_MATURITY_LEVELS = ("none", "basic", "established", "advanced")


def term(code: Any, vocabulary: str) -> str:
    """The name of a code in one vocabulary; an unknown code reads as itself, humanised."""
    if code in (None, ""):
        return ""
    names = VOCABULARIES.get(vocabulary, {})
    code = str(code)
    return names.get(code) or code.replace("_", " ").capitalize()


def terms(codes: Iterable[Any] | None, vocabulary: str) -> str:
    """Codes of one vocabulary as a list in words ("none" for an empty list)."""
    names = [term(c, vocabulary) for c in codes or ()]
    return ", ".join(names) if names else "none"


@cache
def _country_translation(language: str):
    return gettext_module.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@cache
def _countries(language: str) -> tuple[tuple[str, str], ...]:
    tr = _country_translation(language)
    rows = [(code, tr.gettext(name)) for code, name in country_choices()]
    return tuple(sorted(rows, key=lambda r: unidecode(r[1]).casefold()))


@cache
def _country_names(language: str) -> dict[str, str]:
    return dict(_countries(language))


def countries(language_code: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country, named and sorted as the reader reads them
    (pycountry's own translations)."""
    return list(_countries(_language(language_code)))


def country(code: Any, language_code: str | None = None) -> str:
    """A country's common name from its ISO alpha-2 code, in the reader's language (the
    code when unknown)."""
    if not code:
        return ""
    return _country_names(_language(language_code)).get(str(code).upper(), str(code))


def _language(language_code: str | None) -> str:
    return (language_code or "en").replace("_", "-").split("-")[0].lower()


def field_label(path: str) -> str:
    words = FIELD_WORDS.get(path)
    return words[0] if words else path.replace("_", " ").replace(".", ": ").capitalize()


def value_words(path: str, value: Any) -> str:
    """A snapshot value as it reads next to its field's label."""
    kind = FIELD_WORDS.get(path, ("", ""))[1]
    if value is None:
        return "no data"
    if kind in VOCABULARIES:
        return terms(value, kind) if isinstance(value, list | tuple) else term(value, kind)
    if kind == "text_signal":
        names = [TEXT_SIGNAL_CATEGORIES.get(v, term(v, "")) for v in value or ()]
        return "; ".join(names) if names else "none"
    if kind == "country":
        return country(value)
    if kind == "countries":
        return ", ".join(country(c) for c in value) if value else "none"
    if kind == "index":
        return f"{value:.2f} of 1 (higher is freer)"
    if kind == "wgi":
        return f"{value:+.2f} on a scale of −2.5 to +2.5"
    if kind == "fariss":
        return f"{value:+.2f} (higher protects rights better)"
    if kind == "maturity_level" and isinstance(value, int) and 0 <= value < 4:
        return PARTNER_MATURITY[_MATURITY_LEVELS[value]]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value) if value else "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def evidence(evidence_values: dict[str, Any] | None) -> list[tuple[str, str]]:
    """A finding's evidence as (label, value in words) pairs, in the schema's order."""
    return [(label, value) for label, value, _ in evidence_with_paths(evidence_values)]


def evidence_with_paths(evidence_values: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """(label, value in words, field path): the path is for compliance staff's code tag."""
    items = evidence_values or {}
    order = {p: i for i, p in enumerate(FIELD_WORDS)}
    paths = sorted(items, key=lambda p: order.get(p, len(order)))
    return [(field_label(p), value_words(p, items[p]), p) for p in paths]


def babel_locale(language_code: str | None) -> str:
    """Django's language code ("en-gb") as babel's locale name ("en_GB").

    Django activates the bare "en" of LANGUAGES even where the installation writes British
    English (LANGUAGE_CODE "en-gb"); babel's bare "en" is American ("Nov 30, 2026, 2:05 PM"),
    so English takes the region of LANGUAGE_CODE."""
    code = (language_code or "en").replace("-", "_")
    lang, _, region = code.partition("_")
    if not region and lang == "en":
        region = _installation_english_region()
    return f"{lang}_{region.upper()}" if region else lang


@cache
def _installation_english_region() -> str:
    from django.conf import settings

    lang, _, region = settings.LANGUAGE_CODE.replace("-", "_").partition("_")
    return region if lang == "en" else ""


def money(amount: Any, currency: str, language_code: str | None = None) -> str:
    """An amount in its currency, written as the reader's locale writes money."""
    if amount in (None, ""):
        return ""
    try:
        number = Decimal(str(amount))
    except InvalidOperation:
        return f"{amount} {currency}"
    locale = babel_locale(language_code)
    if not currency:
        return format_decimal(number, locale=locale)
    try:
        return format_currency(number, currency, locale=locale, format_type="standard")
    except Exception:  # an unknown currency code: the number, then the code
        return f"{format_decimal(number, locale=locale)} {currency}"


def duration(delta: timedelta | float | int, language_code: str | None = None) -> str:
    """A duration in words ("3 days", "5 hours")."""
    seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
    return format_timedelta(
        timedelta(seconds=abs(seconds)), threshold=1.1, locale=babel_locale(language_code)
    )


def day(value: date | datetime | None, language_code: str | None = None) -> str:
    """A date in words ("30 Nov 2026" in British English)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _day(value, babel_locale(language_code))


@lru_cache(maxsize=4096)
def _day(value: date, locale: str) -> str:
    # A list shows the same few dates on many rows; babel takes ~0.1 ms for each.
    return format_date(value, format="medium", locale=locale)


def day_time(value: datetime | None, language_code: str | None = None) -> str:
    """A moment to the minute in words ("30 Nov 2026, 14:05" in British English), as the
    reader's locale writes it; the caller gives it in the reader's time zone."""
    if not value:
        return ""
    return _day_time(
        value.replace(second=0, microsecond=0, tzinfo=None), babel_locale(language_code)
    )


@lru_cache(maxsize=4096)
def _day_time(value: datetime, locale: str) -> str:
    pattern = get_datetime_format("medium", locale=locale)
    return pattern.replace("{1}", _day(value.date(), locale)).replace(
        "{0}", format_time(value, format="short", locale=locale)
    )


def humanise(code: Any) -> str:
    """Any code in readable words, for codes with no vocabulary (audit actions, states)."""
    if not code:
        return ""
    text = str(code).replace("_", " ")
    head, dot, tail = text.partition(".")
    return f"{head.capitalize()}: {tail}" if dot else text.capitalize()
