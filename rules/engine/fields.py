"""The field schema of a deal snapshot: the only names a condition may refer to.

A snapshot is a FLAT dict keyed by the dotted paths below (flat so that evaluating a
condition is one dict lookup per field). Always true:

- every snapshot given to the engine holds every key of ``FIELDS`` and no value of the
  wrong type (``check_snapshot`` says what is wrong; ``example_snapshot`` builds a valid one);
- only ``number?`` fields may be None (missing country data); numbers are int or float,
  never Decimal (convert before screening);
- list fields are lists (or tuples) of strings.

The ``text.*`` fields come from the deal's free text: ``title``, ``use_description``,
``end_user.name``, ``end_user.sector`` and ``text.answers`` are read by the criteria
version's lexicon when the deal is screened (``scoring.screen``).

Plain Python: nothing here imports Django.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from rules.textsignals import CATEGORIES, CATEGORY_FIELDS, FACTS
from rules.textsignals.cues_behind import CUES_BEHIND_FIELD
from rules.textsignals.snapshot_reading import PHRASES_FIELD
from rules.textsignals.split_record import SPLIT_FIELD

# Field types understood by the condition compiler.
BOOL = "bool"
INT = "int"
NUMBER = "number"
STR = "str"
LIST_STR = "list[str]"
NULLABLE_NUMBER = "number?"

FIELD_TYPES = (BOOL, INT, NUMBER, STR, LIST_STR, NULLABLE_NUMBER)

FieldSpec = tuple[str, str]  # (type, description)

FIELDS: dict[str, FieldSpec] = {
    # End user
    "end_user.name": (STR, "End user's name"),
    "end_user.type": (STR, "End-user type code (taxonomy END_USER_TYPES)"),
    "end_user.country": (STR, "End user's country, ISO 3166-1 alpha-2"),
    "end_user.sector": (STR, "End user's sector, free text or code"),
    "end_user.is_security_force": (
        BOOL,
        "End user is intelligence_agency, police, interior_ministry or military",
    ),
    "delivery_country": (STR, "Country the goods are delivered to, ISO alpha-2"),
    # Product and use
    "capabilities": (LIST_STR, "Product capability codes of all deal lines"),
    "capability_severity": (INT, "Highest base severity of the capabilities, 0 if none"),
    "intended_use": (LIST_STR, "Intended-use codes (taxonomy INTENDED_USES)"),
    "intended_use_severity": (INT, "Highest severity of the intended uses, 0 if none"),
    "use_description": (STR, "The rep's description of the use, free text"),
    "customization": (BOOL, "Custom code, covert modes, disabled logging or integration work"),
    "end_use_statement": (STR, "End-use statement status: signed, requested, refused or none"),
    # Channel
    "red_flags": (LIST_STR, "Declared and derived red-flag codes (taxonomy RED_FLAGS)"),
    "channel.intermediaries": (INT, "Number of intermediaries between vendor and end customer"),
    "channel.roles": (LIST_STR, "Channel role codes present in the deal's path"),
    "channel.countries": (LIST_STR, "Countries of the channel partners, ISO alpha-2"),
    # Value
    "value.amount": (NUMBER, "Deal value"),
    "value.currency": (STR, "Currency of the deal value, ISO 4217"),
    "quantity.total": (INT, "Total quantity over all lines"),
    # Country context of the end user's country
    "country.code": (STR, "End user's country, ISO alpha-2"),
    "country.name": (STR, "End user's country name"),
    "country.sanctioned": (BOOL, "End user's country is under a comprehensive embargo"),
    "country.armed_conflict": (BOOL, "End user's country is in armed conflict or atrocity context"),
    "country.civil_liberties": (
        NULLABLE_NUMBER,
        "V-Dem civil liberties index, 0-1, higher = more liberty; None if no data",
    ),
    "country.freedom_of_expression": (
        NULLABLE_NUMBER,
        "V-Dem freedom of expression and alternative information, 0-1; None if no data",
    ),
    "country.physical_integrity": (
        NULLABLE_NUMBER,
        "V-Dem physical violence index, 0-1, higher = less state violence; None if no data",
    ),
    "country.hr_protection": (
        NULLABLE_NUMBER,
        "Fariss human rights protection score, about -3.5..5.5; None if no data",
    ),
    "country.rule_of_law": (
        NULLABLE_NUMBER,
        "World Bank WGI rule of law, about -2.5..2.5; None if no data",
    ),
    "country.voice_accountability": (
        NULLABLE_NUMBER,
        "World Bank WGI voice and accountability, about -2.5..2.5; None if no data",
    ),
    "countries.any_sanctioned": (
        BOOL,
        "The end user's, the delivery or any channel country is sanctioned",
    ),
    # Partners in the channel
    "partners.without_hrdd_programme": (
        BOOL,
        'A channel partner has HRDD maturity "none", assessed or not (use partners.assessed_without_programme)',
    ),
    "partners.prior_incident": (BOOL, "A channel partner had a prior incident"),
    "partners.refused_flow_down": (BOOL, "A channel partner refused flow-down clauses or audit"),
    "partners.untrained": (
        BOOL,
        "A channel partner's staff are not known to be trained, assessed or not (use partners.assessed_untrained)",
    ),
    "partners.not_assessed": (
        BOOL,
        "A channel partner's due diligence is not yet assessed (unknown, not none)",
    ),
    "partners.refused_assessment": (
        BOOL,
        "A channel partner refused to answer the due-diligence questionnaire",
    ),
    "partners.assessed_without_programme": (
        BOOL,
        "An assessed channel partner has no HRDD or export-compliance programme",
    ),
    "partners.assessed_untrained": (
        BOOL,
        "An assessed channel partner's staff are not trained (or not within two years)",
    ),
    "partners.min_maturity": (
        INT,
        "Lowest partner HRDD maturity: 0 none, 1 basic, 2 established, 3 advanced (3 if no partner)",
    ),
    # Restricted-party screening
    "restricted_party.matched": (BOOL, "Some party matched a restricted-party list"),
    "restricted_party.best_score": (NUMBER, "Best name-match score over all parties, 0-100"),
    "restricted_party.matches": (LIST_STR, "Human-readable descriptions of matched parties"),
    "restricted_party.possible_match": (
        BOOL,
        "Some party is a possible match: at or above the possible-match threshold, below the match threshold",
    ),
    "restricted_party.possible_matches": (
        LIST_STR,
        "Human-readable descriptions of possible matches",
    ),
    "restricted_party.explanations": (
        LIST_STR,
        "Why each match and possible match matched: name or alias, parts agreeing, country",
    ),
    "restricted_party.match_threshold": (NUMBER, "The match threshold in force, 0-100"),
    "restricted_party.possible_match_threshold": (
        NUMBER,
        "The possible-match threshold in force, 0-100",
    ),
    # What the rep and partners wrote, and what the criteria version's lexicon read in it
    # (``rules.textsignals``): filled by ``screen`` from the text fields, never by hand.
    "title": (STR, "The deal's title, free text"),
    "lines.names": (LIST_STR, "Names of product lines as the rep wrote them (not the catalogue's)"),
    "text.answers": (LIST_STR, "Partners' answers to information requests on the deal"),
    "text.languages": (LIST_STR, 'Language detected in each text field, as "Field: Language"'),
    "text.signals": (
        LIST_STR,
        "Red-flag categories read in the deal's text: "
        + ", ".join(CATEGORIES)
        + " (the criteria version's lexicon and learned cues)",
    ),
    **{
        path: (
            LIST_STR,
            f"{CATEGORIES[category]}: the phrases and learned cues read, quoted with their field",
        )
        for category, path in CATEGORY_FIELDS.items()
        if category in CATEGORIES
    },
    **{
        CATEGORY_FIELDS[fact]: (
            LIST_STR,
            f"{name}: the phrases read, quoted with their field (a fact about the end user, "
            "not a red flag: never in text.signals)",
        )
        for fact, name in FACTS.items()
    },
    PHRASES_FIELD: (
        LIST_STR,
        "Which lexicon phrases read each quote (by key, learned-cue for a learned cue, "
        "whole-text for a text read as a whole): "
        "lets a preview that removes phrases drop their quotes without reading the text again",
    ),
    SPLIT_FIELD: (
        LIST_STR,
        "The pieces of words written apart that the reading weighed and left apart "
        '("pro testers"), or "=" when it put one back together: lets a preview tell which '
        "deals a lexicon change could read with a word put back together",
    ),
    CUES_BEHIND_FIELD: (
        LIST_STR,
        "What each learned cue a phrase's quote stood in for would quote without it: lets a "
        "preview that removes the phrase show the cue's quote without reading the text again",
    ),
}
# Filled by the text reader at screening time from the lexicon, whatever the snapshot held.
TEXT_DERIVED_FIELDS = ("text.signals", *CATEGORY_FIELDS.values())
# Facts read about the end user: a screening stored before one was read has no field for it
# (and read none: its lexicon had no such phrases).
TEXT_FACT_FIELDS = tuple(CATEGORY_FIELDS[fact] for fact in FACTS)
# What a screening stores of its reading: the fields above and the phrases behind each quote
# (absent from screenings stored before it was recorded).
TEXT_READ_FIELDS = (*TEXT_DERIVED_FIELDS, PHRASES_FIELD, SPLIT_FIELD, CUES_BEHIND_FIELD)

# What partners and sales reps may read of a snapshot, in a finding's explanation or
# evidence: an allow-list, so a field added to FIELDS is for compliance staff only until
# someone adds it here on purpose. Restricted-party data is never on it: telling a party
# that it matched a sanctions list ("tipping off") defeats the screening. Nor are the
# partners.* fields: they are other channel partners' due diligence.
PARTNER_SAFE_FIELDS: frozenset[str] = frozenset(
    {
        "end_user.name",
        "end_user.type",
        "end_user.country",
        "end_user.sector",
        "end_user.is_security_force",
        "delivery_country",
        "capabilities",
        "capability_severity",
        "intended_use",
        "intended_use_severity",
        "use_description",
        "customization",
        "end_use_statement",
        "red_flags",
        "channel.intermediaries",
        "channel.roles",
        "channel.countries",
        "value.amount",
        "value.currency",
        "quantity.total",
        "country.code",
        "country.name",
        "country.sanctioned",
        "country.armed_conflict",
        "country.civil_liberties",
        "country.freedom_of_expression",
        "country.physical_integrity",
        "country.hr_protection",
        "country.rule_of_law",
        "country.voice_accountability",
        "countries.any_sanctioned",
        # The deal's own words, quoted back to those who wrote them: no list data, no
        # reviewer's judgement. Partners' answers stay with compliance (another party's words).
        "title",
        "lines.names",
        "text.languages",
        *TEXT_DERIVED_FIELDS,
    }
)
assert PARTNER_SAFE_FIELDS <= FIELDS.keys()

_BENIGN: dict[str, Any] = {
    "end_user.name": "Fjord Logistics AS",
    "end_user.type": "private_enterprise",
    "end_user.country": "NO",
    "end_user.sector": "logistics",
    "end_user.is_security_force": False,
    "delivery_country": "NO",
    "capabilities": ["networking"],
    "capability_severity": 1,
    "intended_use": ["enterprise_it"],
    "intended_use_severity": 1,
    "use_description": "Office network refresh",
    "customization": False,
    "end_use_statement": "none",
    "red_flags": [],
    "channel.intermediaries": 1,
    "channel.roles": ["vendor", "reseller", "end_customer"],
    "channel.countries": ["NO"],
    "value.amount": 48000.0,
    "value.currency": "EUR",
    "quantity.total": 40,
    "country.code": "NO",
    "country.name": "Norway",
    "country.sanctioned": False,
    "country.armed_conflict": False,
    "country.civil_liberties": 0.933,
    "country.freedom_of_expression": 0.949,
    "country.physical_integrity": 0.986,
    "country.hr_protection": 4.2809,
    "country.rule_of_law": 1.834,
    "country.voice_accountability": 1.7773,
    "countries.any_sanctioned": False,
    "partners.without_hrdd_programme": False,
    "partners.prior_incident": False,
    "partners.refused_flow_down": False,
    "partners.untrained": False,
    "partners.not_assessed": False,
    "partners.refused_assessment": False,
    "partners.assessed_without_programme": False,
    "partners.assessed_untrained": False,
    "partners.min_maturity": 2,
    "restricted_party.matched": False,
    "restricted_party.best_score": 0.0,
    "restricted_party.matches": [],
    "restricted_party.possible_match": False,
    "restricted_party.possible_matches": [],
    "restricted_party.explanations": [],
    "restricted_party.match_threshold": 90.0,
    "restricted_party.possible_match_threshold": 79.0,
    "title": "Office network refresh",
    "lines.names": [],
    "text.answers": [],
    "text.languages": [],
    **dict.fromkeys(TEXT_READ_FIELDS, []),
}
assert _BENIGN.keys() == FIELDS.keys()


def suggest_field(path: str, schema: Mapping[str, object] | None = None) -> str | None:
    """The closest known field name to ``path`` (difflib), or None."""
    names = list(FIELDS if schema is None else schema)
    close = difflib.get_close_matches(path, names, n=1, cutoff=0.6)
    return close[0] if close else None


def example_snapshot(overrides: Mapping[str, Any] | None = None, /, **kw: Any) -> dict[str, Any]:
    """A complete, benign snapshot (a private firm in Norway buying networking kit).

    Every field of ``FIELDS`` is present, so a condition that compiles against the schema
    evaluates on it. Overrides are dotted paths, given as a dict (positional) or as
    keywords with ``__`` for the dot: ``example_snapshot(end_user__type="police")``.
    An unknown override raises KeyError naming the closest field.
    """
    snap = {k: (list(v) if isinstance(v, list) else v) for k, v in _BENIGN.items()}
    items = dict(overrides or {})
    items.update({k.replace("__", "."): v for k, v in kw.items()})
    for key, value in items.items():
        if key not in FIELDS:
            hint = suggest_field(key)
            raise KeyError(
                f'unknown field "{key}"' + (f' (did you mean "{hint}"?)' if hint else "")
            )
        snap[key] = value
    return snap


def _type_ok(ftype: str, value: Any) -> bool:
    if ftype == BOOL:
        return isinstance(value, bool)
    if ftype == INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if ftype == NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if ftype == NULLABLE_NUMBER:
        return value is None or (isinstance(value, int | float) and not isinstance(value, bool))
    if ftype == STR:
        return isinstance(value, str)
    if ftype == LIST_STR:
        return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
    return False


def check_snapshot(snapshot: Mapping[str, Any]) -> list[str]:
    """Problems with a snapshot (missing fields, wrong types); empty when it is valid.

    ``screen`` does not call this (speed); the code that builds snapshots should, in tests.
    """
    errors: list[str] = []
    for path, (ftype, _desc) in FIELDS.items():
        if path not in snapshot:
            errors.append(f'missing field "{path}"')
        elif not _type_ok(ftype, snapshot[path]):
            errors.append(
                f'field "{path}" should be {ftype}, got {type(snapshot[path]).__name__} '
                f"{snapshot[path]!r}"
            )
    for path in snapshot:
        if path not in FIELDS:
            hint = suggest_field(path)
            errors.append(
                f'unknown field "{path}"' + (f' (did you mean "{hint}"?)' if hint else "")
            )
    return errors
