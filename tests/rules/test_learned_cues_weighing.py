"""The whole text weighed is a criterion like any other: a new install leaves it off (every
red flag read raises), an admin switches it on with a bound, or off, in the draft
(audited, bounded), tries a text and sees what was set aside, and previews which past deals
it moves; the version in force is untouched until the draft is published. Compliance
staff see, on a deal's page, what the weighing set aside in its text."""

from __future__ import annotations

import copy
import json

import pytest

from audit.models import AuditEvent
from opportunities.models import Opportunity
from reviews.models import ReviewCase
from rules import cue_services, preview, services
from rules.engine import read_pack
from rules.engine.packs import cues_from_pack
from rules.models import PreviewRun
from rules.selectors import criteria_learned_cues, criteria_published_current
from rules.textsignals.weighing import ORDINARY_BELOW
from tests.rules.test_learned_cues_pages import _published_with, _register
from tests.rules_engine.test_text_weighing import FLEET, HIDDEN

pytestmark = pytest.mark.django_db

PAGE = "/criteria/draft/learned-cues/"
SET = "/criteria/draft/learned-cues/weighing/"


def _codes(deal: dict) -> set[str]:
    return {f["code"] for f in deal["screening"]["findings"]}


def _stored_codes(deal: dict) -> set[str]:
    """The codes of the deal's screening as stored (a rep is shown fewer)."""
    screening = Opportunity.objects.get(pk=deal["id"]).current_screening
    return {f["code"] for f in screening.findings}


def _tried(client, text: str) -> str:
    return client.get("/criteria/draft/lexicon/", {"try": text}).content.decode()


def test_a_new_install_reads_every_red_flag_and_the_preview_shows_the_weighing_on(
    admin_user, api, sales_rep, catalogue
):
    assert criteria_learned_cues(criteria_published_current())["ordinary_below"] is None
    fleet = _register(api, sales_rep, FLEET)
    assert "TXT-TRACKING" in _codes(fleet)

    draft = services.criteria_draft_start(actor=admin_user)
    cue_services.learned_cues_weighing_set(actor=admin_user, draft=draft, below=ORDINARY_BELOW)
    event = AuditEvent.objects.filter(action="criteria.learned_cues_weighing_set").get()
    assert event.changes == {"ordinary_below": ORDINARY_BELOW, "was": None}
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    assert run.status == PreviewRun.Status.DONE
    assert fleet["reference"] in {row["reference"] for row in run.result["down"]}
    # The version in force reads as before until the draft is published.
    assert criteria_learned_cues(criteria_published_current())["ordinary_below"] is None


def test_an_admin_switches_it_on_and_sees_what_a_text_had_set_aside(admin_user, client):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = client.get(PAGE).content.decode()
    assert (
        "Ordinary deals: red flags set aside when the whole text weighs as ordinary" in page
        and "<strong>Off</strong>" in page
    )
    assert f'value="{ORDINARY_BELOW:.2f}"' in page  # the bound offered: the one measured
    assert "reads as an ordinary deal" not in _tried(client, FLEET)

    r = client.post(SET, {"ordinary_below": "\u22122"}, follow=True)  # a minus sign
    assert "below -2.00, but for targeting dissent and profiling" in r.content.decode()
    assert criteria_learned_cues(draft)["ordinary_below"] == -2.0
    tried = _tried(client, FLEET)
    assert "reads as an ordinary deal" in tried and "Tracking" in tried
    # A red flag naming whom the deal harms is kept, and not listed as set aside.
    tried = _tried(client, HIDDEN)
    kept, set_aside = tried.split("reads as an ordinary deal")
    set_aside = set_aside.split("</ul>")[0]
    assert "<strong>Targets dissent</strong> (Spanish)" in kept
    assert "<strong>Tracking of people</strong>" in set_aside and "Targets dissent" not in set_aside
    r = client.post(SET, {"ordinary_below": "-1,5"}, follow=True)  # a decimal comma
    assert criteria_learned_cues(draft)["ordinary_below"] == -1.5

    r = client.post(SET, {"off": "1"}, follow=True)
    assert "no longer weighs whole texts" in r.content.decode()
    assert criteria_learned_cues(draft)["ordinary_below"] is None
    actions = AuditEvent.objects.filter(action="criteria.learned_cues_weighing_set")
    assert [e.changes["ordinary_below"] for e in actions.order_by("pk")] == [-2.0, -1.5, None]


@pytest.mark.parametrize("typed", ["", "low", "nan", "-inf", "-6", "3.5", "1e400"])
def test_a_bound_out_of_range_or_no_number_is_refused_with_the_reason(admin_user, client, typed):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    r = client.post(SET, {"ordinary_below": typed}, follow=True)
    assert "bound must be a number from -5.0 to 3.0" in r.content.decode()
    assert criteria_learned_cues(draft)["ordinary_below"] is None
    assert not AuditEvent.objects.filter(action="criteria.learned_cues_weighing_set").exists()


