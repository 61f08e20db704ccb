"""Pages read in words: a sales rep or partner never sees a vocabulary code, a field path
of the rules engine or a Python literal.

Every page a rep or a partner can reach from the home page (following the links of each
page, in the world of the persona matrix: a flagged deal with questions, a decided deal
with a condition, an import) is fetched and its visible text checked.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest

from accounts.models import User
from rules.engine.fields import FIELDS

pytestmark = pytest.mark.django_db

SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
PYTHON_LITERALS = re.compile(r"\[['\"]|['\"]\]|\bTrue\b|\bFalse\b|\bNone\b")
DOTTED_PATHS = sorted((p for p in FIELDS if "." in p), key=len, reverse=True)
# Never followed: downloads, actions and the API (not pages).
SKIP = re.compile(r"^/(api/|admin/|logout|static/|media/)|\.(csv|xlsx|json)$|/attachment/")


class _VisibleText(HTMLParser):
    """The text a reader sees (not scripts, styles or attribute values) and the links."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden_tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        # a file format's column names and codes (and the headers of the reader's own
        # file) are what one types into the file: there, codes are the words
        file_format = "file-format" in (dict(attrs).get("class") or "")
        void = tag in ("br", "hr", "img", "input", "link", "meta", "source", "wbr")
        if not void and (
            tag in ("script", "style", "template") or file_format or self._hidden_tags
        ):
            self._hidden_tags.append(tag)
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/"):
                self.links.append(urldefrag(href)[0])

    def handle_endtag(self, tag):
        if tag in self._hidden_tags:
            while self._hidden_tags and self._hidden_tags.pop() != tag:
                pass

    def handle_data(self, data):
        if not self._hidden_tags:
            self.parts.append(data)


def _crawl(client, start: str = "/", limit: int = 80) -> dict[str, str]:
    seen: dict[str, str] = {}
    todo = [start]
    while todo and len(seen) < limit:
        url = todo.pop(0)
        if url in seen or SKIP.search(urlparse(url).path):
            continue
        response = client.get(url, follow=True)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            seen[url] = ""
            continue
        parser = _VisibleText()
        parser.feed(response.content.decode())
        seen[url] = " ".join(parser.parts)
        # one page of each list is enough: query strings vary filters, not the words
        todo.extend(link for link in parser.links if link not in seen and "?" not in link)
    return seen


def _codes_in(text: str, usernames: frozenset[str] = frozenset()) -> list[str]:
    found = [w for w in SNAKE_CASE.findall(text) if w not in usernames]
    found += PYTHON_LITERALS.findall(text)
    found += [p for p in DOTTED_PATHS if p in text]
    return found


@pytest.mark.parametrize("persona", ["sales_rep", "partner_a"])
def test_no_page_a_rep_or_partner_reaches_shows_a_code(persona, world, personas, client):
    client.force_login(personas[persona])
    pages = _crawl(client)
    assert len([t for t in pages.values() if t]) >= 5, f"too few pages reached: {list(pages)}"
    deal_page = f"/deals/{world['deal'].pk}/"
    assert deal_page in pages, "the crawl must reach the flagged deal"
    # a sign-in name is the user's own choice of word, not a code
    usernames = frozenset(User.objects.values_list("username", flat=True))
    problems = {url: sorted(set(_codes_in(text, usernames))) for url, text in pages.items()}
    problems = {url: codes for url, codes in problems.items() if codes}
    assert not problems, f"codes in the text a {persona} reads: {problems}"


def test_the_check_catches_codes_paths_and_literals():
    assert _codes_in("End user type: state_telecom") == ["state_telecom"]
    assert _codes_in("['deep_packet_inspection']")
    assert _codes_in("end_user.type = police")
    assert _codes_in("Customization: True")
    assert not _codes_in("End user type: State-owned telecom operator · 250,000 US dollars")
