"""The draft page and the publish confirmation say what the draft changes in how deals are
read (the text-signal lexicon and the learned cues), not only in how they are scored.

Found by a new compliance lead's review: with two phrases added and the cues' threshold
moved, both pages said "The draft changes no criterion of version 1", and the admin who
confirmed the publication saw no change at all.
"""

from __future__ import annotations

import pytest

from rules import cue_services, lexicon_services, services
from rules.version_diff import SHOWN

pytestmark = pytest.mark.django_db

PAGES = ("/criteria/draft/", "/criteria/draft/publish/confirm/")


def _phrase(admin, draft, phrase: str, **values) -> None:
    lexicon_services.lexicon_entry_save(
        actor=admin,
        draft=draft,
        values={
            "phrase": phrase,
            "language": "en",
            "category": "targets_dissent",
            "source": "Case 12",
            **values,
        },
    )


def _pages(client, admin) -> list[str]:
    client.force_login(admin)
    return [client.get(url).content.decode() for url in PAGES]


def test_phrases_added_and_the_cue_threshold_moved_are_shown_before_publishing(admin_user, client):
    draft = services.criteria_draft_start(actor=admin_user)
    _phrase(admin_user, draft, "trace ~ stevedores")
    _phrase(admin_user, draft, "shadow ~ dockers", category="tracking")
    cue_services.learned_cues_threshold_set(actor=admin_user, draft=draft, threshold=-1.0)
    for page in _pages(client, admin_user):
        assert "changes no criterion" not in page and "changes nothing" not in page
        assert "No criterion changed." in page
        assert "2 phrases added, 0 removed, 0 changed" in page
        assert "“trace ~ stevedores” (English, Targets dissent)" in page
        assert "“shadow ~ dockers” (English, Tracking of people)" in page
        assert "Score a sentence needs to raise its category: 0.00 → −1.00." in page


def test_a_phrase_changed_removed_or_switched_off_is_shown_field_by_field(admin_user, client):
    draft = services.criteria_draft_start(actor=admin_user)
    first, second = draft.lexicon.filter(language="en", family="", category="tracking")[:2]
    lexicon_services.lexicon_entry_save(
        actor=admin_user,
        draft=draft,
        entry_id=first.pk,
        values={
            "phrase": first.phrase,
            "language": "en",
            "category": "censorship",
            "source": "Moved after case 14",
            "role": first.role,
        },
    )
    lexicon_services.lexicon_entry_delete(actor=admin_user, draft=draft, entry_id=second.pk)
    for page in _pages(client, admin_user):
        assert "0 phrases added, 1 removed, 1 changed" in page
        assert f"“{second.phrase}” (English, Tracking of people)" in page
        assert f"“{first.phrase}” (English, Censorship and blocking)" in page
        assert "<del>Tracking of people</del>" in page
        assert "<ins>Censorship and blocking</ins>" in page
        assert "<ins>Moved after case 14</ins>" in page


def test_cue_words_and_languages_switched_and_the_whole_text_bound_are_shown(admin_user, client):
    draft = services.criteria_draft_start(actor=admin_user)
    word = next(iter(draft.learned_cues.data["languages"]["en"]["weights"]["tracking"]))
    cue_services.learned_cue_switch(
        actor=admin_user, draft=draft, language="en", word=word, on=False
    )
    cue_services.learned_cues_language_switch(
        actor=admin_user, draft=draft, language="ar", on=False
    )
    cue_services.learned_cues_whole_text_set(actor=admin_user, draft=draft, above=None)
    for page in _pages(client, admin_user):
        assert "No phrase changed." in page
        assert f"Cue word “{word.replace('+', ' + ')}” (English) switched off." in page
        assert "Learned cues in Arabic: read → not read." in page
        assert "Weight from which a whole text is raised as a dangerous deal: 2.00 → off." in page
        assert "fitted again" not in page


def test_cues_removed_and_a_draft_changing_nothing_say_so(admin_user, client):
    draft = services.criteria_draft_start(actor=admin_user)
    for page in _pages(client, admin_user):
        assert "The draft changes nothing of version 1" in page
    cue_services.learned_cues_remove(actor=admin_user, draft=draft)
    for page in _pages(client, admin_user):
        assert "changes nothing" not in page
        assert "its learned cues are removed" in page


def test_a_long_list_of_phrases_is_cut_and_counted(admin_user, client):
    draft = services.criteria_draft_start(actor=admin_user)
    ids = list(draft.lexicon.filter(language="fr").values_list("pk", flat=True)[: SHOWN + 5])
    for pk in ids:
        lexicon_services.lexicon_entry_delete(actor=admin_user, draft=draft, entry_id=pk)
    page = _pages(client, admin_user)[1]
    assert f"0 phrases added, {SHOWN + 5} removed, 0 changed" in page
    assert "<li>and 5 more</li>" in page
    assert page.count("(French, ") == SHOWN
