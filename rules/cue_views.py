"""Learned-cue pages: admins see what the draft's cues learned and switch words or whole
languages off; reviewers read the cues of any published version."""

from __future__ import annotations

import math
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hrdd.errors import ApplicationError

from .cue_services import (
    ORDINARY_BELOW_HIGHEST,
    ORDINARY_BELOW_LOWEST,
    THRESHOLD_HIGHEST,
    THRESHOLD_LOWEST,
    learned_cue_switch,
    learned_cues_language_switch,
    learned_cues_remove,
    learned_cues_take_default,
    learned_cues_threshold_set,
    learned_cues_weighing_set,
    learned_cues_whole_text_set,
)
from .models import CriteriaVersion, LexiconEntry
from .selectors import criteria_draft, criteria_learned_cues
from .textsignals import LANGUAGE_NAMES
from .textsignals.cue_words import not_cue_units
from .textsignals.learned_cues import THRESHOLD, strongest_cue_words, unit
from .textsignals.weighing import ORDINARY_BELOW, has_weighing
from .textsignals.whole_text import DANGEROUS_ABOVE, DANGEROUS_ABOVE_HIGHEST, DANGEROUS_ABOVE_LOWEST
from .views import _require_admin, _require_reviewer

WORDS_SHOWN = 15  # a category's strongest cues per language on the page


def _languages(data: dict | None) -> list[dict]:
    """Per language of the cues: whether it is read, its categories' strongest cues and
    the cues switched off."""
    if not data:
        return []
    categories = [c for c in LexiconEntry.Category if c != LexiconEntry.Category.BENIGN]
    out = []
    for code, name in LexiconEntry.Language.choices:
        cues = data.get("languages", {}).get(code)
        if cues is None:
            continue
        out.append(
            {
                "code": code,
                "name": name,
                "enabled": cues.get("enabled", True),
                "categories": [
                    {
                        "label": c.label,
                        "cues": [
                            {
                                "word": w,
                                "weight": weight,
                                "on": on,
                                # switching it off moves the weight of nearly every text
                                "grammar": w in not_cue_units(code, unit),
                            }
                            for w, weight, on in strongest_cue_words(data, code, c, WORDS_SHOWN)
                            if weight > 0  # a word weighing against a category is no cue of it
                        ],
                    }
                    for c in categories
                ],
                "switched_off": sorted(
                    w.replace("+", " + ")
                    for lang, w in data.get("switched_off", [])
                    if lang == code
                ),
            }
        )
    return out


def _page(request, version: CriteriaVersion, *, editable: bool):
    data = criteria_learned_cues(version)
    return render(
        request,
        "rules/learned_cues.html",
        {
            "version": version,
            "editable": editable,
            "has_cues": bool(data),
            "fitted_on": (data or {}).get("fitted_on", ""),
            "threshold": (data or {}).get("threshold", THRESHOLD),
            "threshold_lowest": THRESHOLD_LOWEST,
            "threshold_highest": THRESHOLD_HIGHEST,
            "has_weighing": has_weighing(data),
            "ordinary_below": (data or {}).get("ordinary_below"),
            "ordinary_below_default": ORDINARY_BELOW,
            "ordinary_below_lowest": ORDINARY_BELOW_LOWEST,
            "ordinary_below_highest": ORDINARY_BELOW_HIGHEST,
            "dangerous_above": (data or {}).get("dangerous_above"),
            "dangerous_above_default": DANGEROUS_ABOVE,
            "dangerous_above_lowest": DANGEROUS_ABOVE_LOWEST,
            "dangerous_above_highest": DANGEROUS_ABOVE_HIGHEST,
            "cue_languages": _languages(data),
        },
    )


def _draft_or_404():
    draft = criteria_draft()
    if draft is None:
        raise Http404
    return draft


@login_required
def draft_learned_cues(request):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        messages.error(request, "Start a draft first.")
        return redirect("criteria-overview")
    return _page(request, draft, editable=True)


