"""Red flags in what the rep wrote, end to end: registered through the API, screened with
the published lexicon, shown to the reviewer as quoted evidence and to the rep in words."""

from __future__ import annotations

import json

import pytest

from audit.models import AuditEvent
from hrdd.errors import ApplicationError, Conflict
from opportunities.models import Opportunity
from rules import lexicon_services, preview, services
from rules.models import CriteriaVersion, LexiconEntry
from rules.selectors import criteria_published_current
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
PROTESTERS = "The city wants to locate the phones of protesters near the central square."
QUOTE = "Use description (English): “locate the phones of protesters”"


def register(api, user, **change):
    r = api.as_user(user).post(URL, deal_body(**change), format="json")
    assert r.status_code == 201, r.json()
    return r.json()


def test_ordinary_codes_and_a_description_about_tracking_protesters_land_high(
    api, client, sales_rep, reviewer, catalogue
):
    body = register(api, sales_rep, intended_use=["network_operations"], use_description=PROTESTERS)
    screening = body["screening"]
    assert screening["tier"] in {"high", "critical", "prohibited"}
    assert body["status"] == "on_hold"
    codes = {f["code"] for f in screening["findings"]}
    assert {"TXT-TARGETING-DISSENT", "TXT-TRACKING"} <= codes

    # The reviewer's page quotes the phrase with its field, and names the language.
    client.force_login(reviewer)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert "TXT-TARGETING-DISSENT" in page
    assert "text.targets_dissent" in page and QUOTE in page
    assert "Use description: English" in page

    # The rep reads the same words in the explanation, without the reviewers' reasoning.
    client.force_login(sales_rep)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert QUOTE in page
    assert "reads as following or locating people" in page
    assert "Reasoning and source" not in page
    assert "A/HRC/41/35" not in page


def test_a_benign_description_with_alarming_words_is_cleared(api, sales_rep, catalogue):
    body = register(
        api,
        sales_rep,
        title="Firewalls for the head office",
        use_description="Block malware sites and monitor the network for attacks; thermal "
        "cameras detect intruders in the warehouse.",
    )
    assert body["screening"]["tier"] == "low"
    assert body["status"] == "cleared"


def test_a_spanish_title_and_an_arabic_sector_are_read_and_their_languages_shown(
    api, client, sales_rep, reviewer, catalogue
):
    body = register(
        api,
        sales_rep,
        title="Bloquear los medios independientes durante la elección",
        end_customer={
            "name": "Nile Data",
            "country": "NO",
            "type": "private_enterprise",
            "sector": "المخابرات العامة",
        },
    )
    codes = {f["code"] for f in body["screening"]["findings"]}
    assert {"TXT-CENSORSHIP", "TXT-SECURITY-SERVICE-UNDECLARED"} <= codes
    opp = Opportunity.objects.get(pk=body["id"])
    snapshot = opp.current_screening.snapshot
    assert "Title: Spanish" in snapshot["text.languages"]
    assert "End customer's sector: Arabic" in snapshot["text.languages"]
    assert snapshot["text.censorship"] == ["Title (Spanish): “Bloquear los medios independientes”"]


def test_the_language_line_tells_no_language_for_names(api, client, sales_rep, reviewer, catalogue):
    """Found by a new compliance lead's review: the line read "End customer: French" for
    "Fjord Logistics AS", a name in no language; names are still read for red flags."""
    body = register(
        api,
        sales_rep,
        use_description="Switches for the warehouse network and the office floors.",
        end_customer={
            "name": "Fjord Logistics AS",
            "country": "NO",
            "type": "private_enterprise",
            "sector": "Logistics and warehousing",
        },
    )
    lines = Opportunity.objects.get(pk=body["id"]).current_screening.snapshot["text.languages"]
    assert "Use description: English" in lines
    assert "End customer's sector: English" in lines
    assert not [line for line in lines if line.startswith(("End customer:", "Product line"))]
    client.force_login(reviewer)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert "Use description: English" in page and "End customer: " not in page
    spy = register(
        api,
        sales_rep,
        end_customer={
            "name": "State Security Service",
            "country": "NO",
            "type": "private_enterprise",
        },
    )
    assert "TXT-SECURITY-SERVICE-UNDECLARED" in {f["code"] for f in spy["screening"]["findings"]}


