"""The "Try a sentence" box says which phrase read a quote (with a link to edit it in the
draft), and, for a match that read nothing, which check ruled it out: a compliance lead
tuning the lexicon sees why a sentence raised or did not raise a red flag."""

from __future__ import annotations

import ast
import inspect
import re

import pytest

from rules import lexicon_try, services
from rules.selectors import criteria_compiled, criteria_published_current
from rules.textsignals import ruled_out
from rules.textsignals.reader import read_one_sourced, read_traced
from tests.rules_engine.labelled import spread

pytestmark = pytest.mark.django_db

PAGE = "/criteria/draft/lexicon/"


def tried(client, text: str) -> str:
    return client.get(PAGE, {"try": text}).content.decode()


def add(client, phrase: str) -> None:
    body = {
        "phrase": phrase,
        "language": "en",
        "category": "tracking",
        "source": "Case 12: port unions",
        "enabled": "on",
    }
    assert client.post(PAGE, body).status_code == 302


def test_the_box_names_the_phrase_that_read_a_quote_with_a_link_to_edit_it(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    add(client, "shadow ~ stevedores")
    row = draft.lexicon.get(phrase="shadow ~ stevedores")
    page = tried(client, "They want to shadow the stevedores at the port.")
    assert "“shadow the stevedores”" in page
    assert "Read by <code>shadow ~ stevedores</code> (English, Tracking of people)" in page
    assert f'href="{PAGE}{row.pk}/"' in page


def test_a_denied_match_is_shown_with_its_phrase_and_the_denial(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    add(client, "shadow ~ stevedores")
    row = draft.lexicon.get(phrase="shadow ~ stevedores")
    page = tried(client, "We will never shadow the stevedores at the port.")
    assert "No signal." in page
    assert "Matched by a phrase, then not read as a red flag" in page
    assert "“shadow the stevedores” (Tracking of people): a denial comes before it" in page
    assert "<code>shadow ~ stevedores</code>" in page
    assert f'href="{PAGE}{row.pk}/"' in page


def test_benign_context_is_quoted_where_it_rules_a_match_out(client, admin_user):
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = tried(client, "The intelligence service, under a court warrant, will intercept calls.")
    assert (
        "“intelligence service” (Security or intelligence services): benign context bears on it: “warrant”"
        in page
    )


def test_a_reviewer_reads_the_phrases_of_a_published_version_without_edit_links(client, reviewer):
    version = criteria_published_current()
    client.force_login(reviewer)
    page = client.get(
        f"/criteria/versions/{version.number}/lexicon/",
        {"try": "We will not track protesters, but we will locate the phones of journalists."},
    ).content.decode()
    assert "Read by <code>" in page
    assert "a denial comes before it" in page
    assert "/criteria/draft/lexicon/" not in page


def test_every_check_that_rules_a_match_out_is_told_in_words():
    """A check added to the reader without words for the box would show its bare name."""
    source = inspect.getsource(ruled_out)
    returned = {
        node.value.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Return)
        and isinstance(node.value, ast.Constant)
        and node.value.value
    }
    named = {v for k, v in vars(ruled_out).items() if k.isupper() and isinstance(v, str)}
    assert len(returned) >= 11 and len(named) >= 5
    assert returned | named <= lexicon_try.WHY_NOT_READ.keys()


def test_the_box_explains_matches_ruled_out_in_many_texts_in_words():
    """Over labelled texts of every language, the trace (the reader's own loop) finds many
    matches ruled out that no phrase read, each with a reason the box tells in words."""
    lexicon = criteria_compiled(criteria_published_current()).lexicon
    ruled = 0
    for text in spread(700):
        reads = {(c, q) for c, _l, q, *_ in read_one_sourced(text, lexicon)}
        for entry, quote, why, _around in read_traced(text, lexicon):
            assert why in lexicon_try.WHY_NOT_READ
            ruled += (entry.entry.category, quote) not in reads
    assert ruled > 50


def test_a_phrase_composed_of_families_is_named_by_its_entries_not_its_words(client, admin_user):
    """A family's composed phrase is every act ~ every target: thousands of characters,
    edited as the family's entries, which the box links to (the list filtered)."""
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = tried(client, "The customer wants to track protesters after the rally.")
    assert (
        "<code>every act ~ every target of the families</code> (English, Tracking of people)"
        in page
    )
    assert '<a href="?language=en&amp;category=tracking&amp;try=The%20customer' in page
    shown = re.findall(
        r"<code>([^<]*)</code>", page.split('data-testid="tried"', 1)[1].split("</section>", 1)[0]
    )
    assert shown and max(len(c) for c in shown) <= lexicon_try.SHOWN_PHRASE + 1


def test_trying_a_sentence_keeps_the_list_filtered(client, admin_user):
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = client.get(PAGE, {"language": "fr", "category": "tracking", "try": "x"}).content.decode()
    form = page.split('class="try-text"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="language" value="fr">' in form
    assert '<input type="hidden" name="category" value="tracking">' in form
    assert 'name="try"' in form and 'type="hidden" name="try"' not in form
