"""Turning posted form fields into service arguments (the services validate the meaning)."""

from __future__ import annotations

import re

from django import forms

from .models import ReviewCase

CONDITION_ROWS = 4


def _words(required: str = "", **more: str) -> dict:
    """A field's error messages in the form's words: what to write, not "This field is
    required."."""
    return {**({"required": required} if required else {}), **more}


DATE = "Enter a date, such as 2026-12-31."


class RequestInformationForm(forms.Form):
    questions = forms.CharField(
        max_length=5000,
        widget=forms.Textarea,
        error_messages=_words(
            "Write the questions you need answered.",
            max_length="Keep the questions under 5,000 characters.",
        ),
    )
    addressed_to = forms.IntegerField(
        required=False, error_messages=_words(invalid="Choose the rep or a partner user.")
    )
    due_date = forms.DateField(required=False, error_messages=_words(invalid=DATE))


ANSWER_MAX_LENGTH = 10000


class AnswerForm(forms.Form):
    answer = forms.CharField(max_length=ANSWER_MAX_LENGTH, widget=forms.Textarea)
    attachment = forms.FileField(required=False)


class RecommendForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=ReviewCase.Outcome.choices,
        error_messages=_words("Choose an outcome.", invalid_choice="Choose one of the outcomes."),
    )
    reasons = forms.CharField(
        max_length=10000,
        widget=forms.Textarea,
        error_messages=_words(
            "Give the reasons for your recommendation.",
            max_length="Keep the reasons under 10,000 characters.",
        ),
    )


def _reason(required: str) -> forms.CharField:
    return forms.CharField(
        max_length=5000,
        widget=forms.Textarea,
        error_messages=_words(required, max_length="Keep it under 5,000 characters."),
    )


class SendBackForm(forms.Form):
    reason = _reason("Say what needs another look.")


class EscalateForm(forms.Form):
    reason = _reason("Say why the case goes up a level.")


class ClearHardStopForm(forms.Form):
    note = _reason("Say why the hard stop is cleared.")


def form_errors(form: forms.Form) -> dict[str, str]:
    """{field name: its first error} of a bound, invalid form."""
    return {name: str(errors[0]) for name, errors in form.errors.items()}


def decision_from_post(post) -> dict:
    """The decide form's fields: outcome, reasons, feedback, and up to CONDITION_ROWS
    condition rows (cond-N-mitigation / -owner / -due_date / -details)."""
    conditions = []
    for i in range(CONDITION_ROWS):
        code = (post.get(f"cond-{i}-mitigation") or "").strip()
        if not code:
            continue
        conditions.append(
            {
                "mitigation": code,
                "owner": (post.get(f"cond-{i}-owner") or "").strip(),
                "due_date": (post.get(f"cond-{i}-due_date") or "").strip() or None,
                "details": (post.get(f"cond-{i}-details") or "").strip(),
            }
        )
    return {
        "outcome": (post.get("outcome") or "").strip(),
        "reasons": post.get("reasons") or "",
        "feedback": post.get("feedback") or "",
        "conditions": conditions,
        "precedent_reason": post.get("precedent_reason") or "",
    }


class EscalationPolicyForm(forms.Form):
    target_business_days = forms.IntegerField(min_value=0, max_value=365, required=False)
    start_level = forms.IntegerField(min_value=1, max_value=3)
    level_business_days = forms.IntegerField(min_value=0, max_value=365, required=False)


def decision_errors_for_form(errors: dict, post) -> dict:
    """The decision's errors by the decide form's field names: "conditions[1].owner" is
    the owner of the second row that names a mitigation (blank rows are not sent), and
    an error of the conditions as a whole goes to the first row's mitigation."""
    rows = [i for i in range(CONDITION_ROWS) if (post.get(f"cond-{i}-mitigation") or "").strip()]
    out = {}
    for path, message in (errors or {}).items():
        match = re.fullmatch(r"conditions\[(\d+)\]\.(\w+)", path)
        if match and int(match.group(1)) < len(rows):
            out[f"cond-{rows[int(match.group(1))]}-{match.group(2)}"] = str(message)
        elif path == "conditions":
            out["cond-0-mitigation"] = str(message)
        else:
            out[path] = str(message)
    return out
