"""Services editing a criteria draft's learned cues (``rules.textsignals.learned_cues``).

The cues are part of their criteria version, as its lexicon is: copied into a draft,
switched off there word by word or language by language, audited, previewed on past deals
and frozen when the draft is published. They are fitted, not written: an admin keeps or
silences what was learned, and takes a new fit from the default criteria pack.
"""

from __future__ import annotations

import copy
import math

from django.db import transaction

from audit.services import audit_record
from hrdd.errors import ApplicationError

from .engine import CriteriaError, read_pack
from .engine.packs import cues_from_pack
from .models import CriteriaVersion, LearnedCues
from .textsignals import LANGUAGE_NAMES
from .textsignals.learned_cues import THRESHOLD, cue_switched
from .textsignals.weighing import (
    ORDINARY_BELOW,
    ORDINARY_BELOW_HIGHEST,
    ORDINARY_BELOW_LOWEST,
    has_weighing,
)
from .textsignals.whole_text import (
    DANGEROUS_ABOVE,
    DANGEROUS_ABOVE_HIGHEST,
    DANGEROUS_ABOVE_LOWEST,
)


def learned_cues_replace(*, draft: CriteriaVersion, data: dict | None) -> None:
    """Put ``data`` (already checked; None: no cues) in place of the draft's learned cues;
    the caller audits."""
    LearnedCues.objects.filter(version=draft).delete()
    if data:
        LearnedCues.objects.create(version=draft, data=data)


def _editable_cues(actor, draft: CriteriaVersion) -> LearnedCues:
    """The draft's cues, locked until the transaction ends (two admins switching words at
    once must not lose one switch)."""
    from .services import _require_draft, _require_editor

    _require_editor(actor)
    _require_draft(draft)
    row = LearnedCues.objects.select_for_update().filter(version=draft).first()
    if row is None:
        raise ApplicationError("The draft has no learned cues.", status_code=404)
    return row


def _language_cues(data: dict, language: str) -> dict:
    cues = data.get("languages", {}).get(language)
    if cues is None:
        raise ApplicationError(
            f"The draft has no learned cues in {LANGUAGE_NAMES.get(language, 'that language')}."
        )
    return cues


def learned_cue_switch(
    *, actor, draft: CriteriaVersion, language: str, word: str, on: bool
) -> None:
    """Switch one cue word or pair ("word + word") of a language off (it weighs nothing in
    any category) or back on."""
    feature = "+".join(part.strip() for part in word.split("+"))
    with transaction.atomic():
        row = _editable_cues(actor, draft)
        cues = _language_cues(row.data, language)
        if not any(feature in by_feature for by_feature in cues.get("weights", {}).values()):
            raise ApplicationError(
                f"“{word}” is not a learned cue in {LANGUAGE_NAMES[language]}.", status_code=404
            )
        row.data = cue_switched(row.data, language, feature, on)
        row.save(update_fields=["data"])
        audit_record(
            actor=actor,
            action="criteria.learned_cue_switched",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={"language": language, "cue": feature.replace("+", " + "), "on": on},
        )


def learned_cues_language_switch(*, actor, draft: CriteriaVersion, language: str, on: bool) -> None:
    """Read a language's learned cues, or not (its phrases are read either way)."""
    with transaction.atomic():
        row = _editable_cues(actor, draft)
        _language_cues(row.data, language)
        changed = copy.deepcopy(row.data)
        changed["languages"][language]["enabled"] = on
        row.data = changed
        row.save(update_fields=["data"])
        audit_record(
            actor=actor,
            action="criteria.learned_cues_language_switched",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={"language": language, "on": on},
        )


# How readily the cues raise a red flag: a sentence raises its category when its score (the
# log-odds of its words) reaches the threshold. Beyond these bounds the cues read almost
# every sentence holding two cue words, or almost none.
THRESHOLD_LOWEST, THRESHOLD_HIGHEST = -3.0, 3.0


def _bounded(value: float | None, lowest: float, highest: float) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and lowest <= value <= highest


def _has_weighing(data: dict) -> None:
    if not has_weighing(data):
        raise ApplicationError(
            "The draft's learned cues have no weighing (they were fitted before it): "
            "take the default pack's cues again first."
        )


def _cues_setting_set(
    *, actor, draft: CriteriaVersion, key: str, value, default, action: str, check=None
) -> None:
    """Set one of the draft's cue settings, audited with what it was when it changes;
    ``check`` refuses cues the setting cannot apply to."""
    with transaction.atomic():
        row = _editable_cues(actor, draft)
        if check is not None:
            check(row.data)
        was = row.data.get(key, default)
        if was == value and key in row.data:
            return  # nothing changes, nothing to record
        # Unset, the setting is its default; set, it stays the admins' when the default
        # pack's cues are taken again: so "off" on cues from before it is stored too.
        row.data = {**row.data, key: value}
        row.save(update_fields=["data"])
        audit_record(
            actor=actor,
            action=action,
            object_type="criteria_version",
            object_id=draft.pk,
            changes={key: value, "was": was},
        )


