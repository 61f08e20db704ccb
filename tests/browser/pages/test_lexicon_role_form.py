"""An admin reads and sets a benign phrase's role in the lexicon editor, in a browser: the
form says what each role cancels, the choice is saved and shown in the list, and the form
fits a phone."""

from __future__ import annotations

import os

import pytest

from rules import services

from .test_pages_people_use import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_sets_a_benign_phrases_role_in_the_form(open_as, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    page = open_as("ada_admin", DESKTOP)
    page.goto("/criteria/draft/lexicon/")
    form = page.locator("form.lexicon-form")
    form.locator("textarea[name=phrase]").fill("zorblat")
    form.locator("select[name=category]").select_option("benign")
    form.locator("input[name=source]").fill("A warehouse robot")
    option = form.locator("select[name=role] option", has_text="A thing named: cancels only")
    form.locator("select[name=role]").select_option(option.get_attribute("value"))
    assert form.get_by_text(
        "Tells what a security service named beside it is there for"
    ).is_visible()
    if os.environ.get("SHOT"):
        page.screenshot(path=os.environ["SHOT"], full_page=False)
    form.locator("button", has_text="Save in the draft").click()
    page.wait_for_load_state()
    row = draft.lexicon.get(phrase="zorblat")
    assert (row.role, row.tells_service) == ("thing named", False)
    # The list is paged: the admin finds the phrase with the list's filter.
    listing = page.locator("form.lexicon-filter")
    listing.get_by_label("Phrase or source contains").fill("zorblat")
    listing.get_by_label("Role").select_option(label="A thing named")
    listing.locator("button", has_text="Filter").click()
    page.wait_for_load_state()
    assert page.locator("#phrases h2").inner_text().startswith("1 of ")
    line = page.locator("tr", has=page.locator("code", has_text="zorblat"))
    assert line.locator("td").nth(3).inner_text() == "A thing named"  # in the form's words
    # Opened again, the form shows the role chosen.
    page.goto(f"/criteria/draft/lexicon/{row.pk}/")
    chosen = page.locator("select[name=role]").evaluate("s => s.value")
    assert chosen == "thing named"
    phone = open_as("ada_admin", PHONE)
    phone.goto(f"/criteria/draft/lexicon/{row.pk}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
