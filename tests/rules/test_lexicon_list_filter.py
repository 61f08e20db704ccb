"""The lexicon page lists a version's phrases a hundred at a time, ordered by category,
language and phrase, and narrows them by language, category, role, on or off and a text
found in the phrase or its source: an admin finds a phrase among the default pack's
thousands, and the page stays small. The Try box reads on as before."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.html import escape

from rules import lexicon_services, services
from rules.models import LexiconEntry
from rules.selectors import criteria_published_current
from rules.textsignals.entry_roles import ROLE_NAMES

pytestmark = pytest.mark.django_db

DRAFT_PAGE = "/criteria/draft/lexicon/"
# The default pack names the Stingray once, in an English IMSI-catcher phrase.
STINGRAY = "sTiNgRaY"
TRACKED = "We will track the phones of protesters."
LANGUAGES = dict(LexiconEntry.Language.choices)
CATEGORIES = dict(LexiconEntry.Category.choices)


class _Listed(HTMLParser):
    """The lexicon table's rows (each a list of its cells' text), its links and the
    filter form's hidden inputs."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.hidden: dict[str, str] = {}
        self.controls: list[int] = []  # per row: how many edit links and remove buttons
        self._in_table = self._in_body = self._in_filter = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "table" and "lexicon" in classes:
            self._in_table = True
        elif tag == "tbody" and self._in_table:
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
            self.controls.append(0)
        elif tag == "td" and self._in_body:
            self._cell = []
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if self._in_body and attrs["href"].startswith("/criteria/draft/lexicon/"):
                self.controls[-1] += 1
        elif tag == "button" and self._in_body:
            self.controls[-1] += 1
        elif tag == "form" and "lexicon-filter" in classes:
            self._in_filter = True
        elif tag == "input" and self._in_filter and attrs.get("type") == "hidden":
            self.hidden[attrs["name"]] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._in_table = False
        elif tag == "form":
            self._in_filter = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def listed(response) -> _Listed:
    assert response.status_code == 200
    parser = _Listed()
    parser.feed(response.content.decode())
    return parser


def page_link(parsed: _Listed, number: int) -> str:
    return next(
        href for href in parsed.links if parse_qs(urlsplit(href).query).get("page") == [str(number)]
    )


@pytest.fixture
def published():
    return criteria_published_current()


@pytest.fixture
def page_url(published):
    return f"/criteria/versions/{published.number}/lexicon/"


@pytest.fixture
def reviewing(client, reviewer, page_url):
    client.force_login(reviewer)
    return lambda **query: client.get(page_url, query)


def test_the_whole_default_lexicon_is_counted_and_listed_on_small_pages(reviewing, published):
    total = published.lexicon.count()
    assert total > 3000
    response = reviewing()
    # It was 2 MB for a reviewer and 3.3 MB for an admin, every phrase on one page.
    assert len(response.content) < 300_000
    html = response.content.decode()
    assert f"{total:,} phrases</h2>" in html
    parsed = listed(response)
    assert len(parsed.rows) == 100
    assert f"page 1 of {-(-total // 100)}" in html


def test_the_list_reads_by_category_then_language_then_phrase(reviewing, published):
    rows = listed(reviewing()).rows
    # Categories and languages in the order the forms offer them (targeting dissent first,
    # English first), then phrases as the database sorts text.
    expected = [
        e.phrase
        for code in LANGUAGES
        for e in published.lexicon.filter(language=code, category="targets_dissent").order_by(
            "phrase"
        )
    ][:100]
    assert {r[1] for r in rows} == {"Targets dissent"}
    assert [r[4] for r in rows] == expected
    # Within a category, a language's phrases follow another's whole.
    rows = listed(reviewing(category="censorship", page="3")).rows
    order = list(LANGUAGES.values())
    ranks = [order.index(r[0].split(" (")[0]) for r in rows]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1


def test_a_language_shows_only_its_phrases_with_their_count(reviewing, published):
    response = reviewing(language="fr")
    count = published.lexicon.filter(language="fr").count()
    assert f"{count} of {published.lexicon.count():,} phrases</h2>" in response.content.decode()
    rows = listed(response).rows
    assert rows and {r[0] for r in rows} == {"French"}