def learned_cues_threshold_set(*, actor, draft: CriteriaVersion, threshold: float) -> None:
    """Set the score a sentence needs for the draft's cues to raise its category: lower
    finds more red flags and flags more ordinary deals, higher fewer of both."""
    if not _bounded(threshold, THRESHOLD_LOWEST, THRESHOLD_HIGHEST):
        raise ApplicationError(
            f"The threshold must be a number from {THRESHOLD_LOWEST:.1f} to "
            f"{THRESHOLD_HIGHEST:.1f} (the default criteria use {THRESHOLD:.1f})."
        )
    _cues_setting_set(
        actor=actor,
        draft=draft,
        key="threshold",
        value=round(float(threshold), 2) + 0.0,  # + 0.0: no "-0.0"
        default=THRESHOLD,
        action="criteria.learned_cues_threshold_set",
    )


def learned_cues_weighing_set(*, actor, draft: CriteriaVersion, below: float | None) -> None:
    """Set the weight under which the draft reads a whole text as an ordinary deal and sets
    its red flags aside (None: the weighing is off, every red flag read raises): higher
    sets aside more ordinary deals and more red flags, lower fewer of both."""
    if below is not None and not _bounded(below, ORDINARY_BELOW_LOWEST, ORDINARY_BELOW_HIGHEST):
        raise ApplicationError(
            f"The weighing's bound must be a number from {ORDINARY_BELOW_LOWEST:.1f} to "
            f"{ORDINARY_BELOW_HIGHEST:.1f} ({ORDINARY_BELOW:.1f} was measured; the default "
            "criteria leave the weighing off), or off."
        )
    _cues_setting_set(
        actor=actor,
        draft=draft,
        key="ordinary_below",
        value=None if below is None else round(float(below), 2) + 0.0,
        default=None,
        action="criteria.learned_cues_weighing_set",
        check=None if below is None else _has_weighing,
    )


def learned_cues_whole_text_set(*, actor, draft: CriteriaVersion, above: float | None) -> None:
    """Set the weight from which the draft raises a red flag in a whole text in which
    nothing else reads one (None: never, ``whole_text``): lower finds more veiled red flags
    and flags more ordinary deals, higher fewer of both."""
    if above is not None and not _bounded(above, DANGEROUS_ABOVE_LOWEST, DANGEROUS_ABOVE_HIGHEST):
        raise ApplicationError(
            f"The bound for whole texts must be a number from {DANGEROUS_ABOVE_LOWEST:.1f} to "
            f"{DANGEROUS_ABOVE_HIGHEST:.1f} (the default criteria use {DANGEROUS_ABOVE:.1f}), "
            "or off."
        )
    _cues_setting_set(
        actor=actor,
        draft=draft,
        key="dangerous_above",
        value=None if above is None else round(float(above), 2) + 0.0,
        default=None,
        action="criteria.learned_cues_whole_text_set",
        check=None if above is None else _has_weighing,
    )


def learned_cues_take_default(*, actor, draft: CriteriaVersion) -> None:
    """Give the draft the default criteria pack's learned cues (a new fit, or cues for a
    version that had none), replacing its own and what was switched off in them."""
    from .services import _require_draft, _require_editor

    _require_editor(actor)
    _require_draft(draft)
    try:
        data = cues_from_pack(read_pack())
    except CriteriaError as exc:
        raise ApplicationError(f"The default pack's learned cues cannot be read: {exc}") from exc
    if not data:
        raise ApplicationError("The default criteria pack has no learned cues.")
    with transaction.atomic():
        # The threshold is the admins' decision, not part of a fit: a draft that has cues
        # keeps its own, and the record says which one it reads with.
        had = LearnedCues.objects.select_for_update().filter(version=draft).first()
        if had is not None:
            data = {**data, "threshold": had.data.get("threshold", THRESHOLD)}
            if "ordinary_below" in had.data:  # cues fitted with a weighing: the admins' bound
                data["ordinary_below"] = had.data["ordinary_below"]
            if "dangerous_above" in had.data:  # set since whole texts raise: the admins' too
                data["dangerous_above"] = had.data["dangerous_above"]
        learned_cues_replace(draft=draft, data=data)
        audit_record(
            actor=actor,
            action="criteria.learned_cues_taken",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={
                "fitted_on": data.get("fitted_on", ""),
                "threshold": data.get("threshold", THRESHOLD),
                "ordinary_below": data.get("ordinary_below"),
                "dangerous_above": data.get("dangerous_above"),
            },
        )


def learned_cues_remove(*, actor, draft: CriteriaVersion) -> None:
    """Read the draft's text with its lexicon alone."""
    from .services import _require_draft, _require_editor

    _require_editor(actor)
    _require_draft(draft)
    with transaction.atomic():
        removed = LearnedCues.objects.filter(version=draft).delete()[0]
        if removed:
            audit_record(
                actor=actor,
                action="criteria.learned_cues_removed",
                object_type="criteria_version",
                object_id=draft.pk,
            )
