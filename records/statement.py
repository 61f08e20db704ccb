"""The annual statement: how due diligence worked over a period, in aggregates only.

No partner, customer or person is named: deals are counted by channel role, region,
tier, outcome. A count from 1 to `STATEMENT_MIN_COUNT - 1` is suppressed (shown as
"fewer than N"), and so is a median over fewer deals, so the statement can be published.
The page, its charts, the PDF and the CSV are all drawn from `statement_build`'s one
result, so the CSV's numbers are the charts' numbers.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, F, Q
from django.utils import timezone

from opportunities.models import Opportunity
from reviews.models import CaseCondition, Decision, ReviewCase
from rules.models import CriteriaVersion, Screening
from taxonomy import CHANNEL_ROLES

from .models import AuthorityNotification
from .regions import REGIONS, region_of

TIERS = ("low", "medium", "high", "critical", "prohibited")


@dataclass
class Row:
    label: str
    value: float | None  # None: suppressed
    unit: str = "deals"


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row]
    note: str = ""
    chart: bool = True


@dataclass
class Statement:
    start: date
    end: date  # inclusive
    min_count: int
    sections: list[Section] = field(default_factory=list)


def _suppress(n: int, min_count: int) -> int | None:
    return None if 0 < n < min_count else n


def _counts(counter: Counter, labels, min_count: int, unit: str = "deals") -> list[Row]:
    return [
        Row(str(label), _suppress(counter.get(key, 0), min_count), unit) for key, label in labels
    ]


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tz),
        datetime.combine(end + timedelta(days=1), time.min, tz),
    )


def _opportunity_sections(deals, k: int) -> list[Section]:
    """Deals screened in the period, by who registered them, region and tier."""
    sections: list[Section] = []
    by_role = Counter(
        dict(deals.values_list("submitted_by_organisation__role").annotate(n=Count("id")))
    )
    role_labels = [
        (code, CHANNEL_ROLES[code].name if code in CHANNEL_ROLES else code)
        for code in ("vendor", "distributor", "reseller", "integrator", "agent")
    ]
    sections.append(
        Section(
            "screened_by_channel",
            "Deals screened, by who registered them",
            _counts(by_role, role_labels, k),
        )
    )
    by_region = Counter(region_of(c) for c in deals.values_list("end_customer_country", flat=True))
    sections.append(
        Section(
            "screened_by_region",
            "Deals screened, by the end customer's region",
            _counts(by_region, [(r, r) for r in REGIONS], k),
        )
    )
    by_tier = Counter(dict(deals.values_list("current_screening__tier").annotate(n=Count("id"))))
    sections.append(
        Section(
            "screened_by_tier",
            "Deals screened, by risk tier (medium and above are flagged)",
            _counts(by_tier, [(t, t.capitalize()) for t in TIERS], k),
        )
    )
    return sections


def statement_build(*, start: date, end: date) -> Statement:
    """Every figure of the statement for [start, end] (whole days, inclusive)."""
    lo, hi = _period(start, end)
    k = settings.STATEMENT_MIN_COUNT
    st = Statement(start=start, end=end, min_count=k)
    st.sections += _opportunity_sections(
        Opportunity.objects.filter(created_at__gte=lo, created_at__lt=hi), k
    )
    decisions = Decision.objects.filter(decided_at__gte=lo, decided_at__lt=hi)
    by_outcome = Counter(dict(decisions.values_list("outcome").annotate(n=Count("id"))))
    st.sections.append(
        Section("decisions", "Decisions", _counts(by_outcome, Decision.OUTCOME_LABELS.items(), k))
    )
    conditions = CaseCondition.objects.filter(created_at__gte=lo, created_at__lt=hi)
    by_status = Counter(dict(conditions.values_list("status").annotate(n=Count("id"))))
    st.sections.append(
        Section(
            "conditions",
            "Conditions attached, by where they stand now",
            _counts(by_status, CaseCondition.Status.choices, k, "conditions"),
        )
    )
    st.sections.append(_time_to_decision(decisions, k))
    st.sections.append(_sla(lo, hi, k))
    rescreens = Screening.objects.filter(created_at__gte=lo, created_at__lt=hi).exclude(
        trigger__in=[Screening.Trigger.REGISTRATION, Screening.Trigger.IMPORT]
    )
    by_trigger = Counter(dict(rescreens.values_list("trigger").annotate(n=Count("id"))))
    triggers = [
        (t, label) for t, label in Screening.Trigger.choices if t not in ("registration", "import")
    ]
    st.sections.append(
        Section(
            "rescreenings",
            "Re-screenings, by cause",
            _counts(by_trigger, triggers, k, "screenings"),
        )
    )
    notices = AuthorityNotification.objects.filter(aware_at__gte=lo, aware_at__lt=hi)
    notice_rows = Counter(
        {
            "aware": notices.count(),
            "sent": notices.exclude(sent_on=None).count(),
            **dict(
                notices.exclude(answer_outcome="")
                .values_list("answer_outcome")
                .annotate(n=Count("id"))
            ),
        }
    )
    st.sections.append(
        Section(
            "authority_notifications",
            "Notifications to the competent authority",
            _counts(
                notice_rows,
                [
                    ("aware", "Awareness recorded"),
                    ("sent", "Sent"),
                    ("no_objection", "No objection"),
                    ("prohibited", "Not authorised"),
                ],
                k,
                "notifications",
            ),
        )
    )
    st.sections.append(
        Section(
            "grievances",
            "Grievances received, by outcome",
            [],
            chart=False,
            note="Grievances are not yet recorded in this application; none are counted.",
        )
    )
    published = CriteriaVersion.objects.filter(published_at__gte=lo, published_at__lt=hi).order_by(
        "number"
    )
    st.sections.append(
        Section(
            "criteria_changes",
            "Criteria versions published",
            [Row("Versions published", published.count(), "versions")],
            chart=False,
            note=", ".join(f"version {v.number} ({v.published_at:%Y-%m-%d})" for v in published),
        )
    )
    return st


def _time_to_decision(decisions, k: int) -> Section:
    days: dict[str, list[float]] = {t: [] for t in TIERS}
    for tier, opened, decided in decisions.values_list("tier", "case__opened_at", "decided_at"):
        days.setdefault(tier, []).append((decided - opened).total_seconds() / 86400)
    rows = [
        Row(
            t.capitalize(), round(statistics.median(v), 1) if len(v) >= k else None, "days (median)"
        )
        for t, v in days.items()
        if v
    ]
    return Section(
        "time_to_decision",
        "Time from flag to decision, by tier",
        rows,
        note=f"A median over fewer than {k} decisions is not shown.",
    )


def _sla(lo: datetime, hi: datetime, k: int) -> Section:
    late = ReviewCase.objects.filter(
        closed_at__gte=lo, closed_at__lt=hi, due_at__isnull=False, closed_at__gt=F("due_at")
    ).count()
    open_overdue = ReviewCase.objects.filter(
        Q(closed_at__isnull=True) | Q(closed_at__gte=hi),
        opened_at__lt=hi,
        due_at__lt=min(hi, timezone.now()),
    ).count()
    escalated = ReviewCase.objects.filter(escalated_at__gte=lo, escalated_at__lt=hi).count()
    rows = [
        Row("Decided after the target", _suppress(late, k), "cases"),
        Row("Still open past the target at the period's end", _suppress(open_overdue, k), "cases"),
        Row("Escalated", _suppress(escalated, k), "cases"),
    ]
    return Section("sla_breaches", "Review targets (SLA) missed", rows)


def statement_csv_rows(st: Statement) -> list[list[str]]:
    """The CSV: one line per figure, the same figures the charts draw, headed in words;
    the last column is the section's stable id, for whoever compares years by machine."""
    out = [["Section", "Figure", "Value", "Unit", "Section id"]]
    for section in st.sections:
        for row in section.rows:
            value = "suppressed" if row.value is None else _num(row.value)
            out.append([section.title, row.label, value, row.unit, section.key])
    return out


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def statement_charts(st: Statement, *, width: int = 290) -> list[dict]:
    """Each charted section with its bars' lengths, drawn as SVG by the template."""
    charts = []
    for section in st.sections:
        shown = [r.value for r in section.rows if r.value is not None]
        top = max(shown, default=0) or 1
        bars = [
            {
                "label": r.label,
                "value": r.value,
                "text": "" if r.value is None else _num(r.value),
                "width": 0 if not r.value else max(1, round(width * r.value / top)),
                "y": 24 * i,
            }
            for i, r in enumerate(section.rows)
        ]
        charts.append({"section": section, "bars": bars, "height": 24 * len(bars) + 4})
    return charts
