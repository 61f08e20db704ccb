"""Done when: the deal form and the deal page render in French. No text of the main
content is left in English (every text node is checked against the project catalogue's
English strings), money and dates follow the locale, and Arabic pages read right to left."""

from __future__ import annotations

import gettext
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from lifecycle.services import opportunity_register
from opportunities.models import Opportunity
from tests.factories import deal_body

pytestmark = pytest.mark.django_db
FRENCH = {"HTTP_ACCEPT_LANGUAGE": "fr"}


def english_strings() -> set[str]:
    """The English texts the project translates to French (and that French changes)."""
    path = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)._catalog
    out = set()
    for key, french in catalogue.items():
        english = key[0] if isinstance(key, tuple) else key
        english = english.split("\x04")[-1]  # drop a message context
        if english and english != french and "%(" not in english:
            out.add(english)
    return out


class _Text(HTMLParser):
    """The text nodes and attribute texts inside <main> (and the header)."""

    def __init__(self):
        super().__init__()
        self.depth, self.texts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in ("main", "header"):
            self.depth += 1
        if self.depth:
            self.texts += [v for k, v in attrs if k in ("title", "placeholder", "aria-label") and v]

    def handle_endtag(self, tag):
        if tag in ("main", "header"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts += [t.strip(" ·:()?") for t in re.split(r"[\n·]", data) if t.strip(" ·:()?")]


def english_left(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    english = english_strings() | {s.rstrip(".") for s in english_strings()}
    return sorted({t for t in parser.texts if t in english})


@pytest.fixture
def deal(partner_a, catalogue):
    body = deal_body(
        title="Caméras pour le port",
        value={"amount": "1234567.50", "currency": "EUR"},
        expected_close_date="2026-12-31",
        channel=[{"name": partner_a.organisation.name, "role": "reseller", "country": "DE"}],
    )
    return opportunity_register(actor=partner_a, data=body).opportunity


def test_the_deal_form_renders_in_french(client, partner_a):
    client.force_login(partner_a)
    page = client.get("/deals/new/", **FRENCH)
    html = page.content.decode()
    assert page.status_code == 200 and '<html lang="fr" dir="ltr">' in html
    for french in (
        "Enregistrer une affaire",
        "Client final",
        "Chaîne de distribution",
        "Usage prévu",
        "Enregistrer et évaluer",
        "Ajouter un produit",
        "Service de renseignement / de sûreté de l'État",
        "Revendeur",
    ):
        assert french in html.replace("&#x27;", "'"), french
    assert "Allemagne" in html and "Émirats arabes unis" in html  # country names in French
    assert english_left(html) == []


def test_the_new_rows_of_the_form_come_in_french_too(client, partner_a, catalogue):
    client.force_login(partner_a)
    row = client.get("/deals/new/line-row/?i=5", HTTP_HX_REQUEST="true", **FRENCH).content.decode()
    assert "Produit du catalogue" in row and "Quantité" in row
    assert "Catalogue product" not in row


def test_the_deal_page_renders_in_french_with_french_money_and_dates(client, partner_a, deal):
    client.force_login(partner_a)
    html = client.get(f"/deals/{deal.pk}/", **FRENCH).content.decode()
    assert (
        "L'affaire" in html.replace("&#x27;", "'")
        and "Client final" in html
        and "Évaluation" in html
    )
    assert "1\u202f234\u202f567,50\u00a0€" in html  # Babel's French grouping and symbol
    assert "31 déc. 2026" in html  # the close date, in the French of every other date on the page
    assert english_left(html) == []
    # the same page in English keeps English conventions
    english = client.get(f"/deals/{deal.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "€1,234,567.50" in english and "The deal" in english
    assert "The deal" in english_left(english)  # the check above can fail


def test_the_language_switcher_keeps_the_choice(client, partner_a, deal):
    client.force_login(partner_a)
    r = client.post("/i18n/setlang/", {"language": "fr", "next": f"/deals/{deal.pk}/"})
    assert r.status_code == 302 and r["Location"] == f"/deals/{deal.pk}/"
    html = client.get(f"/deals/{deal.pk}/").content.decode()  # no Accept-Language now
    assert '<html lang="fr"' in html and "Se déconnecter" in html


def test_an_arabic_page_reads_right_to_left(client, partner_a, deal):
    client.force_login(partner_a)
    html = client.get(f"/deals/{deal.pk}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الصفقة" in html  # translated where Arabic strings exist


def test_the_sign_in_page_is_translated(client):
    html = client.get("/login/", **FRENCH).content.decode()
    assert "Se connecter" in html and "Mot de passe" in html
    assert english_left(html) == []


def test_the_api_and_stored_values_stay_in_codes(api, partner_a, deal):
    body = api.as_user(partner_a).get(f"/api/v1/opportunities/{deal.pk}/", **FRENCH).json()
    assert body["value"] == {"amount": "1234567.50", "currency": "EUR"}
    assert Opportunity.objects.get(pk=deal.pk).value_amount == Decimal("1234567.50")
    assert body["expected_close_date"] == date(2026, 12, 31).isoformat()
