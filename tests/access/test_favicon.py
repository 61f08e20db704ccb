"""Every browser asks for the site's icon: each page links one, and /favicon.ico (asked
for whatever the page links) leads to it instead of a 404 in every page's log."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_pages_link_the_icon_and_favicon_ico_leads_to_it(client, sales_rep):
    client.force_login(sales_rep)
    page = client.get("/deals/").content.decode()
    link = re.search(r'<link rel="icon" href="([^"]+)"', page)
    assert link, "no icon linked"
    href = link.group(1)
    assert href.startswith("/static/") and finders.find(href.removeprefix("/static/"))
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == href
    client.logout()
    assert client.get("/favicon.ico")["Location"] == href  # before signing in too