@pytest.mark.parametrize(
    "journalists",
    ["journalists", "j.o.u.r.n.a.l.i.s.t.s"],  # the second written around the reader
    ids=["plain", "letters spaced out"],
)
def test_a_partner_answer_is_read_when_it_is_given(
    api, sales_rep, reviewer, catalogue, journalists
):
    from lifecycle.services import review_answer
    from reviews.models import ReviewCase
    from reviews.services import review_claim, review_request_information

    body = register(
        api,
        sales_rep,
        intended_use=["network_operations"],
        use_description="Video walls for a control room.",
        lines=[{"sku": "CAM-VA-1", "quantity": 5}],
        # a security service in the sector routes the deal to review (before, the codes
        # alone did not, and the test skipped every time)
        end_customer={
            "name": "Interior Ministry",
            "country": "NO",
            "type": "state_owned_enterprise",
            "sector": "state security service",
        },
    )
    opp = Opportunity.objects.get(pk=body["id"])
    case = ReviewCase.objects.get(opportunity=opp)
    assert opp.current_screening.snapshot["text.targets_dissent"] == []
    case = review_claim(case=case, actor=reviewer)
    request = review_request_information(case=case, actor=reviewer, questions="Who operates it?")
    before = opp.current_screening.tier
    review_answer(
        information_request=request,
        actor=sales_rep,
        answer=f"The interior ministry will use it to identify {journalists} at the rallies.",
    )
    opp.refresh_from_db()
    snap = opp.current_screening.snapshot
    assert snap["text.targets_dissent"] == [
        "Answer to an information request (English): “identify journalists”"
    ]
    assert opp.current_screening.tier in {"high", "critical"} and before != "prohibited"
    codes = {f["code"] for f in opp.current_screening.findings}
    assert "TXT-TARGETING-DISSENT" in codes


# -- the lexicon is part of the criteria version ------------------------------------------------


def test_the_published_default_version_carries_the_lexicon_in_every_language():
    version = criteria_published_current()
    languages = set(version.lexicon.values_list("language", flat=True))
    assert languages == {"en", "fr", "es", "pt", "ar", "ru", "zh"}


