from django import template

from taxonomy import CHANNEL_ROLES, PRODUCT_CAPABILITIES

register = template.Library()


@register.filter
def get(mapping, key):
    """{{ errors|get:"ec_name" }}: look a key up in a dict (None when absent)."""
    if isinstance(mapping, dict):
        return mapping.get(key)
    return None


@register.simple_tag
def row_error(errors, prefix, i, field):
    return (errors or {}).get(f"{prefix}-{i}-{field}") or ""


@register.filter
def contains(container, item):
    return item in (container or [])


@register.filter
def tier_class(tier):
    return f"tier tier-{tier}" if tier else "tier"


@register.filter
def form_label(name: str) -> str:
    """An error's field in the words of the deal form (never "ec_country")."""
    from opportunities.forms import field_label

    return field_label(name)


@register.filter
def index(sequence, i):
    """{{ rows|index:i }}: the i-th item of a list (None past its end)."""
    try:
        return sequence[int(i)]
    except (IndexError, TypeError, ValueError):
        return None


@register.filter
def evidence(value):
    """An evidence value as a reader sees it: a list's items joined, not a Python list."""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value) if value else "none"
    return value


# --- The reader's language (opportunities.vocabulary) -------------------------------------
@register.filter
def country_name(code):
    from opportunities.vocabulary import country_name as name

    return name(code) if code else ""


@register.filter
def role_name(code):
    from django.utils.translation import gettext

    term = CHANNEL_ROLES.get(code)
    return gettext(term.name) if term else code


@register.filter
def capability_name(code):
    from django.utils.translation import gettext

    term = PRODUCT_CAPABILITIES.get(code)
    return gettext(term.name) if term else code


@register.filter
def tier_name(tier):
    from django.utils.translation import gettext

    return gettext(tier) if tier else ""


@register.filter
def translated(text):
    """A stored English text (a status label, a summary) in the reader's language, when
    the catalogue has it."""
    from django.utils.translation import gettext

    return gettext(text) if text else text


@register.simple_tag
def money(amount, currency):
    from opportunities.vocabulary import money as fmt

    return fmt(amount, currency)
