"""Pages for saved views: save the list's current filters, open one, delete one. Thin:
the services check every parameter; another user's view is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hrdd.errors import ApplicationError

from .lists import LISTS
from .selectors import saved_view_get, saved_view_url
from .services import saved_view_delete, saved_view_save


def _list_url(list_name: str, query: str = "") -> str:
    spec = LISTS.get(list_name)
    base = reverse(spec.url_name) if spec else reverse("home")
    return f"{base}?{query}" if query else base


@login_required
@require_POST
def saved_view_save_view(request):
    list_name = request.POST.get("list", "")
    query = request.POST.get("query", "")[:2000]
    try:
        view = saved_view_save(
            actor=request.user,
            list_name=list_name,
            name=request.POST.get("name", ""),
            params=QueryDict(query),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(_list_url(list_name, query))
    messages.success(request, f"Saved the view “{view.name}”.")
    return redirect(saved_view_url(view))


@login_required
@require_GET
def saved_view_open_view(request, pk: int):
    view = saved_view_get(user=request.user, pk=pk)
    if view is None:
        raise Http404
    return redirect(saved_view_url(view))


@login_required
@require_POST
def saved_view_delete_view(request, pk: int):
    view = saved_view_get(user=request.user, pk=pk)
    if view is None:
        raise Http404
    saved_view_delete(actor=request.user, saved_view=view)
    messages.success(request, f"Deleted the view “{view.name}”.")
    return redirect(_list_url(view.list_name))
