"""Template filters that turn codes into words: {% load words %}.

    {{ o.end_user_type|term:"end_user_type" }}   {{ o.intended_use|terms:"intended_use" }}
    {{ o.end_customer_country|country }}         {{ o.value_amount|money:o.value_currency }}
    {{ f.evidence|evidence }} (label, value pairs)  {{ due|day }}  {{ moment|day_time }}  {{ delta|duration }}

All of them defer to `taxonomy.words`; money, dates and durations follow the active
language (the reader's locale).
"""

from __future__ import annotations

import re
from datetime import datetime

from django import template
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from taxonomy import words

register = template.Library()


@register.filter
def term(code, vocabulary: str) -> str:
    """A code's name in the reader's language (the catalogue holds the taxonomy's names)."""
    name = words.term(code, vocabulary)
    return translation.gettext(name) if name else name


@register.filter
def terms(codes, vocabulary: str) -> str:
    names = [term(c, vocabulary) for c in codes or ()]
    return ", ".join(names) if names else translation.gettext("none")


@register.filter
def country(code) -> str:
    return words.country(code, translation.get_language())


@register.filter
def evidence_lines(values) -> list[tuple[str, str, str]]:
    """A finding's evidence as (label, value in words, field path) triples; templates show
    the path only to compliance staff, as a small code tag."""
    return words.evidence_with_paths(values)


@register.filter
def field_label(path: str) -> str:
    return words.field_label(path)


@register.filter
def money(amount, currency: str = "") -> str:
    return words.money(amount, currency or "", translation.get_language())


@register.filter
def duration(delta) -> str:
    return words.duration(delta, translation.get_language()) if delta is not None else ""


@register.filter
def day(value) -> str:
    # a moment's day where the reader is (the installation's time zone), not in UTC
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return words.day(value, translation.get_language())


@register.filter
def day_time(value) -> str:
    """A moment to the minute, in the installation's time zone and the reader's words."""
    if not isinstance(value, datetime):
        return words.day(value, translation.get_language())
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return words.day_time(value, translation.get_language())


_FILE_CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


@register.filter
def file_format_codes(text) -> str:
    """Help text about a file format, with the codes one types into the file marked up as
    such (`<code class="file-format">`): there, and only there, codes are the words."""
    return mark_safe(  # noqa: S308 - the text is escaped first; only our tags are added
        _FILE_CODE.sub(
            lambda m: f'<code class="file-format">{m.group(0)}</code>', str(escape(text))
        )
    )


@register.filter
def humanise(code) -> str:
    """A code without a vocabulary (an audit action, a state) in readable words:
    "opportunity.approve_with_conditions" -> "Opportunity: approve with conditions"."""
    return words.humanise(code)
