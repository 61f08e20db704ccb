"""The persona matrix, generated: every page and API operation, every persona, on objects
they must not reach.

The URL conf (django.urls resolver) and the OpenAPI schema (drf-spectacular) are walked,
not listed by hand: a new URL or API operation without an entry in `ROUTES` fails
`test_every_route_has_an_entry`, so nobody adds an endpoint without saying who may use it.
Each entry names who must be refused and on which object (the world below belongs to
Alpha, the EMEA sales team and compliance); the matrix asserts 403/404 for them (a
redirect to sign-in for anonymous pages, 401/403 for the anonymous API), and for lists
that the other parties' objects are not in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from drf_spectacular.generators import SchemaGenerator

from tests.access.conftest import PERSONAS
from tests.channel_imports.conftest import csv_upload, row

pytestmark = pytest.mark.django_db

# Outsiders to the world: nobody of theirs owns, submitted or is in the channel of anything.
STRANGERS = ("anonymous", "nobody", "outsider", "partner_b", "other_rep")
# Signed in with a role that is not compliance staff.
NON_COMPLIANCE = (*STRANGERS, "sales_rep", "teammate", "partner_a", "distributor_above_alpha")
# Above Alpha in the deal's channel: it sees the deal, nothing that is Alpha's own.
DIST = "distributor_above_alpha"
NON_ADMIN = (*NON_COMPLIANCE, "reviewer", "senior_reviewer")


@dataclass(frozen=True)
class Route:
    """Who must be refused on a route, and how to fill in its path."""

    refused: tuple[str, ...]
    kwargs: object = None  # world -> path kwargs
    methods: tuple[str, ...] = ("GET",)  # pages; API operations take theirs from the schema
    marker: object = None  # world -> text that must not appear in a list shown to `refused`
    create_refused: tuple[str, ...] = ("anonymous", "nobody", "outsider")  # POST to a list
    why: str = ""
    reachable_by: str = "admin_user"  # the control: this persona reaches the object


def deal(w):
    return {"pk": w["deal"].pk}


def case(w):
    return {"pk": w["case"].pk}


def imp(w):
    return {"pk": w["import"].pk}


def imp_export(w):
    return {"pk": w["import"].pk, "fmt": "csv"}


def info(w):
    return {"pk": w["info"].pk}


def condition(w):
    return {"pk": w["condition"].pk}


def notification(w):
    return {"pk": w["notification"].pk}


def saved_view(w):
    """Alpha's partner user's saved view of the inbox (made on first use)."""
    if "saved_view" not in w:
        from accounts.models import User
        from saved_views.services import saved_view_save

        owner = User.objects.get(pk=w["notification"].recipient_id)
        w["saved_view"] = saved_view_save(
            actor=owner, list_name="inbox", name="Matrix unread", params={"unread": "1"}
        )
    return {"pk": w["saved_view"].pk}


def version(w):
    return {"number": 1}


def criterion(w):
    return {"code": "CAP-SPYWARE"}


def preview(w):
    return {"pk": w["preview"].pk}


def lexicon_entry(w):
    return {"pk": w["preview"].draft.lexicon.first().pk}


def run(w):
    return {"pk": w["run"].pk}


def organisation(w):
    return {"pk": w["organisation"].pk}


def alpha(w):
    return {"pk": w["questionnaire"].organisation_id}


def questionnaire(w):
    return {"pk": w["questionnaire"].pk}


def dd_evidence(w):
    return {"pk": w["dd_evidence"].pk}


def csv_fmt(w):
    return {"fmt": "csv"}


def _report(w):
    """A misuse report with a file, filed on the public page (made on first use)."""
    if "report" not in w:
        from django.core.files.uploadedfile import SimpleUploadedFile

        from grievances.services import report_submit

        png = SimpleUploadedFile(
            "r.png", b"\x89PNG\r\n\x1a\n" + b"0" * 32, content_type="image/png"
        )
        w["report"] = report_submit(data={"what": "Matrix report"}, files=[png])[0]
    return w["report"]


def report(w):
    return {"pk": _report(w).pk}


def report_file(w):
    return {"pk": _report(w).files.get().pk}


def end_customer(w):
    return {"pk": w["deal"].end_customer_id}


def decided_deal(w):
    return {"pk": w["condition"].opportunity_id}


def authority_notice(w):
    """A notification to the authority on the decided deal (made on first use)."""
    if "authority_notice" not in w:
        from accounts.models import User
        from records.authority import authority_awareness_record

        w["authority_notice"] = authority_awareness_record(
            actor=User.objects.filter(role="reviewer").first(),
            opportunity=w["condition"].opportunity,
            reason="Matrix awareness reason",
        )
    return {"pk": w["authority_notice"].pk}


SIGNED_IN = ("anonymous",)  # any signed-in user may open it; its content is scoped
PUBLIC: tuple[str, ...] = ()
POST = ("POST",)
GET_POST = ("GET", "POST")

ROUTES: dict[str, Route] = {
    # accounts
    "home": Route(SIGNED_IN),
    "login": Route(PUBLIC, why="the sign-in page"),
    # not found for everyone once any account exists (the world has accounts); anonymous
    # included, tested in tests/onboarding/test_first_visit.py
    "installation-setup": Route(
        tuple(p for p in NON_ADMIN if p != "anonymous"),
        methods=GET_POST,
        why="the first visit of a fresh installation, before any account exists",
    ),
    "logout": Route(PUBLIC, methods=POST, why="signing out"),
    "api-token": Route(PUBLIC, why="exchanges a password for a token"),
    # one's own account: no object of anyone else's is named, so only anonymous is refused
    "account": Route(SIGNED_IN),
    "password-change": Route(SIGNED_IN, methods=GET_POST),
    "account-token-issue": Route(SIGNED_IN, methods=POST),
    "account-token-revoke": Route(SIGNED_IN, methods=POST),
    "api-token-revoke": Route(SIGNED_IN, methods=POST),
    "set_language": Route(PUBLIC, methods=POST, why="stores the chosen language, no data"),
    # single sign-on: the redirect to the identity provider and back (404 while it is off)
    "oidc_authentication_init": Route(PUBLIC, why="starts signing in at the identity provider"),
    "oidc_authentication_callback": Route(PUBLIC, why="the identity provider's answer"),
    "schema": Route(PUBLIC, why="the API's description, no data"),
    "api-docs": Route(PUBLIC, why="the API's description, no data"),
    # operations (anonymous is refused /metrics/ with a 403 for scrapers, tested in
    # tests/outbox/test_health.py, not sent to the sign-in page)
    "health": Route(PUBLIC, why="names no host, secret or record"),
    "favicon": Route(PUBLIC, why="the site's icon, asked for by every browser"),
    "metrics": Route(tuple(p for p in NON_ADMIN if p != "anonymous")),
    # deals
    "opportunity-list": Route(STRANGERS, marker=lambda w: w["deal"].title),
    "opportunity-register": Route(SIGNED_IN, methods=GET_POST),
    "opportunity-channel-row": Route(SIGNED_IN),
    "opportunity-line-row": Route(SIGNED_IN),
    "opportunity-detail": Route(STRANGERS, deal),
    "opportunity-edit": Route((*STRANGERS, "partner_a", DIST), deal, GET_POST),
    "api-opportunity-list": Route(STRANGERS, marker=lambda w: w["deal"].title),
    "api-opportunity-detail": Route(STRANGERS, deal),
    "api-organisation-list": Route(NON_COMPLIANCE, marker=lambda w: w["deal"].end_customer_name),
    "api-product-list": Route(("anonymous", "nobody", "outsider"), marker=lambda w: "NET-4400"),
    # bulk imports: Alpha's, uploaded by Alpha
    "channel-import-list": Route(
        (*STRANGERS, "sales_rep", DIST), marker=lambda w: w["import"].original_name
    ),
    "channel-import-upload": Route(SIGNED_IN, methods=POST),
    "channel-import-template": Route(SIGNED_IN, csv_fmt),
    **{
        name: Route((*STRANGERS, "sales_rep", "teammate", DIST), kw, methods)
        for name, kw, methods in [
            ("channel-import-detail", imp, ("GET",)),
            ("channel-import-mapping", imp, GET_POST),
            ("channel-import-status", imp, ("GET",)),
            ("channel-import-accept", imp, POST),
            ("channel-import-discard", imp, POST),
            ("channel-import-report", imp, ("GET",)),
            ("channel-import-export", imp_export, ("GET",)),
            ("api-import-detail", imp, ()),
            ("api-import-mapping", imp, ()),
            ("api-import-accept", imp, ()),
            ("api-import-discard", imp, ()),
            ("api-import-issues", imp, ()),
            ("api-import-lines", imp, ()),
            ("api-import-export", imp_export, ()),
        ]
    },
    "api-import-list": Route(
        (*STRANGERS, "sales_rep", "teammate", DIST), marker=lambda w: w["import"].original_name
    ),
    # criteria: compliance reads, admins edit
    "criteria-overview": Route(NON_COMPLIANCE),
    "criteria-version": Route(NON_COMPLIANCE, version),
    "criteria-export": Route(NON_COMPLIANCE, version),
    "criteria-draft": Route(NON_ADMIN),
    "criteria-draft-start": Route(NON_ADMIN, methods=POST),
    "criteria-draft-discard": Route(NON_ADMIN, methods=POST),
    "criteria-criterion-new": Route(NON_ADMIN, methods=GET_POST),
    "criteria-criterion-edit": Route(NON_ADMIN, criterion, GET_POST),
    "criteria-criterion-delete": Route(NON_ADMIN, criterion, POST),
    "criteria-draft-preview": Route(NON_ADMIN, methods=POST),
    "criteria-lexicon": Route(NON_ADMIN, methods=GET_POST),
    "criteria-lexicon-edit": Route(NON_ADMIN, lexicon_entry, GET_POST),
    "criteria-lexicon-delete": Route(NON_ADMIN, lexicon_entry, POST),
    "criteria-version-lexicon": Route(NON_COMPLIANCE, version),
    "criteria-learned-cues": Route(NON_ADMIN),
    "criteria-learned-cue-switch": Route(NON_ADMIN, methods=POST),
    "criteria-learned-cues-language": Route(NON_ADMIN, methods=POST),
    "criteria-learned-cues-threshold": Route(NON_ADMIN, methods=POST),
    "criteria-learned-cues-weighing": Route(NON_ADMIN, methods=POST),
    "criteria-learned-cues-whole-text": Route(NON_ADMIN, methods=POST),
    "criteria-learned-cues-default": Route(NON_ADMIN, methods=POST),
    "criteria-version-learned-cues": Route(NON_COMPLIANCE, version),
    "criteria-draft-publish": Route(NON_ADMIN, methods=POST),
    "criteria-draft-publish-confirm": Route(NON_ADMIN),
    "criteria-preview": Route(NON_ADMIN, preview),
    "criteria-import": Route(NON_ADMIN, methods=GET_POST),
    "criteria-countries": Route(NON_ADMIN, methods=GET_POST),
    # restricted parties: compliance only (tipping-off), admins import lists
    "restricted-parties-index": Route(NON_COMPLIANCE),
    "restricted-parties-upload": Route(NON_ADMIN, methods=POST),
    "restricted-parties-false-positive": Route(NON_COMPLIANCE, methods=POST),
    "restricted-parties-thresholds": Route(NON_ADMIN, methods=POST),
    "api-restricted-parties-search": Route(NON_COMPLIANCE),
    "api-restricted-parties-false-positives": Route(NON_COMPLIANCE),
    "api-restricted-parties-lists": Route(NON_COMPLIANCE),
    # review cases: compliance staff only
    "review-queue": Route(NON_COMPLIANCE),
    "review-mine": Route(NON_COMPLIANCE),
    "review-sla": Route(NON_ADMIN, methods=GET_POST),
    "review-bulk-assign": Route(NON_COMPLIANCE, methods=POST),
    "api-review-case-list": Route(NON_COMPLIANCE),
    **{
        name: Route(NON_COMPLIANCE, case, methods)
        for name, methods in [
            ("review-case", ("GET",)),
            ("review-case-history", ("GET",)),
            ("review-claim", POST),
            ("review-assign", POST),
            ("review-request-information", POST),
            ("review-recommend", POST),
            ("review-send-back", POST),
            ("review-decide", POST),
            ("review-escalate", POST),
            ("review-clear-hard-stop", POST),
            ("api-review-case-detail", ()),
            ("api-review-claim", ()),
            ("api-review-assign", ()),
            ("api-review-request-information", ()),
            ("api-review-recommend", ()),
            ("api-review-decide", ()),
            ("api-review-escalate", ()),
        ]
    },
    # the question is Alpha's to answer, the certificate Alpha's file
    "review-answer": Route((*STRANGERS, DIST), info, POST),
    "review-attachment": Route((*STRANGERS, "sales_rep", "teammate", DIST), info),
    "api-review-answer": Route((*STRANGERS, "teammate", DIST), case),
    # conditions: the owner (the rep) and compliance
    "review-conditions": Route((*STRANGERS, DIST), marker=lambda w: w["condition"].details),
    "api-review-condition-list": Route((*STRANGERS, DIST), marker=lambda w: w["condition"].details),
    "review-condition-fulfil": Route((*STRANGERS, "partner_a", DIST), condition, POST),
    "review-condition-verify": Route((*STRANGERS, "partner_a", DIST), condition, POST),
    "review-condition-reject": Route((*STRANGERS, "partner_a", DIST), condition, POST),
    "api-review-condition-fulfil": Route((*STRANGERS, "partner_a", DIST), condition),
    "api-review-condition-verify": Route((*STRANGERS, "partner_a", DIST), condition),
    "api-review-mitigations": Route(
        ("anonymous", "nobody", "outsider"), marker=lambda w: "end-use-certificate"
    ),
    # overviews: any signed-in user gets their own (compliance: the compliance overview;
    # others: figures of their own deals only, tested in tests/dashboards)
    "overview": Route(SIGNED_IN),
    "overview-data": Route(SIGNED_IN),
    "overview-csv": Route(SIGNED_IN, lambda w: {"key": "countries"}),
    # partners' due diligence: Alpha's questionnaire is Alpha's to answer, compliance's to
    # review; the profile follows the organisation register (reps see the channel)
    "partner-list": Route(NON_COMPLIANCE),
    "partner-profile": Route(("anonymous", "nobody", "outsider", "partner_b", DIST), alpha),
    "partner-dd-send": Route(NON_COMPLIANCE, alpha, POST),
    "partner-parent": Route(NON_COMPLIANCE, alpha, POST),
    # only a distributor in the deal invites the partners below it (the world's, Alpha)
    "deal-partner-invite": Route(tuple(p for p in NON_ADMIN if p != DIST), deal, POST),
    "partner-dd": Route((*STRANGERS, "sales_rep", "teammate", DIST), questionnaire, GET_POST),
    "partner-dd-evidence-upload": Route(
        (*STRANGERS, "sales_rep", "teammate", DIST), questionnaire, POST
    ),
    "partner-dd-submit": Route((*STRANGERS, "sales_rep", "teammate", DIST), questionnaire, POST),
    "partner-dd-decline": Route((*STRANGERS, "sales_rep", "teammate", DIST), questionnaire, POST),
    "partner-dd-accept": Route(NON_COMPLIANCE, questionnaire, POST),
    "partner-dd-return": Route(NON_COMPLIANCE, questionnaire, POST),
    "partner-dd-evidence": Route((*STRANGERS, "sales_rep", "teammate", DIST), dd_evidence),
    "partner-dd-export": Route((*STRANGERS, "sales_rep", "teammate", DIST), questionnaire),
    "partner-dd-import": Route(NON_COMPLIANCE, methods=GET_POST),
    # records: compliance staff only (evidence, notifications to the authority, the
    # statement before it is published); the purge is for admins
    "records-index": Route(NON_COMPLIANCE),
    "records-deal": Route(NON_COMPLIANCE, decided_deal),
    "records-evidence-pack": Route(NON_COMPLIANCE, decided_deal),
    "records-awareness": Route(NON_COMPLIANCE, decided_deal, POST),
    "records-notification": Route(NON_COMPLIANCE, authority_notice, GET_POST),
    "records-notification-sent": Route(NON_COMPLIANCE, authority_notice, POST),
    "records-notification-answer": Route(NON_COMPLIANCE, authority_notice, POST),
    "records-statement": Route(NON_COMPLIANCE),
    "records-statement-csv": Route(NON_COMPLIANCE),
    "records-statement-pdf": Route(NON_COMPLIANCE),
    "records-retention": Route(NON_ADMIN, methods=GET_POST),
    # continuous due diligence: compliance only (a run names the list update behind a
    # change; an organisation's page names the entries it matched)
    "monitoring-index": Route(NON_COMPLIANCE),
    "monitoring-run": Route(NON_COMPLIANCE, run),
    "monitoring-organisation": Route(NON_COMPLIANCE, organisation),
    "monitoring-basis-confirm": Route(NON_COMPLIANCE, deal, POST),
    "monitoring-basis-revise": Route(NON_COMPLIANCE, deal, POST),
    "api-monitoring-run-list": Route(NON_COMPLIANCE, marker=lambda w: w["run"].label),
    "api-monitoring-run-detail": Route(NON_COMPLIANCE, run),
    # the inbox: one's own notifications
    "inbox": Route(
        (*STRANGERS, "sales_rep", DIST), marker=lambda w: f"/inbox/{w['notification'].pk}/"
    ),
    "inbox-read": Route(SIGNED_IN, methods=POST, why="marks the caller's own as read"),
    "inbox-open": Route((*STRANGERS, "sales_rep", DIST), notification, reachable_by="partner_a"),
    "api-inbox": Route(
        (*STRANGERS, "sales_rep", DIST), marker=lambda w: f'"id":{w["notification"].pk},'
    ),
    # saved views: only their owner (Alpha's partner user) sees, opens or deletes one;
    # compliance staff included, another user's view is a 404
    "saved-view-save": Route(SIGNED_IN, methods=POST, why="saves the caller's own view"),
    **{
        name: Route(
            tuple(p for p in PERSONAS if p != "partner_a"),
            saved_view,
            methods,
            reachable_by="partner_a",
        )
        for name, methods in [("saved-view-open", ("GET",)), ("saved-view-delete", POST)]
    },
    # precedents: the inconsistent-pairs report is the human-rights lead's
    "review-inconsistent-decisions": Route((*NON_COMPLIANCE, "reviewer")),
    # misuse reports: a public page for anyone; triage for compliance; the reporter's
    # files for the human-rights lead only
    "grievance-report": Route(PUBLIC, why="the public misuse-report page: no account"),
    "grievance-follow-up": Route(PUBLIC, why="opens a report only with its receipt code"),
    "grievance-queue": Route(NON_COMPLIANCE),
    "grievance-organisation": Route(NON_COMPLIANCE, end_customer),
    **{
        name: Route(NON_COMPLIANCE, report, methods)
        for name, methods in [
            ("grievance-detail", ("GET",)),
            ("grievance-answer", POST),
            ("grievance-link", POST),
            ("grievance-outcome", POST),
            ("grievance-close", POST),
            ("api-grievance-report-detail", ()),
            ("api-grievance-report-answer", ()),
            ("api-grievance-report-link", ()),
            ("api-grievance-report-outcome", ()),
        ]
    },
    "api-grievance-report-list": Route(NON_COMPLIANCE),
    "grievance-file": Route(
        (*NON_COMPLIANCE, "reviewer"), report_file, reachable_by="senior_reviewer"
    ),
}

# Every field any POST or PUT of the application reads, with a plausible value, so a
# refusal is a refusal and not a complaint about the body.
BODY = {
    "answer": "Answer.",
    "questions": "Why?",
    "reason": "Reason.",
    "reasons": "Reasons.",
    "outcome": "approve",
    "feedback": "Feedback.",
    "evidence_note": "Done.",
    "note": "Note.",
    "name": "Sable Crest",
    "party_name": "Sable Crest",
    "entry_id": 1,
    "notification": "",
    "mapping": {},
    "body": "Answer.",
}


def walk_urlconf(patterns=None, prefix: str = "", namespace: str = ""):
    """(name, route) for every named URL in the URL conf, recursively."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(filter(None, [namespace, p.namespace]))
            yield from walk_urlconf(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace else p.name
            yield name, prefix + str(p.pattern)


def schema_operations():
    """(path, method) for every operation in the OpenAPI schema."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, item in schema["paths"].items():
        for method in item:
            if method in ("get", "post", "put", "patch", "delete"):
                yield path, method.upper()


def test_every_route_has_an_entry():
    """A new URL or API operation must say who may use it (an entry in ROUTES)."""
    names = [name for name, _ in walk_urlconf()]
    unnamed = [route for name, route in walk_urlconf() if not name]
    assert not unnamed, f"name these URLs so the matrix can check them: {unnamed}"
    missing = sorted(n for n in names if not n.startswith("admin:") and n not in ROUTES)
    assert not missing, f"no persona-matrix entry (who must be refused) for: {missing}"
    stale = sorted(set(ROUTES) - set(names))
    assert not stale, f"entries for URLs that no longer exist: {stale}"
    for path, method in schema_operations():
        name = resolve(_sample(path)).url_name
        assert name in ROUTES, f"{method} {path} ({name}) has no persona-matrix entry"


def _sample(path: str) -> str:
    """The schema's path with its parameters filled in ({fmt} a format, any other an id)."""
    return re.sub(r"\{(\w+)\}", lambda m: "csv" if m.group(1) == "fmt" else "1", path)


def _call(client, method: str, url: str, *, api: bool):
    if method == "GET":
        return client.get(url)
    if api and url == reverse("api-import-list"):
        upload = csv_upload([row()], name="matrix-upload.csv")
        return client.post(url, {"file": upload}, format="multipart")
    if api:
        return getattr(client, method.lower())(url, BODY, format="json")
    return client.post(url, {k: v for k, v in BODY.items() if not isinstance(v, dict)})


def _refused(response, *, api: bool, anonymous: bool) -> bool:
    if anonymous and not api:
        return response.status_code == 302 and "/login/" in response["Location"]
    if anonymous:
        return response.status_code in (401, 403)
    return response.status_code in (403, 404)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _operations():
    """(url name, method, is api) for every page and API operation to check."""
    ops = []
    for path, method in schema_operations():
        ops.append((resolve(_sample(path)).url_name, method, True))
    for name, _ in walk_urlconf():
        if name.startswith("admin:") or name not in ROUTES or name.startswith("api-"):
            continue
        ops.extend((name, m, False) for m in ROUTES[name].methods)
    return ops


def test_no_persona_reaches_what_is_not_theirs(world, personas, client, api):
    failures = []
    checked = 0
    for name, method, is_api in _operations():
        route = ROUTES[name]
        if name in ("schema", "api-docs", "api-token"):
            continue
        kwargs = route.kwargs(world) if route.kwargs else {}
        url = reverse(name, kwargs=kwargs)
        refused = route.create_refused if route.marker and method != "GET" else route.refused
        for persona in refused:
            user = personas[persona]
            c = api if is_api else client
            if is_api:
                api.credentials()
                api.logout()
                if user is not None:
                    api.as_user(user)
            else:
                client.logout()
                if user is not None:
                    client.force_login(user)
            response = _call(c, method, url, api=is_api)
            checked += 1
            if route.marker and method == "GET" and response.status_code == 200:
                if route.marker(world) in _body(response):
                    failures.append(f"{persona} sees another party's object in {method} {url}")
                continue
            if not _refused(response, api=is_api, anonymous=persona == "anonymous"):
                failures.append(f"{persona}: {method} {url} -> {response.status_code}")
    assert not failures, "\n".join(failures)
    assert checked > 300  # the matrix really ran over every route and persona


def test_the_objects_in_the_matrix_exist(world, request, client, api):
    """The control: someone (an admin, or the owner) reaches every object the matrix
    refuses to others, so a refusal above is a decision, not a wrong id."""
    for name, method, is_api in _operations():
        route = ROUTES[name]
        if method != "GET" or not route.kwargs:
            continue
        user = request.getfixturevalue(route.reachable_by)
        client.force_login(user)
        api.as_user(user)
        url = reverse(name, kwargs=route.kwargs(world))
        response = (api if is_api else client).get(url)
        assert response.status_code in (200, 302), (url, response.status_code)


def test_the_django_admin_is_for_staff_only(personas, client):
    """The admin site (its own URLs) refuses every persona without staff status."""
    admin_pages = [reverse("admin:index")] + [
        reverse(name) for name, route in walk_urlconf() if name.endswith("_changelist")
    ]
    assert len(admin_pages) > 5
    for persona, user in personas.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in admin_pages:
            r = client.get(url)
            assert r.status_code == 302 and "/admin/login/" in r["Location"], (persona, url)