def test_a_category_shows_only_its_phrases(reviewing, published):
    response = reviewing(category="censorship")
    count = published.lexicon.filter(category="censorship").count()
    assert f"{count} of " in response.content.decode()
    assert {r[1] for r in listed(response).rows} == {CATEGORIES["censorship"]}


def test_a_role_shows_only_benign_context_of_that_role(reviewing, published):
    rows = listed(reviewing(role="calls")).rows
    assert len(rows) == published.lexicon.filter(role="calls").count() > 0
    assert {r[3] for r in rows} <= {
        ROLE_NAMES["calls"],
        f"{ROLE_NAMES['calls']}; tells a service apart",
    }
    # Plain is benign context with no role, not every other category's phrase.
    response = reviewing(role="plain")
    plain = published.lexicon.filter(category="benign", role="").count()
    assert f"{plain} of " in response.content.decode()
    assert {r[1] for r in listed(response).rows} == {CATEGORIES["benign"]}


def test_a_search_finds_a_phrase_or_a_source_whatever_the_case(reviewing):
    rows = listed(reviewing(search=STINGRAY)).rows
    assert len(rows) == 1
    language, category, _kind, _role, phrase, _source, _on = rows[0]
    assert (language.split(" (")[0], category) == ("English", "Tracking of people")
    assert "stingray" in phrase
    # in the source too: the three IMSI-catcher phrases cite cell-site simulators
    rows = listed(reviewing(search="CELL-SITE Simulators")).rows
    assert len(rows) == 3
    assert {r[0].split(" (")[0] for r in rows} == {"English", "Russian", "Chinese"}
    assert all("cell-site simulators" in r[5] for r in rows)
    assert "No phrase matches this filter." in reviewing(search="zqxj nothing").content.decode()


def test_filters_combine(reviewing, published):
    response = reviewing(language="es", category="tracking", search="geo")
    rows = listed(response).rows
    expected = published.lexicon.filter(
        language="es", category="tracking", phrase__icontains="geo"
    ) | published.lexicon.filter(language="es", category="tracking", source__icontains="geo")
    assert len(rows) == expected.distinct().count() > 0
    assert {(r[0], r[1]) for r in rows} == {("Spanish", "Tracking of people")}
    assert all("geo" in (r[4] + r[5]).lower() for r in rows)


def test_a_second_page_shows_other_rows_and_keeps_the_filter(reviewing, client, page_url):
    first = listed(reviewing(language="fr"))
    link = page_link(first, 2)
    assert parse_qs(urlsplit(link).query)["language"] == ["fr"]
    second = listed(client.get(f"{page_url}{link}"))
    assert second.rows and {r[0] for r in second.rows} == {"French"}
    assert not {r[4] for r in first.rows} & {r[4] for r in second.rows}


@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999", "1e3", "²"])
def test_a_page_number_out_of_range_or_not_a_number_shows_a_page(reviewing, published, page):
    response = reviewing(page=page)
    assert listed(response).rows
    last = -(-published.lexicon.count() // 100)
    shown = 1 if page in ("abc", "1e3", "²") else last  # Paginator.get_page's choice
    assert f"page {shown} of {last}" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ({"language": "xx"}, "Language"),
        ({"enabled": "maybe"}, "On"),
        ({"role": "bystander"}, "Role"),
    ],
)
def test_a_filter_value_not_offered_is_named_and_narrows_nothing(
    reviewing, published, query, refused
):
    response = reviewing(**query, category="detention")
    html = response.content.decode()
    assert f"{refused}: Select a valid choice." in html
    assert "The list is not narrowed by it." in html
    # the valid part of the filter still applies
    count = published.lexicon.filter(category="detention").count()
    assert f"{count} of " in html
    assert {r[1] for r in listed(response).rows} == {CATEGORIES["detention"]}


