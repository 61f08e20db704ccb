"""`{% saved_views_panel "queue" %}`: the signed-in user's saved views of a list, and a
form to save the list's current filters and order under a name."""

from __future__ import annotations

from django import template

from ..selectors import saved_views_for

register = template.Library()


@register.inclusion_tag("saved_views/_panel.html", takes_context=True)
def saved_views_panel(context, list_name: str) -> dict:
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "list_name": list_name,
        "views": list(saved_views_for(user=request.user, list_name=list_name)),
        "query": query.urlencode(),
        "csrf_token": context.get("csrf_token"),
    }