@login_required
@require_POST
def learned_cue_switch_view(request):
    _require_admin(request.user)
    draft = _draft_or_404()
    language = request.POST.get("language", "")
    word = request.POST.get("word", "")
    on = request.POST.get("on") == "1"
    try:
        learned_cue_switch(actor=request.user, draft=draft, language=language, word=word, on=on)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        state = "back on" if on else "off"
        messages.success(
            request, f"“{word}” switched {state} in {LANGUAGE_NAMES.get(language, language)}."
        )
    return redirect("criteria-learned-cues")


@login_required
@require_POST
def learned_cues_language_view(request):
    _require_admin(request.user)
    draft = _draft_or_404()
    language = request.POST.get("language", "")
    on = request.POST.get("on") == "1"
    try:
        learned_cues_language_switch(actor=request.user, draft=draft, language=language, on=on)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        name = LANGUAGE_NAMES.get(language, language)
        messages.success(
            request,
            f"{name} learned cues are read again."
            if on
            else f"{name} learned cues switched off: {name} text is read by the lexicon alone.",
        )
    return redirect("criteria-learned-cues")


# A number as people type it: a minus sign or a hyphen, a decimal point or a comma.
_NUMBER_RE = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def _typed_number(typed: str) -> float:
    """The number typed, or NaN (refused by the service with the reason)."""
    typed = typed.strip().replace("\u2212", "-")
    if not _NUMBER_RE.fullmatch(typed):
        return math.nan
    return float(typed.replace(",", "."))


@login_required
@require_POST
def learned_cues_threshold_view(request):
    _require_admin(request.user)
    draft = _draft_or_404()
    threshold = _typed_number(request.POST.get("threshold", ""))
    try:
        learned_cues_threshold_set(actor=request.user, draft=draft, threshold=threshold)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            f"The learned cues' threshold is {threshold:.2f} in the draft: preview the draft to "
            "see which past deals it moves.",
        )
    return redirect("criteria-learned-cues")


def _bound_view(request, key: str, setter, said_off: str, said_on: str):
    """Set one of the draft's bounds (``key``, the setter's argument named by its last word)
    from the learned-cues page, or switch it off ("off")."""
    _require_admin(request.user)
    draft = _draft_or_404()
    bound = None if request.POST.get("off") == "1" else _typed_number(request.POST.get(key, ""))
    try:
        setter(actor=request.user, draft=draft, **{key.split("_")[-1]: bound})
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        said = said_off if bound is None else said_on.format(bound)
        messages.success(request, f"{said} Preview the draft to see which past deals it moves.")
    return redirect("criteria-learned-cues")


@login_required
@require_POST
def learned_cues_weighing_view(request):
    return _bound_view(
        request,
        "ordinary_below",
        learned_cues_weighing_set,
        "The draft no longer weighs whole texts: every red flag read raises.",
        "The draft sets aside the red flags of texts weighing below {:.2f}, but for targeting"
        " dissent and profiling, which raise whatever the weight.",
    )


@login_required
@require_POST
def learned_cues_whole_text_view(request):
    return _bound_view(
        request,
        "dangerous_above",
        learned_cues_whole_text_set,
        "The draft no longer reads whole texts for veiled red flags.",
        "The draft raises a red flag in a text in which nothing else reads one when the whole"
        " weighs {:.2f} or more.",
    )


@login_required
@require_POST
def learned_cues_default_view(request):
    _require_admin(request.user)
    draft = _draft_or_404()
    try:
        if request.POST.get("remove") == "1":
            learned_cues_remove(actor=request.user, draft=draft)
            messages.info(request, "The draft reads deal text with its lexicon alone.")
        else:
            learned_cues_take_default(actor=request.user, draft=draft)
            messages.success(request, "The draft has the default criteria pack's learned cues.")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("criteria-learned-cues")


@login_required
def version_learned_cues(request, number: int):
    _require_reviewer(request.user)
    version = get_object_or_404(CriteriaVersion, number=number)
    return _page(request, version, editable=False)