def test_the_try_box_reads_a_sentence_with_a_filter_applied(reviewing):
    response = reviewing(category="censorship", **{"try": TRACKED})
    html = response.content.decode()
    assert "Tracking of people</strong>" in html  # the sentence is read by the whole lexicon
    parsed = listed(response)
    assert {r[1] for r in parsed.rows} == {CATEGORIES["censorship"]}
    # Filtering again or turning the page keeps the sentence read.
    assert parsed.hidden == {"try": TRACKED}
    assert parse_qs(urlsplit(page_link(parsed, 2)).query)["try"] == [TRACKED]
    assert (
        "Tracking of people</strong>"
        in reviewing(category="censorship", page="2", **{"try": TRACKED}).content.decode()
    )


def test_a_reviewer_sees_no_edit_controls_and_an_admin_edits_the_rows_found(
    client, reviewing, admin_user
):
    found = listed(reviewing(search=STINGRAY))
    assert len(found.rows) == 1 and found.controls == [0]
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    found = listed(client.get(DRAFT_PAGE, {"search": STINGRAY}))
    assert len(found.rows) == 1 and found.controls == [2]  # Edit and Remove
    row = draft.lexicon.get(phrase__icontains="stingray")
    assert (
        f'action="/criteria/draft/lexicon/{row.pk}/delete/"'
        in client.get(DRAFT_PAGE, {"search": STINGRAY}).content.decode()
    )


def test_a_phrase_switched_off_is_found_by_the_on_filter(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    row = draft.lexicon.get(phrase__icontains="stingray")
    lexicon_services.lexicon_entry_save(
        actor=admin_user, draft=draft, values={"enabled": False}, entry_id=row.pk
    )
    client.force_login(admin_user)
    off = listed(client.get(DRAFT_PAGE, {"enabled": "off"}))
    assert [r[4] for r in off.rows] == [row.phrase]
    assert off.rows[0][6] == "no"
    on = client.get(DRAFT_PAGE, {"enabled": "on", "search": STINGRAY}).content.decode()
    assert "No phrase matches this filter." in on
    assert escape(row.phrase) not in on.split("<tbody>")[1]


def test_an_admin_lands_on_the_phrase_saved_and_back_where_a_removal_was(client, admin_user):
    """Found when the list was paged: after adding or editing a phrase the admin landed on
    page 1 of 3,000 phrases, where the phrase saved rarely is, and a removal lost the filter."""
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    body = {
        "phrase": "zorblat ~ dockers",
        "language": "en",
        "category": "tracking",
        "source": "Case 12",
        "enabled": "on",
    }
    added = client.post(DRAFT_PAGE, body)
    assert added.status_code == 302
    assert parse_qs(urlsplit(added.url).query) == {"search": ["zorblat ~ dockers"]}
    landed = client.get(added.url).content.decode()
    assert "zorblat ~ dockers" in landed and "1 of " in landed
    row = draft.lexicon.get(phrase="zorblat ~ dockers")
    edited = client.post(f"{DRAFT_PAGE}{row.pk}/", {**body, "phrase": "zorblat ~ stevedores"})
    assert parse_qs(urlsplit(edited.url).query) == {"search": ["zorblat ~ stevedores"]}
    other = draft.lexicon.filter(language="fr", category="censorship").first()
    removed = client.post(
        f"{DRAFT_PAGE}{other.pk}/delete/",
        {"back": "language=fr&category=censorship&page=2&evil=1"},
    )
    assert removed.status_code == 302
    assert parse_qs(urlsplit(removed.url).query) == {
        "language": ["fr"],
        "category": ["censorship"],
        "page": ["2"],
    }
    assert urlsplit(removed.url).path == DRAFT_PAGE
    page = client.get(DRAFT_PAGE, {"language": "fr", "category": "censorship"}).content.decode()
    assert 'name="back" value="language=fr&amp;category=censorship"' in page
    # a phrase of many alternatives, longer than a search box's usual 200 characters
    long = "zorblat|" + "|".join(f"quay{'x' * n}" for n in range(1, 20)) + " ~ dockers"
    assert len(long) > 200
    landed = client.get(client.post(DRAFT_PAGE, {**body, "phrase": long}).url).content.decode()
    assert "at most" not in landed and "1 of " in landed
