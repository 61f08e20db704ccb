"""Lexicon pages: admins edit the draft's text-signal phrases and try them on a sentence;
reviewers read the lexicon of any published version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from hrdd.errors import ApplicationError
from hrdd.lists import list_page

from .forms import LexiconFilterForm
from .lexicon_services import ENTRY_FIELDS, lexicon_entry_delete, lexicon_entry_save
from .lexicon_try import sentence_tried
from .models import CriteriaVersion, LexiconEntry
from .selectors import criteria_draft, lexicon_entries_counted, lexicon_entries_listed
from .textsignals.entry_roles import PHRASE_ROLES, ROLE_NAMES, ROLES, TELLS_SERVICE
from .views import _require_admin, _require_reviewer


def _values(post) -> dict:
    values = {
        "phrase": post.get("phrase", "").strip(),
        "language": post.get("language", "").strip(),
        "category": post.get("category", "").strip(),
        "source": post.get("source", "").strip(),
        "enabled": post.get("enabled") == "on",
        "family": post.get("family", "").strip(),
        "any_language": post.get("any_language") == "on",
    }
    if "role" in post:  # a form without the field (opened before it existed) keeps both
        values["role"] = post["role"].strip()
        values["tells_service"] = post.get("tells_service") == "on"
    return values


def _choices() -> dict:
    """What the phrase form offers: languages, categories, kinds, and roles with what each
    does."""
    return {
        "languages": LexiconEntry.Language.choices,
        "categories": LexiconEntry.Category.choices,
        "families": LexiconEntry.Family.choices,
        "roles": [
            *ROLES.items(),
            *((r, f"{c.capitalize()} only. {text}") for r, (c, text) in PHRASE_ROLES.items()),
        ],
        "tells_service_hint": TELLS_SERVICE,
        "role_names": ROLE_NAMES,
    }


# Rows a page of the list shows: the whole default lexicon on one page was 3 MB of HTML.
PER_PAGE = 100


def _listing(request, version) -> dict:
    """The list's filter, one page of the entries it leaves, and the counts. The page
    links and the filter keep a sentence being tried (``try``), so it stays read."""
    form = LexiconFilterForm(request.GET, auto_id="filter-%s")
    listed = list_page(request, lexicon_entries_listed(version, **form.chosen()), per_page=PER_PAGE)
    narrowed = form.narrows()
    tried = request.GET.get("try", "")
    return {
        **listed,
        "listing": form,
        "narrowed": narrowed,
        "in_version": lexicon_entries_counted(version) if narrowed else listed["total"],
        "refused": form.refused(),
        "unfiltered_url": f"?{urlencode({'try': tried})}" if tried else request.path,
    }


# What a link back to the list keeps: its filter, its page and a sentence being tried.
LIST_KEYS = (*LexiconFilterForm.base_fields, "page", "try")


def _list_url(query) -> str:
    """The draft's list where the admin was (a removal) or showing the phrase just saved
    (among 3,000 phrases a hundred a page, it is rarely on the first): only the list's own
    keys are kept from what the form posted."""
    kept = {k: query.get(k) for k in LIST_KEYS if query.get(k)}
    url = reverse("criteria-lexicon")
    return f"{url}?{urlencode(kept)}" if kept else url


def _page(request, version, *, editable: bool, error=None, v=None, status=200):
    return render(
        request,
        "rules/lexicon.html",
        {
            "version": version,
            "editable": editable,
            **_listing(request, version),
            **_choices(),
            "tried": sentence_tried(version, request.GET.get("try", "")),
            "error": error,
            "v": v
            or {"enabled": True, "language": "en", "category": "targets_dissent", "family": ""},
        },
        status=status,
    )


@login_required
def draft_lexicon(request):
    """The draft's lexicon: the list, a form to add a phrase, and a box to try a sentence."""
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        messages.error(request, "Start a draft first.")
        return redirect("criteria-overview")
    if request.method == "POST":
        values = _values(request.POST)
        try:
            lexicon_entry_save(actor=request.user, draft=draft, values=values)
        except ApplicationError as exc:
            return _page(request, draft, editable=True, error=exc.message, v=values, status=400)
        messages.success(request, "Phrase added to the draft's lexicon.")
        return redirect(_list_url({"search": values["phrase"]}))
    return _page(request, draft, editable=True)


@login_required
def lexicon_edit(request, pk: int):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        raise Http404
    entry = get_object_or_404(draft.lexicon, pk=pk)
    error, status = None, 200
    values = {f: getattr(entry, f) for f in ENTRY_FIELDS}
    if request.method == "POST":
        values |= _values(request.POST)  # a field the form lacks is shown as saved
        try:
            lexicon_entry_save(actor=request.user, draft=draft, values=values, entry_id=pk)
            messages.success(request, "Phrase saved in the draft's lexicon.")
            return redirect(_list_url({"search": values["phrase"]}))
        except ApplicationError as exc:
            error, status = exc.message, 400
    return render(
        request,
        "rules/lexicon_form.html",
        {
            "entry": entry,
            "v": values,
            "error": error,
            **_choices(),
        },
        status=status,
    )


@login_required
@require_POST
def lexicon_delete(request, pk: int):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        raise Http404
    lexicon_entry_delete(actor=request.user, draft=draft, entry_id=pk)
    messages.info(request, "Phrase removed from the draft's lexicon.")
    return redirect(_list_url(QueryDict(request.POST.get("back", ""))))


@login_required
def version_lexicon(request, number: int):
    _require_reviewer(request.user)
    version = get_object_or_404(CriteriaVersion, number=number)
    return _page(request, version, editable=False)
