"""The lexicon list's filter (GET): what an admin or reviewer narrows a version's
text-signal lexicon by. The query itself is ``selectors.lexicon_entries_listed``."""

from __future__ import annotations

from django import forms

from .models import LexiconEntry
from .textsignals.entry_roles import ROLE_NAMES
from .textsignals.lexicon import MAX_PHRASE

# Plain benign context is role "", which a select cannot tell from "any role".
PLAIN = "plain"
SWITCHED = {"on": True, "off": False}


class LexiconFilterForm(forms.Form):
    search = forms.CharField(
        required=False,
        max_length=MAX_PHRASE,  # a phrase saved is searched by its words
        label="Phrase or source contains",
        widget=forms.SearchInput,
    )
    language = forms.ChoiceField(
        required=False, choices=[("", "Any language"), *LexiconEntry.Language.choices]
    )
    category = forms.ChoiceField(
        required=False, choices=[("", "Any category"), *LexiconEntry.Category.choices]
    )
    role = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Any role"),
            *((role or PLAIN, name) for role, name in ROLE_NAMES.items()),
        ],
    )
    enabled = forms.ChoiceField(
        required=False, label="On", choices=[("", "On or off"), ("on", "On"), ("off", "Off")]
    )

    def chosen(self) -> dict:
        """The narrowing the valid fields ask for (``lexicon_entries_listed``'s keywords): a
        refused value narrows nothing, and the form says so beside it."""
        self.is_valid()
        data = self.cleaned_data
        role = data.get("role", "")
        return {
            "search": data.get("search", ""),
            "language": data.get("language", ""),
            "category": data.get("category", ""),
            "role": "" if role == PLAIN else (role or None),
            "enabled": SWITCHED.get(data.get("enabled", "")),
        }

    def narrows(self) -> bool:
        self.is_valid()
        return any(self.cleaned_data.get(name) for name in self.fields)

    def refused(self) -> dict[str, str]:
        """Each refused field's message by its name, shown beside the field."""
        return {
            name: f"{self[name].label}: {' '.join(messages)} The list is not narrowed by it."
            for name, messages in self.errors.items()
        }
