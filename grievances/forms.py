"""The public report form (translatable, with its abuse checks) and the triage forms."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taxonomy.countries import country_choices

STARTED_SALT = "grievances.form-started"


def started_token() -> str:
    """A signed 'form shown at' stamp: a bot posting at once is refused (minimum fill time)."""
    return signing.TimestampSigner(salt=STARTED_SALT).sign("report-form")


def filled_too_fast(token: str) -> bool:
    """True when the form came back sooner than GRIEVANCE_MIN_FILL_SECONDS after it was
    shown, or with a stamp that is missing, forged or older than a day."""
    signer = signing.TimestampSigner(salt=STARTED_SALT)
    try:
        signer.unsign(token or "", max_age=86400)
    except signing.BadSignature:
        return True
    try:
        signer.unsign(token, max_age=settings.GRIEVANCE_MIN_FILL_SECONDS)
    except signing.SignatureExpired:
        return False  # older than the minimum: a person took their time
    return True


@cache
def localised_countries(language: str) -> list[tuple[str, str]]:
    """Country names in the reporter's language (pycountry's ISO 3166 translations),
    sorted in that language; English when it has none."""
    try:
        names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return country_choices()
    return sorted(
        ((code, names.gettext(name)) for code, name in country_choices()),
        key=lambda row: row[1].casefold(),
    )


class ReportForm(forms.Form):
    what = forms.CharField(
        label=_("What happened?"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Describe how the technology was used and who was harmed, as far as you know."),
    )
    where_country = forms.ChoiceField(label=_("Country"), required=False)
    where_place = forms.CharField(
        label=_("Place (city, region, facility)"), max_length=200, required=False
    )
    about_organisation = forms.CharField(
        label=_("Which organisation? (the user of the technology, a seller, an installer)"),
        max_length=300,
        required=False,
    )
    about_product = forms.CharField(
        label=_("Which product or system?"), max_length=300, required=False
    )
    attachment = forms.FileField(
        label=_("Evidence (PDF, PNG or JPG, up to 5 MB)"),
        required=False,
    )
    anonymous = forms.BooleanField(
        label=_("Stay anonymous (we will not ask who you are)"), required=False, initial=True
    )
    reporter_name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    reporter_contact = forms.CharField(
        label=_("How to reach you safely (optional)"), max_length=300, required=False
    )
    # Honeypot: hidden from people by the stylesheet; a bot filling every field fills it.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = (get_language() or "en").split("-")[0]
        self.fields["where_country"].choices = [("", "—"), *localised_countries(language)]


class FollowUpForm(forms.Form):
    receipt = forms.CharField(label=_("Receipt code"), max_length=64)


class AddInformationForm(forms.Form):
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=64)
    body = forms.CharField(
        label=_("More information"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    attachment = forms.FileField(label=_("Evidence (PDF, PNG or JPG, up to 5 MB)"), required=False)


class AnswerForm(forms.Form):
    body = forms.CharField(max_length=10000, widget=forms.Textarea)


class OutcomeForm(forms.Form):
    outcome = forms.CharField(max_length=20)
    note = forms.CharField(max_length=5000, widget=forms.Textarea)
