"""What the overviews show: read-only aggregates, each scoped by the app policy that owns
the rows (`*_visible_to`), so an overview can never count what its viewer may not see.

Every chart is a `Chart`: a title, column labels and rows. The page draws it (Chart.js,
from the JSON endpoint) and prints the same rows as a table; the CSV export is the same
rows again, so what the chart shows and what is exported cannot drift apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from statistics import median

from django.db.models import Count, Q
from django.utils import timezone

from channel_imports.policies import imports_visible_to
from opportunities import presenters
from opportunities.policies import opportunities_visible_to
from restricted_parties.models import FalsePositive
from reviews.models import Decision, ReviewCase
from reviews.policies import requests_answerable_by, review_cases_visible_to
from rules.presentation import sees_everything
from taxonomy import words

from . import atlas

WEEKS = 12
TIER_ORDER = ("medium", "high", "critical", "prohibited")


@dataclass
class Chart:
    key: str
    title: str
    kind: str  # "bar", "stacked", "line", "map"
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""
    # A map's countries with deals that it has no shape for: drawn as dots at `points`
    # ([name, longitude, latitude, deals]) and named in `dots` as "Singapore (12 deals)",
    # or, with no point known, named in `off_map`.
    points: list[list] = field(default_factory=list)
    dots: list[str] = field(default_factory=list)
    off_map: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "kind": self.kind,
            "columns": self.columns,
            "rows": self.rows,
            "points": self.points,
        }


def _week_starts(now) -> list:
    monday = (now - timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return [monday - timedelta(weeks=i) for i in range(WEEKS - 1, -1, -1)]


def open_cases_by_tier_and_level(user) -> Chart:
    counts = (
        review_cases_visible_to(user)
        .filter(status__in=ReviewCase.OPEN_STATES)
        .values("tier", "escalation_level")
        .annotate(n=Count("id"))
    )
    levels = dict(ReviewCase._meta.get_field("escalation_level").choices)
    table = {(c["tier"], c["escalation_level"]): c["n"] for c in counts}
    rows = [[words.term(t, "tier"), *(table.get((t, lv), 0) for lv in levels)] for t in TIER_ORDER]
    return Chart(
        "open-cases",
        "Open cases by tier and escalation level",
        "stacked",
        ["Tier", *levels.values()],
        rows,
    )


def sla_and_time_to_decision(user, now=None) -> Chart:
    """Per week of the last twelve: decisions, decisions after their target (SLA
    breaches), and the median days from opening the case to its decision."""
    now = now or timezone.now()
    starts = _week_starts(now)
    decisions = Decision.objects.filter(
        case__in=review_cases_visible_to(user), decided_at__gte=starts[0]
    ).values_list("decided_at", "case__opened_at", "case__effective_due_at")
    per_week: dict[int, list] = {i: [] for i in range(WEEKS)}
    for decided_at, opened_at, due_at in decisions:
        i = min(max((decided_at - starts[0]).days // 7, 0), WEEKS - 1)
        per_week[i].append((decided_at, opened_at, due_at))
    rows = []
    for i, start in enumerate(starts):
        week = per_week[i]
        late = sum(1 for d, _, due in week if due and d > due)
        days = [(d - o).total_seconds() / 86400 for d, o, _ in week]
        rows.append(
            [start.date().isoformat(), len(week), late, round(median(days), 1) if days else None]
        )
    return Chart(
        "decisions",
        "Decisions, SLA breaches and time to decision by week",
        "line",
        ["Week from", "Decisions", "After the target (SLA breach)", "Median days to decision"],
        rows,
    )


def open_cases_overdue(user, now=None) -> int:
    now = now or timezone.now()
    return (
        review_cases_visible_to(user)
        .filter(status__in=ReviewCase.OPEN_STATES, effective_due_at__lt=now)
        .count()
    )


def opportunities_by_country(user, limit: int = 15) -> Chart:
    # Partners and reps count by the tier they are shown: the real tier also moves on
    # hidden causes (a restricted-party match), and a "flagged" count on a country whose
    # deals all show low would tip them off.
    field = "current_screening__tier" if sees_everything(user) else "current_screening__shown_tier"
    counts = (
        opportunities_visible_to(user)
        .values("end_customer_country")
        .annotate(n=Count("id"), flagged=Count("id", filter=~Q(**{f"{field}__in": ("low", "")})))
        .order_by("-n", "end_customer_country")[:limit]
    )
    rows = [[words.country(c["end_customer_country"]), c["n"], c["flagged"]] for c in counts]
    return Chart(
        "countries",
        "Deals by end customer's country",
        "bar",
        ["Country", "Deals", "Flagged (not low)"],
        rows,
    )


def opportunities_by_country_map(user) -> Chart:
    """Every country with deals, keyed by its ISO 3166 numeric code: the vendored
    world-atlas map identifies its shapes by that code, not by alpha-2. A country the
    atlas has no shape for at its scale is drawn as a dot (`points`) where a point is
    known, and is named under the map either way (`dots`, `off_map`), so its deals never
    vanish from it; every country stays in the table too."""
    counts = (
        opportunities_visible_to(user)
        .values("end_customer_country")
        .annotate(n=Count("id"))
        .order_by("-n", "end_customer_country")
    )
    chart = Chart(
        "country-map",
        "Deals by end customer's country: map",
        "map",
        ["Country", "ISO numeric", "Deals"],
    )
    for c in counts:
        code, n = c["end_customer_country"], c["n"]
        name = words.country(code)
        # Kosovo has no ISO numeric: its row keeps "" and the map matches it by name.
        chart.rows.append([name, atlas.iso_numeric(code), n])
        if not code or atlas.drawn_on_map(code, name):
            continue
        label = f"{name} ({n} deal{'' if n == 1 else 's'})"
        dot = atlas.dot_for(code)
        if dot:
            chart.points.append([name, *dot, n])
            chart.dots.append(label)
        else:
            chart.off_map.append(label)
    return chart


def criteria_firing_most(user, now=None, limit: int = 12, days: int = 90) -> Chart:
    """The criteria that fired in the deals' current screenings of the last `days` days."""
    now = now or timezone.now()
    findings = (
        opportunities_visible_to(user)
        .filter(current_screening__created_at__gte=now - timedelta(days=days))
        .values_list("current_screening__findings", flat=True)
    )
    counter: Counter = Counter()
    names: dict[str, str] = {}
    for fired in findings.iterator(chunk_size=2000):
        for f in fired or ():
            counter[f["code"]] += 1
            names.setdefault(f["code"], f.get("name") or f["code"])
    rows = [[names[c], c, n] for c, n in counter.most_common(limit)]
    return Chart(
        "criteria",
        f"Criteria that fired most (current screenings, last {days} days)",
        "bar",
        ["Criterion", "Code", "Deals"],
        rows,
    )


