"""Precedents: the past decided deals most like a case, and decisions that disagree.

A deal is compared on five factors a reviewer recognises: the capability family of its
riskiest product, the end-user type, the riskiest intended use, the country context and
the shape of its channel. Each factor that agrees adds its points (a near agreement, such
as another police-type end user, adds fewer); 100 means every factor agrees. A precedent
scoring `CLOSE_SCORE` or more is "closely similar": deciding otherwise asks for a reason.
Any one of capability family, kind of end user or kind of use differing keeps a precedent
below that line.

Speed: the features of each decided deal are stored once (`Precedent`, written with the
decision) under two indexed keys; a case reads a bounded, newest-first slice of each key
and scores only those rows, so the cost does not grow with the number of past deals.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from countries.selectors import country_context, country_name
from refdata.cache import pinned
from taxonomy import END_USER_TYPES, INTENDED_USES, INTERMEDIARY_ROLES, PRODUCT_CAPABILITIES

from .models import Decision, Precedent

CLOSE_SCORE = 80
SHOWN = 5
EXACT_CANDIDATES = 50
FAMILY_CANDIDATES = 200

CAPABILITY_FAMILIES = {
    "intrusion_spyware": "targeted_surveillance",
    "lawful_interception": "targeted_surveillance",
    "device_forensics": "targeted_surveillance",
    "deep_packet_inspection": "network_control",
    "location_tracking": "tracking_and_analytics",
    "data_analytics": "tracking_and_analytics",
    "biometric_identification": "video_and_biometrics",
    "video_analytics": "video_and_biometrics",
    "video_surveillance": "video_and_biometrics",
    "hpc_accelerators": "compute_and_infrastructure",
    "general_compute": "compute_and_infrastructure",
    "storage": "compute_and_infrastructure",
    "cloud_services": "compute_and_infrastructure",
    "networking": "networking_and_security",
    "cybersecurity": "networking_and_security",
}
FAMILY_NAMES = {
    "targeted_surveillance": "Targeted surveillance (interception, intrusion, forensics)",
    "network_control": "Network control (inspection, filtering)",
    "tracking_and_analytics": "Tracking and data analytics",
    "video_and_biometrics": "Video and biometrics",
    "compute_and_infrastructure": "Compute and infrastructure",
    "networking_and_security": "Networking and security",
    "none": "No product capability",
}
END_USER_GROUPS = {
    **dict.fromkeys(
        (
            "intelligence_agency",
            "police",
            "interior_ministry",
            "military",
            "border_control",
            "prison_detention",
        ),
        "security_forces",
    ),
    **dict.fromkeys(
        ("state_telecom", "other_government", "municipal", "state_owned_enterprise"), "state"
    ),
    **dict.fromkeys(
        (
            "private_telecom",
            "private_enterprise",
            "financial_institution",
            "healthcare",
            "education_research",
            "ngo_civil_society",
        ),
        "private_or_civil",
    ),
}
USE_GROUPS = {
    **dict.fromkeys(
        ("population_monitoring", "targeting_dissent", "ethnic_religious_profiling"), "repression"
    ),
    **dict.fromkeys(("censorship_blocking", "predictive_policing"), "control"),
    **dict.fromkeys(("public_space_surveillance", "border_surveillance"), "mass_surveillance"),
    **dict.fromkeys(("criminal_investigation", "lawful_intercept_compliance"), "law_enforcement"),
}
CHANNEL_SHAPES = {
    0: "direct",
    1: "one intermediary",
    2: "two intermediaries",
}
# factor -> (points when equal, points when only the group agrees)
WEIGHTS = {
    "capability_family": (25, 0),
    "end_user": (25, 15),
    "intended_use": (25, 15),
    "country": (15, 10),
    "channel_shape": (10, 0),
}


@dataclass(frozen=True)
class Features:
    """The comparable facts of one deal (from a decision's frozen snapshot, or live)."""

    capability_family: str
    end_user_type: str
    end_user_group: str
    intended_use: str
    use_group: str
    country: str
    country_band: str
    channel_shape: str

    @property
    def exact_key(self) -> str:
        return "|".join(
            (
                self.capability_family,
                self.end_user_type,
                self.intended_use,
                self.country_band,
                self.channel_shape,
            )
        )

    @property
    def family_key(self) -> str:
        return "|".join((self.capability_family, self.end_user_group, self.use_group))


@dataclass
class Match:
    """A precedent scored against a case: the score and the factors that agreed."""

    precedent: Precedent
    score: int
    matched: list[str] = field(default_factory=list)
    decision: Decision | None = None

    @property
    def close(self) -> bool:
        return self.score >= CLOSE_SCORE


def _riskiest(codes, table) -> str:
    known = [c for c in codes if c in table]
    if not known:
        return ""
    order = list(table)
    return max(known, key=lambda c: (table[c].severity, -order.index(c)))


def country_band(iso2: str) -> str:
    """The country context in a few words: a hard fact first, then civil liberties."""
    ctx = country_context(iso2)
    if ctx.get("country.sanctioned"):
        return "sanctioned"
    if ctx.get("country.armed_conflict"):
        return "armed_conflict"
    liberties = ctx.get("country.civil_liberties")
    if liberties is None:
        return "unknown"
    if liberties < 0.4:
        return "repressive"
    return "restricted" if liberties < 0.7 else "open"


def features_from_snapshot(snapshot: dict) -> Features:
    """The features of a deal as a decision froze it (`reviews.services.deal_snapshot`)."""
    capabilities = [c for line in snapshot.get("lines", []) for c in line.get("capabilities", [])]
    capability = _riskiest(capabilities, PRODUCT_CAPABILITIES)
    use = _riskiest(snapshot.get("intended_use", []), INTENDED_USES) or "unspecified"
    customer = snapshot.get("end_customer", {})
    eu_type = customer.get("type") or "unknown"
    country = (customer.get("country") or "").upper()[:2]
    intermediaries = sum(
        1 for c in snapshot.get("channel", []) if c.get("role") in INTERMEDIARY_ROLES
    )
    return Features(
        capability_family=CAPABILITY_FAMILIES.get(capability, "none"),
        end_user_type=eu_type,
        end_user_group=END_USER_GROUPS.get(eu_type, "unknown"),
        intended_use=use,
        use_group=USE_GROUPS.get(use, "civil" if use != "unspecified" else "unspecified"),
        country=country,
        country_band=country_band(country),
        channel_shape=CHANNEL_SHAPES.get(intermediaries, "three or more intermediaries"),
    )


def features_for_opportunity(opportunity) -> Features:
    from .services import deal_snapshot

    return features_from_snapshot(deal_snapshot(opportunity))


def _agreements(case: Features, p: Precedent) -> tuple[int, list[tuple[str, bool]]]:
    """(score 0–100, [(factor, exactly equal)] for each factor that earned points).
    Plain comparisons only: it runs for every candidate."""
    score, agreed = 0, []
    pairs = {
        "capability_family": (p.capability_family == case.capability_family, False),
        "end_user": (
            p.end_user_type == case.end_user_type,
            p.end_user_group == case.end_user_group,
        ),
        "intended_use": (p.intended_use == case.intended_use, p.use_group == case.use_group),
        "country": (p.country == case.country, p.country_band == case.country_band),
        "channel_shape": (p.channel_shape == case.channel_shape, False),
    }
    for factor, (exact, group) in pairs.items():
        full, part = WEIGHTS[factor]
        if exact:
            score += full
            agreed.append((factor, True))
        elif group and part:
            score += part
            agreed.append((factor, False))
    return score, agreed


def _words(p: Precedent, factor: str, exact: bool) -> str:
    """One agreeing factor in a reviewer's words."""
    if factor == "capability_family":
        return f"capability family: {FAMILY_NAMES.get(p.capability_family, p.capability_family)}"
    if factor == "end_user":
        return (
            f"end user: {_term(END_USER_TYPES, p.end_user_type)}"
            if exact
            else f"end user of the same kind ({p.end_user_group.replace('_', ' ')})"
        )
    if factor == "intended_use":
        return (
            f"intended use: {_term(INTENDED_USES, p.intended_use)}"
            if exact
            else f"use of the same kind ({p.use_group.replace('_', ' ')})"
        )
    if factor == "country":
        return (
            f"country: {country_name(p.country)}"
            if exact
            else f"country context: {p.country_band.replace('_', ' ')}"
        )
    return f"channel: {p.channel_shape}"


def precedent_score(case: Features, p: Precedent) -> tuple[int, list[str]]:
    """(score 0–100, the factors that agreed, in words a reviewer reads)."""
    score, agreed = _agreements(case, p)
    return score, [_words(p, f, exact) for f, exact in agreed]


def _term(table, code: str) -> str:
    term = table.get(code)
    return term.name if term else code


def precedents_for(
    features: Features, *, exclude_opportunity_id: int | None = None, limit: int = SHOWN
) -> list[Match]:
    """The most similar decided deals, best first (two bounded index reads, then scoring;
    the words of each match only for those returned)."""
    base = Precedent.objects.all()
    if exclude_opportunity_id is not None:
        base = base.exclude(opportunity_id=exclude_opportunity_id)
    exact = list(
        base.filter(exact_key=features.exact_key).order_by("-decided_at")[:EXACT_CANDIDATES]
    )
    family = list(
        base.filter(family_key=features.family_key).order_by("-decided_at")[:FAMILY_CANDIDATES]
    )
    seen, scored = set(), []
    for p in exact + family:
        if p.pk in seen:
            continue
        seen.add(p.pk)
        score, agreed = _agreements(features, p)
        scored.append((score, p, agreed))
    scored.sort(key=lambda t: (-t[0], -t[1].decided_at.timestamp()))
    if limit:
        scored = scored[:limit]
    with pinned():  # one read of the reference-data tokens for every country name
        return [
            Match(precedent=p, score=score, matched=[_words(p, f, e) for f, e in agreed])
            for score, p, agreed in scored
        ]


def precedents_for_case(case, *, limit: int = SHOWN) -> tuple[list[Match], Divergence | None]:
    """The best precedents for a case's deal, each with its decision (outcome, conditions,
    reasons), and the usual outcome of all its close precedents (as the decide check sees)."""
    matches = precedents_for(
        features_for_opportunity(case.opportunity),
        exclude_opportunity_id=case.opportunity_id,
        limit=0,
    )
    shown = matches[:limit]
    decisions = Decision.objects.in_bulk([m.precedent.decision_id for m in shown])
    for m in shown:
        m.decision = decisions.get(m.precedent.decision_id)
    return shown, precedent_consensus(matches)


@dataclass
class Divergence:
    """A draft decision against the usual outcome of closely similar precedents."""

    usual_outcome: str
    close: list[Match]

    @property
    def references(self) -> list[str]:
        return [
            m.precedent.reference for m in self.close if m.precedent.outcome == self.usual_outcome
        ]

    @property
    def usual_label(self) -> str:
        return Decision.OUTCOME_LABELS.get(self.usual_outcome, self.usual_outcome)


def precedent_consensus(matches: list[Match]) -> Divergence | None:
    """The usual outcome among the close precedents (ties: the most recent), or None."""
    close = [m for m in matches if m.close]
    if not close:
        return None
    counts = Counter(m.precedent.outcome for m in close)
    top = max(counts.values())
    usual = next(m.precedent.outcome for m in close if counts[m.precedent.outcome] == top)
    return Divergence(usual_outcome=usual, close=close)


def precedent_divergence(opportunity, outcome: str) -> Divergence | None:
    """Non-None when `outcome` differs from the usual outcome of close precedents."""
    matches = precedents_for(
        features_for_opportunity(opportunity), exclude_opportunity_id=opportunity.pk, limit=0
    )
    consensus = precedent_consensus(matches)
    if consensus is None or consensus.usual_outcome == outcome:
        return None
    return consensus


def precedent_record(decision: Decision) -> Precedent:
    """Store a decision's features (in the decision's transaction)."""
    f = features_from_snapshot(decision.deal_snapshot)
    return Precedent.objects.update_or_create(
        decision=decision,
        defaults=dict(
            opportunity_id=decision.opportunity_id,
            reference=decision.deal_snapshot.get("reference", ""),
            outcome=decision.outcome,
            decided_at=decision.decided_at,
            capability_family=f.capability_family,
            end_user_type=f.end_user_type,
            end_user_group=f.end_user_group,
            intended_use=f.intended_use,
            use_group=f.use_group,
            country=f.country,
            country_band=f.country_band,
            channel_shape=f.channel_shape,
            exact_key=f.exact_key,
            family_key=f.family_key,
        ),
    )[0]


@dataclass
class InconsistentPair:
    first: Precedent
    second: Precedent


def inconsistent_pairs(*, limit: int = 50) -> list[InconsistentPair]:
    """Deals alike on every factor but decided differently: the newest decision of each
    outcome per key, paired. A report for the human-rights lead (it reads the whole table
    once, grouped by key)."""
    keys = list(
        Precedent.objects.values("exact_key")
        .annotate(n=Count("outcome", distinct=True))
        .filter(n__gt=1)
        .order_by("exact_key")
        .values_list("exact_key", flat=True)[:limit]
    )
    latest: dict[tuple[str, str], Precedent] = {}
    for p in Precedent.objects.filter(exact_key__in=keys).order_by("exact_key", "-decided_at"):
        latest.setdefault((p.exact_key, p.outcome), p)
    by_key: dict[str, list[Precedent]] = {}
    for (key, _outcome), p in latest.items():
        by_key.setdefault(key, []).append(p)
    pairs = []
    for rows in by_key.values():
        rows.sort(key=lambda p: p.outcome)
        pairs.extend(InconsistentPair(a, b) for i, a in enumerate(rows) for b in rows[i + 1 :])
    return pairs[:limit]
