"""The deal form's choices and the deal page's names, in the reader's language.

Codes stay codes (the API and files speak them); names are translated when a page shows
them, from the project's catalogue (`locale/`, fed by `vocabulary_strings.py`). Countries,
money, dates and other codes in words come from the one presenter, `taxonomy.words`.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.utils.translation import get_language, gettext

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
from taxonomy.words import countries


def _terms(index) -> list[SimpleNamespace]:
    return [SimpleNamespace(code=t.code, name=gettext(t.name)) for t in index.values()]


def form_vocabulary() -> dict:
    """The deal form's choices, named in the active language."""
    return {
        "countries": countries(get_language()),
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