def restricted_party_false_positives(user) -> Chart:
    """How many restricted-party hits compliance cleared as false positives, against the
    deals still held by one: the share of hits that were not the listed party."""
    findings = opportunities_visible_to(user).values_list("current_screening__findings", flat=True)
    held = sum(
        1
        for fired in findings.iterator(chunk_size=2000)
        if any(f.get("dimension") == "restricted_party" for f in fired or ())
    )
    cleared = FalsePositive.objects.count()
    total = held + cleared
    rate = round(100 * cleared / total, 1) if total else None
    chart = Chart(
        "false-positives",
        "Restricted-party hits: false positives",
        "bar",
        ["Hits", "Count"],
        [["Cleared as false positives", cleared], ["Deals held by a hit", held]],
    )
    chart.note = (
        f"{rate}% of restricted-party hits were false positives."
        if rate is not None
        else "No restricted-party hits yet."
    )
    return chart


def imports_in_progress(user) -> list:
    busy = ("validating", "importing", "screening", "promoting")
    return list(
        imports_visible_to(user)
        .filter(status__in=busy)
        .select_related("organisation")
        .order_by("-created_at")[:20]
    )


def opportunities_by_status_for_viewer(user) -> Chart:
    """A partner's or rep's own deals by the status they are shown (the projection)."""
    qs = opportunities_visible_to(user).select_related("current_screening")
    counter: Counter = Counter()
    for o in qs.only("id", "status", "current_screening__shown_tier").iterator(chunk_size=2000):
        counter[presenters.status_for_viewer(o, user)[1]] += 1
    rows = [
        [label, counter[label]]
        for label in dict.fromkeys(label for _, label in presenters.status_choices_for_viewer(user))
        if counter[label]
    ]
    return Chart("my-deals", "Deals by status", "bar", ["Status", "Deals"], rows)


def open_requests_for(user) -> list:
    return list(
        requests_answerable_by(user)
        .filter(answered_at__isnull=True)
        .select_related("case__opportunity")
        .order_by("asked_at")[:50]
    )


def overview_for(user) -> dict:
    """The overview this viewer gets: compliance staff the compliance overview, everyone
    else their own (never a figure about other organisations' deals)."""
    if sees_everything(user):
        charts = [
            open_cases_by_tier_and_level(user),
            sla_and_time_to_decision(user),
            opportunities_by_country(user),
            opportunities_by_country_map(user),
            criteria_firing_most(user),
            restricted_party_false_positives(user),
        ]
        return {
            "compliance": True,
            "charts": charts,
            "overdue": open_cases_overdue(user),
            "imports": imports_in_progress(user),
        }
    charts = [opportunities_by_status_for_viewer(user), opportunities_by_country(user)]
    return {
        "compliance": False,
        "charts": charts,
        "requests": open_requests_for(user),
        "imports": imports_in_progress(user),
    }


def chart_for(user, key: str) -> Chart | None:
    return next((c for c in overview_for(user)["charts"] if c.key == key), None)