def test_cues_fitted_before_the_weighing_take_it_from_the_default_pack(admin_user, client):
    """A version whose cues carry no weighing reads as it did; setting a bound asks for the
    default pack's cues first, and taking them brings the weighing and its bound."""
    old = copy.deepcopy(cues_from_pack(read_pack()))
    old.pop("ordinary_below")
    for cues in old["languages"].values():
        cues.pop("weighing")
    _published_with(admin_user, old)
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    assert "fitted before whole texts were weighed" in client.get(PAGE).content.decode()
    assert "reads as an ordinary deal" not in _tried(client, FLEET)
    r = client.post(SET, {"ordinary_below": "-1"}, follow=True)
    assert "cues again first" in r.content.decode()

    client.post("/criteria/draft/learned-cues/default/")
    assert criteria_learned_cues(draft)["ordinary_below"] is None  # the default pack's: off
    client.post(SET, {"ordinary_below": "-1"})
    client.post("/criteria/draft/learned-cues/default/")  # a new fit keeps the admins' choice
    assert criteria_learned_cues(draft)["ordinary_below"] == -1.0
    taken = AuditEvent.objects.filter(action="criteria.learned_cues_taken").order_by("pk")
    assert [e.changes["ordinary_below"] for e in taken] == [None, -1.0]


def test_only_an_admin_sets_it_and_only_in_a_draft(admin_user, reviewer, client):
    version = criteria_published_current()
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(reviewer)
    assert client.post(SET, {"ordinary_below": "-2"}).status_code == 403
    assert criteria_learned_cues(draft)["ordinary_below"] is None
    page = client.get(f"/criteria/versions/{version.number}/learned-cues/").content.decode()
    assert "<strong>Off</strong>" in page and 'name="ordinary_below"' not in page
    with pytest.raises(Exception, match="never change"):
        cue_services.learned_cues_weighing_set(actor=admin_user, draft=version, below=None)


def test_the_reviewer_sees_what_the_weighing_set_aside_and_the_rep_does_not(
    admin_user, api, client, sales_rep, reviewer, catalogue
):
    """With the weighing on, a red flag set aside raises nothing, but compliance staff see
    it quoted with its field on the deal's and the case's pages; the rep who wrote the
    deal is not told what was read and set aside."""
    pack = read_pack()  # the default criteria, with the weighing switched on
    pack["learned_cues"]["ordinary_below"] = ORDINARY_BELOW
    services.criteria_pack_import(actor=admin_user, pack=pack, publish=True)
    deal = _register(api, sales_rep, HIDDEN)
    codes = _stored_codes(deal)
    assert "TXT-TRACKING" not in codes  # set aside: the text weighs as ordinary
    assert "TXT-TARGETING-DISSENT" in codes  # kept: it names whom it harms
    quote = "rastrear a los periodistas"

    client.force_login(reviewer)
    case = ReviewCase.objects.get(opportunity_id=deal["id"])
    for url in (f"/deals/{deal['id']}/", f"/reviews/cases/{case.pk}/"):
        page = client.get(url).content.decode()
        assert 'data-testid="text-set-aside"' in page, url
        shown = page.split('data-testid="text-set-aside"')[1].split("</div>")[0]
        assert "<strong>Tracking of people</strong>: Use description (Spanish)" in shown, url
        assert f"“{quote}”" in shown and "below -2.00" in shown, url
        assert "Targets dissent" not in shown, url

    client.force_login(sales_rep)
    page = client.get(f"/deals/{deal['id']}/").content.decode()
    assert "text-set-aside" not in page and "set aside" not in page
    body = api.as_user(sales_rep).get(f"/api/v1/opportunities/{deal['id']}/").json()
    assert "set_aside" not in json.dumps(body)


def test_with_the_weighing_off_nothing_is_listed_as_set_aside(
    admin_user, api, client, sales_rep, reviewer, catalogue
):
    deal = _register(api, sales_rep, HIDDEN)
    assert {"TXT-TRACKING", "TXT-TARGETING-DISSENT"} <= _stored_codes(deal)
    client.force_login(reviewer)
    assert "text-set-aside" not in client.get(f"/deals/{deal['id']}/").content.decode()


def test_a_deal_cleared_with_its_red_flags_set_aside_says_no_review_was_opened(
    admin_user, api, client, sales_rep, reviewer, catalogue
):
    """Found by a new compliance lead's review: with the weighing on, a deal whose red flags
    were all set aside was cleared with no case, while its page told the reviewer to "read
    them before you decide" (no decision was pending)."""
    pack = read_pack()
    pack["learned_cues"]["ordinary_below"] = ORDINARY_BELOW
    services.criteria_pack_import(actor=admin_user, pack=pack, publish=True)
    deal = _register(api, sales_rep, FLEET)
    assert Opportunity.objects.get(pk=deal["id"]).status == "cleared"
    assert not ReviewCase.objects.filter(opportunity_id=deal["id"]).exists()
    client.force_login(reviewer)
    page = client.get(f"/deals/{deal['id']}/").content.decode()
    shown = page.split('data-testid="text-set-aside"')[1].split("</div>")[0]
    assert "The deal was cleared with no review case." in shown
    assert "before you decide" not in shown
