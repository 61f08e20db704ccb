"""An import's status in the words its reader may see (`presenters`)."""

from __future__ import annotations

from django import template

from channel_imports.presenters import import_status_for_viewer

register = template.Library()


@register.filter
def import_status(channel_import, user) -> str:
    return import_status_for_viewer(channel_import, user)[1]


@register.filter
def import_status_code(channel_import, user) -> str:
    return import_status_for_viewer(channel_import, user)[0]
