"""Compliance staff's pages at desktop and phone width: menu entries wrap whole, and on a
390 px phone the queue's bulk assignment and the wide tables (partners, re-screenings)
stay within the screen instead of widening the whole page."""

from __future__ import annotations

import pytest

from accounts.models import User
from tests.factories import UserFactory

from .test_pages_people_use import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewers_menu_entries_never_break_inside_their_label(open_as, reviewer, make_deal):
    reviewer.first_name, reviewer.last_name = "Roberta", "Reyes-Villanueva"
    reviewer.save()
    make_deal("high")
    page = open_as("rob_reviewer", DESKTOP)
    page.goto("/reviews/")
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#main-nav a')).lineHeight)"
    )
    for link in page.locator("#main-nav a").all():
        box = link.bounding_box()
        assert box["height"] < 1.5 * line, (link.inner_text(), box)  # one line each


def test_the_staff_lists_fit_a_phone(open_as, admin_user, reviewer, reseller_a, make_deal):
    UserFactory(
        username="long_named_reviewer",
        first_name="Maximiliane-Theodora",
        last_name="von Hohenberg-Schwarzenfeld",
        role=User.Role.SENIOR_REVIEWER,
        organisation=admin_user.organisation,
    )
    alpha = [{"name": reseller_a.name, "role": "reseller", "country": "DE"}]
    make_deal("medium", channel=alpha)
    page = open_as("ada_admin", PHONE)
    for url in ("/reviews/", "/partners/", "/monitoring/"):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (url, width)
    page.goto("/reviews/")
    box = page.locator("form.bulk-assign select").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box


def test_the_column_mapping_is_readable_on_a_phone(open_as, partner_a, catalogue):
    page = open_as("paula_partner_a", PHONE)
    page.goto("/imports/")
    page.set_input_files(
        "input[name=file]",
        files=[
            {
                "name": "own-headers.csv",
                "mimeType": "text/csv",
                "buffer": b"Deal,Customer Name,Land,Amount\nX-1,Acme,DE,100\n",
            }
        ],
    )
    page.click("text=Upload and map columns")
    page.wait_for_selector("#mapping")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for select in page.locator("#mapping select").all()[:5]:
        box = select.bounding_box()
        # wide enough to read "(not in my file)" or a header, and on the screen
        assert box["width"] >= 150 and box["x"] + box["width"] <= PHONE["width"], box