def test_an_admin_adds_a_phrase_to_the_draft_and_a_broken_one_is_refused(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    n = draft.lexicon.count()
    bad = client.post(
        "/criteria/draft/lexicon/",
        {
            "phrase": "trace ~ ~ unionists",
            "language": "en",
            "category": "targets_dissent",
            "source": "Case 12",
            "enabled": "on",
        },
    )
    assert bad.status_code == 400
    assert "empty alternative" in bad.content.decode()
    assert draft.lexicon.count() == n
    ok = client.post(
        "/criteria/draft/lexicon/",
        {
            "phrase": "trace ~ unionists",
            "language": "en",
            "category": "targets_dissent",
            "source": "Case 12: port unions",
            "enabled": "on",
        },
    )
    assert ok.status_code == 302
    assert draft.lexicon.filter(phrase="trace ~ unionists").exists()
    assert AuditEvent.objects.filter(action="criteria.lexicon_saved").exists()
    page = client.get("/criteria/draft/lexicon/", {"try": "We will trace the unionists."})
    assert "trace the unionists" in page.content.decode()
    # the same phrase twice in one language is refused
    with pytest.raises(ApplicationError, match="already in the lexicon"):
        lexicon_services.lexicon_entry_save(
            actor=admin_user,
            draft=draft,
            values={
                "phrase": "Trace ~ Unionists",
                "language": "en",
                "category": "tracking",
                "source": "x",
            },
        )


def test_a_published_lexicon_never_changes(admin_user):
    version = criteria_published_current()
    with pytest.raises(Conflict):
        lexicon_services.lexicon_entry_save(
            actor=admin_user,
            draft=version,
            values={"phrase": "x ~ y", "language": "en", "category": "tracking", "source": "s"},
        )


def test_a_reviewer_cannot_edit_the_lexicon(reviewer, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    with pytest.raises(Exception) as exc:
        lexicon_services.lexicon_entry_save(
            actor=reviewer,
            draft=draft,
            values={"phrase": "x ~ y", "language": "en", "category": "tracking", "source": "s"},
        )
    assert "permission" in type(exc.value).__name__.lower() or "denied" in str(exc.value).lower()


def test_the_lexicon_travels_in_criteria_packs_and_a_bad_one_is_not_imported(admin_user):
    pack = services.criteria_pack_export(criteria_published_current())
    assert len(pack["lexicon"]) == criteria_published_current().lexicon.count() > 100
    pack["lexicon"].append(
        {
            "phrase": "seguir ~ sindicalistas",
            "language": "es",
            "category": "targets_dissent",
            "source": "Caso 7",
            "enabled": True,
        }
    )
    draft = services.criteria_pack_import(actor=admin_user, pack=json.loads(json.dumps(pack)))
    assert draft.lexicon.filter(phrase="seguir ~ sindicalistas").exists()
    pack["lexicon"].append(
        {"phrase": "x*", "language": "xx", "category": "tracking", "source": "s"}
    )
    with pytest.raises(ApplicationError, match="lexicon entry"):
        services.criteria_pack_import(actor=admin_user, pack=pack)
    assert not draft.lexicon.filter(phrase="x*").exists()


def test_a_draft_phrase_is_previewed_on_past_deals_and_published(
    api, sales_rep, admin_user, catalogue
):
    # Stevedores are in no family of targets (unionists now are: families read those).
    body = register(api, sales_rep, use_description="Port network; we will trace the stevedores.")
    assert body["screening"]["tier"] == "low"
    draft = services.criteria_draft_start(actor=admin_user)
    lexicon_services.lexicon_entry_save(
        actor=admin_user,
        draft=draft,
        values={
            "phrase": "trace ~ stevedores",
            "language": "en",
            "category": "targets_dissent",
            "source": "Case 12",
        },
    )
    run = preview.preview_start(actor=admin_user, draft=draft)
    run = preview.preview_execute(run_id=run.pk)
    assert run.status == "done"
    assert [d["reference"] for d in run.result["up"]] == [body["reference"]]
    assert {"code": "TXT-TARGETING-DISSENT", "before": 0, "after": 1} in run.result["per_criterion"]
    version = services.criteria_publish(actor=admin_user, draft=draft, notes="unions")
    assert version.lexicon.filter(phrase="trace ~ stevedores").exists()
    assert (
        CriteriaVersion.objects.get(number=1).lexicon.filter(phrase="trace ~ stevedores").count()
        == 0
    )
    assert LexiconEntry.objects.filter(phrase="trace ~ stevedores").count() == 1


def test_an_old_snapshot_without_text_fields_is_previewed(api, sales_rep, admin_user, catalogue):
    body = register(api, sales_rep, use_description="locate the phones of protesters")
    opp = Opportunity.objects.get(pk=body["id"])
    snap = dict(opp.current_screening.snapshot)
    for key in [k for k in snap if k.startswith("text.") or k == "title"]:
        del snap[key]
    type(opp.current_screening).objects.filter(pk=opp.current_screening_id).update(snapshot=snap)
    draft = services.criteria_draft_start(actor=admin_user)
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    assert run.status == "done" and run.result["counts"]["same"] == 1


def test_a_published_phrase_cannot_be_reached_through_the_draft_pages(client, admin_user):
    published = criteria_published_current().lexicon.first()
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    assert client.get(f"/criteria/draft/lexicon/{published.pk}/").status_code == 404
    r = client.post(f"/criteria/draft/lexicon/{published.pk}/delete/")
    assert r.status_code == 404
    assert LexiconEntry.objects.filter(pk=published.pk).exists()


def test_a_partner_reads_their_own_words_back_without_the_reviewers_reasoning(
    api, client, partner_a, catalogue
):
    body = register(
        api,
        partner_a,
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        use_description="Le client veut localiser les téléphones des manifestants.",
    )
    client.force_login(partner_a)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert "Use description (French): “localiser les téléphones des manifestants”" in page
    assert "Use description: French" in page
    assert "A/HRC/41/35" not in page and "Reasoning and source" not in page
    api_view = api.as_user(partner_a).get(f"{URL}{body['id']}/").json()["screening"]
    assert api_view["tier"] in {"high", "critical"}
    assert all("reasoning" not in f and "source" not in f for f in api_view["findings"])


@pytest.mark.parametrize(
    "description",
    [
        # Cyrillic "а" and "е" and a zero-width space inside the English words
        "The city wants to loc\u0430te the phones of prot\u0435\u200bsters near the central square.",
        # an HTML tag inside "protesters" and a digit for a letter of "locate"
        "The city wants to loc4te the phones of pro<b></b>testers near the central square.",
    ],
    ids=["look-alike letters", "markup and a digit"],
)
def test_a_description_written_around_the_reader_is_read_and_quoted_as_read(
    api, client, sales_rep, reviewer, catalogue, description
):
    """A person reads both words, so does the reader: the deal lands as the plain one
    does, and the reviewer reads the quote in plain words, without the disguise."""
    body = register(
        api, sales_rep, intended_use=["network_operations"], use_description=description
    )
    assert body["screening"]["tier"] in {"high", "critical", "prohibited"}
    assert {"TXT-TARGETING-DISSENT", "TXT-TRACKING"} <= {
        f["code"] for f in body["screening"]["findings"]
    }
    client.force_login(reviewer)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert QUOTE in page


def test_a_product_line_named_by_the_rep_is_read(api, client, sales_rep, reviewer, catalogue):
    """A rep can name a product outside the catalogue, or rename a catalogue one: the
    reviewer sees that name on the deal, so it is read like the description. A catalogue
    product's own name is the vendor's and is not."""
    body = register(
        api,
        sales_rep,
        lines=[
            {"sku": "NET-4400", "quantity": 10},
            {
                "name": "Module to locate the phones of protesters near the square",
                "quantity": 1,
                "capabilities": ["networking"],
            },
        ],
    )
    assert body["status"] != "cleared"
    assert {"TXT-TARGETING-DISSENT", "TXT-TRACKING"} <= {
        f["code"] for f in body["screening"]["findings"]
    }
    client.force_login(reviewer)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert "Product line (English): “locate the phones of protesters”" in page

    renamed = register(
        api,
        sales_rep,
        lines=[{"sku": "NET-4400", "name": "Switches to block opposition websites", "quantity": 2}],
    )
    assert "TXT-CENSORSHIP" in {f["code"] for f in renamed["screening"]["findings"]}
    plain = register(api, sales_rep, lines=[{"sku": "NET-4400", "quantity": 2}])
    opp = Opportunity.objects.get(pk=plain["id"])
    assert opp.current_screening.snapshot["lines.names"] == []


def test_a_prison_named_as_the_site_asks_a_reviewer_who_the_end_user_is(
    api, client, sales_rep, reviewer, catalogue
):
    """A place of detention named is a fact about the end user, not a red flag: the deal
    is not cleared, the reviewer is asked to confirm the end user, and nothing says the
    deal speaks of detention."""
    body = register(
        api,
        sales_rep,
        intended_use=["enterprise_it"],
        use_description="Two ovens and a dishwasher for the central prison's kitchen.",
    )
    screening = body["screening"]
    codes = {f["code"] for f in screening["findings"]}
    assert "TXT-DETENTION-SITE-UNDECLARED" in codes
    assert not codes & {"TXT-DETENTION", "COMB-TEXT-SIGNAL-REPRESSIVE"}
    assert screening["tier"] == "medium"
    assert body["status"] != "cleared"
    snapshot = Opportunity.objects.get(pk=body["id"]).current_screening.snapshot
    assert snapshot["text.signals"] == []
    assert snapshot["text.detention_site"] == ["Use description (English): “prison”"]

    client.force_login(reviewer)
    page = client.get(f"/deals/{body['id']}/").content.decode()
    assert "TXT-DETENTION-SITE-UNDECLARED" in page
    assert "Use description (English): “prison”" in page
    assert "Compliance will confirm who the end user is" in page


def test_an_admin_adds_a_place_of_detention_and_the_try_box_names_it_a_fact(client, admin_user):
    """The category is the admin's to use like any other: an entry saved in the draft, and
    the try box names what it reads as a place of detention, not a red flag."""
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    ok = client.post(
        "/criteria/draft/lexicon/",
        {
            "phrase": "holding block",
            "language": "en",
            "category": "detention_site",
            "source": "A county's name for its remand wing",
            "enabled": "on",
        },
    )
    assert ok.status_code == 302
    assert draft.lexicon.filter(phrase="holding block", category="detention_site").exists()
    page = client.get("/criteria/draft/lexicon/", {"try": "Two ovens for the holding block."})
    text = page.content.decode()
    assert "Place of detention named (an end-user fact)" in text
    assert "holding block" in text
