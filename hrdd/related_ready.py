"""A row about to be inserted in bulk (`hrdd.bulk`) checked for its related objects as
`save()` checks them, without walking every column of the model."""

from __future__ import annotations

import functools

from django.db import models
from django.db.models.fields.related_descriptors import (
    ForeignKeyDeferredAttribute,
    ForwardManyToOneDescriptor,
    ForwardOneToOneDescriptor,
)

ABSENT = object()


@functools.cache
def relations(model: type[models.Model]) -> tuple | None:
    """(cache name, attname, related model's attname the column holds) of each stored
    relation of `model`, for `related_ready`; None when the model has private fields
    (a generic relation) or a relation read by a descriptor of its own."""
    opts = model._meta
    if opts.private_fields:
        return None
    out = []
    for f in opts.concrete_fields:
        if not f.is_relation:
            continue
        if type(model.__dict__.get(f.attname)) is not ForeignKeyDeferredAttribute or type(
            model.__dict__.get(f.name)
        ) not in (ForwardManyToOneDescriptor, ForwardOneToOneDescriptor):
            return None
        out.append((f.cache_name, f.attname, f.target_field.attname, f.empty_values))
    return tuple(out)


def related_ready(obj, operation_name: str) -> None:
    """`obj._prepare_related_fields_for_save(operation_name)`, which walks every column of
    the model, in a walk over its cached related objects only: when each has its primary
    key and the column already holds it (how `unsaved` leaves them) there is nothing to
    do; anything else (unsaved related object, a column to fill or a stale cache) goes
    through Django's own method, which raises or repairs as it does on `save()`."""
    found = relations(type(obj))
    if found is None:
        obj._prepare_related_fields_for_save(operation_name=operation_name)
        return
    cache, row = obj._state.fields_cache, obj.__dict__
    for cache_name, attname, target, empty in found:
        if cache_name not in cache:
            continue
        related = cache[cache_name]
        if related is None:
            continue
        value = row.get(attname, ABSENT)
        if (
            value is ABSENT
            or value in empty
            or not related._is_pk_set()
            or getattr(related, target) != value
        ):
            obj._prepare_related_fields_for_save(operation_name=operation_name)
            return
