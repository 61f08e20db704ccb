"""Saving and deleting a user's views of a list. Each write is audited."""

from __future__ import annotations

from django.db import transaction
from django.http import QueryDict

from audit.services import audit_record
from hrdd.errors import ApplicationError, NotFound
from hrdd.lists import Viewer

from .lists import LISTS
from .models import SavedView
from .policies import MAX_PER_LIST, why_not_delete

IGNORED = frozenset({"page", "csrfmiddlewaretoken"})
MAX_VALUE = 200


def saved_view_params(*, user, list_name: str, params) -> dict[str, list[str]]:
    """`params` (a query string's parameters) as a saved view stores them: only those the
    list's filterset accepts, each value valid for this user; anything else is refused
    with the parameter named, so a saved view holds nothing the list would not obey."""
    spec = LISTS.get(list_name)
    if spec is None:
        raise ApplicationError("There is no such list.", errors={"list": "Unknown list."})
    reason = spec.why_not_open(user) if spec.why_not_open else None
    if reason:
        raise ApplicationError(reason, errors={"list": reason})
    if isinstance(params, QueryDict):
        items = {k: params.getlist(k) for k in params}
    else:
        items = {k: v if isinstance(v, list | tuple) else [v] for k, v in (params or {}).items()}
    kept = {
        k: [str(v) for v in values if str(v).strip()]
        for k, values in items.items()
        if k not in IGNORED
    }
    kept = {k: v[:10] for k, v in kept.items() if v}
    unknown = sorted(set(kept) - set(spec.filterset.base_filters))
    if unknown:
        raise ApplicationError(
            f"This list has no filter called {', '.join(unknown)}.",
            errors={k: "Not a filter of this list." for k in unknown},
        )
    too_long = sorted(k for k, v in kept.items() if any(len(x) > MAX_VALUE for x in v))
    if too_long:
        raise ApplicationError(
            f"Too long a value for {', '.join(too_long)}.",
            errors={k: f"At most {MAX_VALUE} characters." for k in too_long},
        )
    data = QueryDict(mutable=True)
    for k, v in kept.items():
        data.setlist(k, v)
    model = spec.filterset._meta.model
    filterset = spec.filterset(data, queryset=model.objects.none(), request=Viewer(user))
    if not filterset.is_valid():
        errors = {k: " ".join(v) for k, v in filterset.errors.items()}
        raise ApplicationError(
            f"These filters cannot be saved: {', '.join(sorted(errors))}.", errors=errors
        )
    return kept


def saved_view_save(*, actor, list_name: str, name: str, params) -> SavedView:
    """Save the list's current filters and order under `name` (replacing the user's own
    view of that name on that list)."""
    name = " ".join((name or "").split())[:80]
    if not name:
        raise ApplicationError("Name the view.", errors={"name": "Name the view."})
    kept = saved_view_params(user=actor, list_name=list_name, params=params)
    with transaction.atomic():
        existing = (
            SavedView.objects.select_for_update()
            .filter(user=actor, list_name=list_name, name=name)
            .first()
        )
        if existing is None:
            if SavedView.objects.filter(user=actor, list_name=list_name).count() >= MAX_PER_LIST:
                raise ApplicationError(
                    f"You have {MAX_PER_LIST} saved views of this list: delete one first."
                )
            view = SavedView.objects.create(user=actor, list_name=list_name, name=name, params=kept)
            action = "saved_view.created"
        else:
            view, old = existing, existing.params
            view.params = kept
            view.save(update_fields=["params", "updated_at"])
            action = "saved_view.replaced"
        audit_record(
            actor=actor,
            action=action,
            object_type="saved_view",
            object_id=view.pk,
            changes={"list": list_name, "name": name, "params": kept}
            | ({"was": old} if existing is not None else {}),
        )
    return view


def saved_view_delete(*, actor, saved_view: SavedView) -> None:
    reason = why_not_delete(actor, saved_view)
    if reason:
        raise NotFound(reason)
    with transaction.atomic():
        pk = saved_view.pk
        audit_record(
            actor=actor,
            action="saved_view.deleted",
            object_type="saved_view",
            object_id=pk,
            changes={
                "list": saved_view.list_name,
                "name": saved_view.name,
                "params": saved_view.params,
            },
        )
        saved_view.delete()
