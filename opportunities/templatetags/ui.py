from django import template
from django.utils.html import format_html

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


# --- The reader's language (codes in words: taxonomy's `words` filters) -----------------
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


# --- Errors beside their fields -------------------------------------------------------------
def _error_id(name: str, key) -> str:
    return f"{key or name}-error"


@register.simple_tag
def invalid(errors, name, key=None):
    """` aria-invalid="true" aria-describedby="<name>-error"` on a field whose value was
    refused, so assistive technology reads the error with the field, without scripts."""
    if not (errors or {}).get(name):
        return ""
    return format_html(' aria-invalid="true" aria-describedby="{}"', _error_id(name, key))


@register.simple_tag
def field_error(errors, name, key=None, prefix=""):
    """The error of one field, to be placed right after it (the id its aria-describedby
    names). `prefix` is the field's label when the message reads better with it."""
    message = (errors or {}).get(name)
    if not message:
        return ""
    text = f"{prefix}: {message}" if prefix else message
    return format_html(
        '<span class="error field-error" id="{}">{}</span>', _error_id(name, key), text
    )


@register.simple_tag
def row_invalid(errors, prefix, i, field, group=None):
    """`invalid` for a field of a repeated row ("line-2-quantity"); the first row's field
    also carries the error of the whole group (e.g. "add at least one product")."""
    name = f"{prefix}-{i}-{field}"
    if (errors or {}).get(name):
        return invalid(errors, name)
    if group and str(i) == "0" and (errors or {}).get(group):
        return invalid(errors, group)
    return ""


@register.simple_tag
def row_field_error(errors, prefix, i, field):
    return field_error(errors, f"{prefix}-{i}-{field}")
