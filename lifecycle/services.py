"""A deal's life, composed once: register or change its facts, screen it, route it,
announce it.

Every path that writes a deal or screens one comes here (the form, the API, promoted
import lines, re-screenings, answers to information requests). Each function runs in
one transaction and calls, in this order:

1. `opportunities.services`: the deal's facts (row, lines, channel) and their audit event;
2. `rules.services`: the screening, stored with its audit event (the engine decides);
3. `reviews.services.review_route` (or `review_route_new` for a batch): the deal's status
   and its review case, then `reviews.probing.probing_check` and
   `reviews.text_probing.text_probing_check`;
4. `announce.screening_announce`: the webhooks.

Invariants: a deal is never saved without its screening; a registration's audit events
are written in one INSERT (`audit_batch`); reference data are read once per call
(`pinned`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from audit.services import audit_batch
from hrdd.bulk import InsertedFirst, bulk_insert
from hrdd.errors import ApplicationError, Conflict
from opportunities import policies as opportunity_policies
from opportunities.models import Opportunity
from opportunities.presenters import shown_status
from opportunities.services import (
    opportunities_existing,
    opportunities_insert_many,
    opportunity_existing,
    opportunity_facts_replace,
    opportunity_insert,
    opportunity_registered_record,
    opportunity_update_clean,
    opportunity_updated_record,
    submitting_organisation,
)
from opportunities.validation import opportunity_validate, opportunity_validate_many
from refdata.cache import pinned
from restricted_parties.selectors import parties_screened
from reviews.models import InformationRequest
from reviews.probing import probing_check
from reviews.selectors import information_answers, information_answers_many
from reviews.services import conditions_hand_over, review_answer_record, review_route
from reviews.services.routing import review_route_new
from reviews.text_probing import text_probing_check, text_probing_check_many
from reviews.text_rewritten import text_rewritten_check
from rules.batch import screenings_store_new
from rules.models import Screening
from rules.services import (
    criteria_version_in_force,
    screening_basis,
    screening_evaluate,
    screening_record,
    screening_row,
    screening_store,
)

from .announce import screening_announce


@dataclass(frozen=True)
class RegistrationResult:
    opportunity: Opportunity
    created: bool


def opportunity_evaluate(opportunity: Opportunity) -> tuple:
    """Screen `opportunity` in memory, writing nothing (with the partners' answers read
    with its text). A re-screening compares this with the last screening and passes it
    to `opportunity_screen` when something changed."""
    return screening_evaluate(opportunity, answers=information_answers(opportunity))


def opportunities_evaluate(opportunities: list[Opportunity]) -> list[tuple]:
    """`opportunity_evaluate` of many stored deals (their lines and channel with its
    organisations prefetched), with the shared reads done once: the partners' answers in
    one query, the criteria and the basis read once, and each distinct party screened
    once against the lists."""
    if not opportunities:
        return []
    answers = information_answers_many([o.pk for o in opportunities])
    version = criteria_version_in_force()
    basis = screening_basis(version)
    parties = [(p.end_customer_name, p.end_customer_country) for p in opportunities] + [
        (e.name, e.country) for p in opportunities for e in p.channel.all()
    ]
    with parties_screened([(n, c) for n, c in parties if n and n.strip()]):
        return [
            screening_evaluate(o, answers=answers.get(o.pk, []), version=version, basis=basis)
            for o in opportunities
        ]


def opportunity_screen(
    *,
    opportunity: Opportunity,
    actor,
    trigger: str,
    material_change: bool = False,
    change_reason: str = "",
    evaluated: tuple | None = None,
) -> Screening:
    """Screen a deal with the current published criteria, store the screening, route the
    deal by it and announce it.

    Runs inside the caller's transaction, so the deal, its screening, its routing and
    their audit events commit together or not at all. `evaluated` is what
    `opportunity_evaluate` returned when the caller (a re-screening) compared it first;
    `change_reason` names what changed the world for the review case it opens or raises.
    """
    evaluated = evaluated or opportunity_evaluate(opportunity)
    previous = opportunity.current_screening
    first = previous is None
    # No savepoint: callers run this in their own transaction and roll it back whole.
    with transaction.atomic(savepoint=False):
        # A new deal's first screening is inserted with its first status: one statement
        # (on PostgreSQL) inserts it and moves the deal, by the transition's conditional
        # UPDATE (`InsertedFirst`). Any other screening is inserted, then pointed at here.
        screening = screening_store(
            opportunity=opportunity,
            actor=actor,
            trigger=trigger,
            evaluated=evaluated,
            previous=previous,
            insert=not first,
        )
        if not first:
            Opportunity.objects.filter(pk=opportunity.pk).update(current_screening=screening)
        shown_before = shown_status(opportunity.status, previous.shown_tier) if previous else None
        routed = review_route(
            opportunity=opportunity,
            screening=screening,
            previous_tier=previous.tier if previous else None,
            actor=actor,
            material_change=material_change,
            deal_fields={"current_screening": InsertedFirst(screening)} if first else None,
            change_reason=change_reason,
        )
        if first and not routed:
            bulk_insert(Screening, [screening])
            Opportunity.objects.filter(pk=opportunity.pk).update(current_screening=screening)
        opportunity.current_screening = screening  # its key is known only now
        # After routing, so partners hear of a re-check that moved the status they read.
        shown_after = shown_status(opportunity.status, screening.shown_tier)
        screening_announce(
            opportunity,
            screening,
            previous,
            trigger=trigger,
            status_shown_moved=shown_before != shown_after,
        )
        probing_check(actor=actor, screening=screening)
        text_probing_check(actor=actor, screening=screening, previous=previous)
        text_rewritten_check(actor=actor, screening=screening, previous=previous)
    return screening


def opportunities_screen_unchanged(*, items: list[tuple], trigger: str) -> list[Screening]:
    """Store new screenings of deals whose result did not change (a re-screening under new
    criteria found the same tier, findings and matches), each as `opportunity_screen`
    would (its screening and audit event, its notification, the deal pointed at it), with
    the writes shared: one INSERT of the screenings, one of the audit events, one UPDATE
    of the deals. `items`: (deal, what `opportunity_evaluate` returned).

    Nothing is routed: the same tier with no material change leaves the deal and its open
    case where they are. The caller passes only deals with an open case or not under
    review (any other goes through `opportunity_screen`, which opens the missing case)."""
    if not items:
        return []
    with transaction.atomic(savepoint=False), audit_batch():
        screenings = [
            screening_row(opportunity, version, trigger, result, snapshot, basis)
            for opportunity, (version, snapshot, result, basis) in items
        ]
        Screening.objects.bulk_create(screenings)
        deals = []
        for (opportunity, _), screening in zip(items, screenings, strict=True):
            previous = opportunity.current_screening
            screening_record(opportunity, screening, actor=None, previous=previous)
            opportunity.current_screening = screening
            screening_announce(opportunity, screening, previous, trigger=trigger)
            deals.append(opportunity)
        Opportunity.objects.bulk_update(deals, ["current_screening"])
    return screenings


def opportunities_screen_new(*, opportunities: list, actor, trigger: str) -> list[Screening]:
    """Screen and route deals registered in the caller's transaction and never screened,
    each exactly as `opportunity_screen` would (its own screening, status, case and audit
    events, its notification, the probing watch), with the writes shared: one INSERT of
    the screenings, one UPDATE of the deals (status and screening), one INSERT of the cases.

    A deal is never left without its screening: everything runs in the caller's
    transaction, and the deals' UPDATE is conditional on each still being new.
    """
    if not opportunities:
        return []
    with transaction.atomic(savepoint=False):
        screenings = screenings_store_new(opportunities=opportunities, actor=actor, trigger=trigger)
        for opportunity, screening in zip(opportunities, screenings, strict=True):
            screening_announce(opportunity, screening, None, trigger=trigger)
        review_route_new(opportunities=opportunities, screenings=screenings, actor=actor)
        ids = [s.pk for s in screenings]
        for i, screening in enumerate(screenings):
            probing_check(actor=actor, screening=screening, not_yet=ids[i + 1 :])
        text_probing_check_many(actor=actor, screenings=screenings)  # one query a batch
    return screenings


def opportunity_register(
    *, actor, data: dict, source: str = "web", validated: bool = False
) -> RegistrationResult:
    """Register a deal and screen it, all in one transaction.

    Invariants: a deal is never saved without its screening; the same `external_id` from
    the same organisation returns the existing deal instead of a duplicate, and is refused
    (409) when that deal is one the actor may not see; nothing is saved when any part of
    the input is invalid.
    """
    with pinned():  # reference data (criteria, catalogue, targets) checked once
        return _register(actor=actor, data=data, source=source, validated=validated)


def _register(*, actor, data: dict, source: str, validated: bool) -> RegistrationResult:
    org = submitting_organisation(actor)
    if not validated:
        clean, errors = opportunity_validate(data, submitter=actor)
        if errors:
            raise ApplicationError("The opportunity is not valid.", errors=errors)
        data = clean
    # No look-up first: the unique index on (organisation, external_id) refuses a repeat,
    # which then returns the deal already registered (a statement saved on every new
    # deal; a repeat costs a rolled-back attempt instead).
    try:
        with transaction.atomic():
            opportunity = opportunity_insert(actor=actor, org=org, data=data)
            # The registration's events (registered, screened, routed, case opened) in
            # one INSERT.
            with audit_batch():
                opportunity_registered_record(opportunity, actor=actor, data=data, source=source)
                opportunity_screen(opportunity=opportunity, actor=actor, trigger="registration")
    except IntegrityError:
        # Registered before, or two submissions of the same external_id raced.
        existing = opportunity_existing(actor, org, data["external_id"])
        if existing is None:
            raise
        return RegistrationResult(existing, created=False)
    return RegistrationResult(opportunity, created=True)


def opportunity_update(*, actor, opportunity: Opportunity, data: dict) -> Opportunity:
    """Replace a deal's declared facts and screen it again.

    A material change after a decision (new end user, country or capability) reopens the
    review: the new screening routes the deal as a fresh one would.
    """
    clean = opportunity_update_clean(actor=actor, opportunity=opportunity, data=data)
    with transaction.atomic():
        locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        changed, left_channel = opportunity_facts_replace(locked, clean)
        with audit_batch():  # the change's events in one INSERT
            opportunity_updated_record(locked, actor=actor, changed=changed)
            if left_channel:  # only a partner leaving can lose sight of its conditions
                conditions_hand_over(opportunity=locked, actor=actor)
            opportunity_screen(
                opportunity=locked, actor=actor, trigger="update", material_change=bool(changed)
            )
    return locked


def opportunity_register_many(
    *, actor, items: list[dict], source: str = "import", validated: bool = False
) -> list[RegistrationResult | ApplicationError]:
    """Register many deals of one submitter in one transaction, each screened and
    routed as `opportunity_register` would (its own screening, case and audit events);
    the rows are inserted in bulk. Returns, in order, each item's result or the error
    that refused it (nothing is saved for a refused item; the others are).

    `validated`: the items are already what `opportunity_validate` returns (the bulk
    importer builds them from lines checked by the same input rules); they may carry a
    `provenance`, which the API's input never does.

    Idempotent per external_id like the single path. If the batch hits a concurrent
    insert (the same external_id or a new organisation registered meanwhile), it is
    rolled back and each item goes the single path instead.
    """
    with pinned():
        try:
            org = submitting_organisation(actor)
        except ApplicationError as exc:  # refused for every item, as the single path would
            return [exc] * len(items)
        results: list = [None] * len(items)
        clean_items: list[tuple[int, dict]] = []
        checked = (
            [(item, {}) for item in items]
            if validated
            else opportunity_validate_many(items, submitter=actor)
        )
        for i, (clean, errors) in enumerate(checked):
            if errors:
                results[i] = ApplicationError("The opportunity is not valid.", errors=errors)
            else:
                clean_items.append((i, clean))
        existing = opportunities_existing(org, [c["external_id"] for _, c in clean_items])
        todo = []
        for i, clean in clean_items:
            found = existing.get(clean["external_id"])
            reason = found and opportunity_policies.why_not_reuse_external_id(actor, found)
            if reason:
                results[i] = Conflict(
                    reason, errors={"external_id": "Already used by a deal you cannot see."}
                )
            elif found is not None:
                results[i] = RegistrationResult(found, created=False)
            else:
                todo.append((i, clean))
        try:
            with transaction.atomic():
                created = _register_many(
                    actor=actor, org=org, items=[c for _, c in todo], source=source
                )
        except IntegrityError:
            return [
                r if r is not None else _register_one(actor, clean, source)
                for r, clean in zip(results, _clean_by_index(items, clean_items), strict=True)
            ]
        for (i, _), opportunity in zip(todo, created, strict=True):
            results[i] = RegistrationResult(opportunity, created=True)
        return results


def _register_many(*, actor, org, items: list[dict], source: str) -> list[Opportunity]:
    deals = opportunities_insert_many(actor=actor, org=org, items=items)
    if not deals:
        return []
    with audit_batch():  # the batch's audit events in one INSERT, its notifications in one row
        for deal, data in zip(deals, items, strict=True):
            opportunity_registered_record(deal, actor=actor, data=data, source=source)
        # screened and routed together: screenings, statuses and cases written in bulk
        opportunities_screen_new(opportunities=deals, actor=actor, trigger="registration")
    return deals


def _clean_by_index(items: list[dict], clean_items: list[tuple[int, dict]]) -> list:
    by_index = dict(clean_items)
    return [by_index.get(i) for i in range(len(items))]


def _register_one(actor, clean: dict, source: str, attempts: int = 3):
    """The single path, tried again when a concurrent registration created the same
    organisation between its look-up and its insert."""
    for attempt in range(attempts):
        try:
            return opportunity_register(actor=actor, data=clean, source=source, validated=True)
        except ApplicationError as exc:
            return exc
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    return None


def review_answer(
    *, information_request: InformationRequest, actor, answer: str, attachment=None
) -> InformationRequest:
    """The rep or partner answers a request for information (`reviews`), and the deal is
    screened again in the answer's transaction: an answer is read for red flags like the
    rest of the deal's text (a higher tier raises the open case's tier). Its trigger is
    `answer_read`, not `update`: the deal did not change, and the other channel partners
    must not hear that compliance is asking about it (they hear of it as a re-check, only
    when what they are shown moved)."""
    opportunity_id = information_request.case.opportunity_id
    with transaction.atomic():
        answered = review_answer_record(
            information_request=information_request,
            actor=actor,
            answer=answer,
            attachment=attachment,
        )
        opportunity = Opportunity.objects.select_for_update(of=("self",)).get(pk=opportunity_id)
        opportunity_screen(
            opportunity=opportunity, actor=actor, trigger=Screening.Trigger.ANSWER_READ
        )
    return answered
