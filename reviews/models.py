"""The review workflow's data: cases, their timers, decisions, conditions, notifications.

Every timer is a column (`due_at`), never a process: a restart, a lost worker or a sweep
run twice changes nothing, because the sweep claims each row by a conditional update.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import F, Q

TIER_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3, "prohibited": 4}
# A case is open in these statuses; the queue's partial indexes cover only them.
OPEN_CASE_STATES = ("new", "in_review", "information_requested", "recommended", "escalated")
_OPEN_CASES = Q(status__in=list(OPEN_CASE_STATES))
_PRIORITY = (F("tier_rank").desc(), F("effective_due_at").asc(), F("id").asc())
_ASSIGNED, _SET = "reviewcase_assignee_set_idx", Q(assignee__isnull=False)


class EscalationLevel(models.IntegerChoices):
    """Who works a case: it moves up one level per escalation, unassigned at the new level."""

    COMPLIANCE = 1, "Compliance reviewer"
    SENIOR = 2, "Senior reviewer / human-rights lead"
    COMMITTEE = 3, "Executive committee"


class EscalationPolicy(models.Model):
    """The review target for one deal tier (admin-editable; seeded from the domain notes).

    `target_business_days` is the time from opening a case to its decision (None: no
    timer, the case starts at `start_level` at once). After an escalation the new level
    has `level_business_days` before the next one. Changing a policy affects cases opened
    (or escalated) afterwards; running timers keep the due date they were given.
    """

    class Tier(models.TextChoices):
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"
        CRITICAL = "critical", "Critical"
        PROHIBITED = "prohibited", "Prohibited"

    tier = models.CharField(max_length=12, choices=Tier.choices, unique=True)
    target_business_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Business days to a decision; empty = no timer"
    )
    start_level = models.PositiveSmallIntegerField(
        choices=EscalationLevel.choices, default=EscalationLevel.COMPLIANCE
    )
    level_business_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Business days at each higher level after an escalation"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "escalation policies"

    def __str__(self) -> str:
        return f"{self.tier}: {self.target_business_days} business days"


def _user_link() -> models.ForeignKey:
    """A user a case may name: empty when it opens, so indexed only where set (Meta)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )


class ReviewCase(models.Model):
    """The review of one flagged deal (tier medium or above).

    Invariants: at most one open case per deal (database constraint); a case's status
    changes only through `reviews.workflow._transition` (one table, conditional update,
    audit event in the same transaction); a decided case never reopens: a material change
    opens a new case that points at the old one.
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        INFORMATION_REQUESTED = "information_requested", "Information requested"
        RECOMMENDED = "recommended", "Recommended, awaiting decision"
        ESCALATED = "escalated", "Escalated"
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", "Approved with conditions"
        REJECTED = "rejected", "Rejected"

    OPEN_STATES = OPEN_CASE_STATES

    class Outcome(models.TextChoices):
        APPROVE = "approve", "Approve"
        APPROVE_WITH_CONDITIONS = "approve_with_conditions", "Approve with conditions"
        REJECT = "reject", "Reject"

    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="review_cases"
    )
    screening = models.ForeignKey(
        "rules.Screening",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The screening that opened the case or last raised its tier",
    )
    previous_case = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    tier = models.CharField(max_length=12)
    tier_rank = models.PositiveSmallIntegerField(help_text="0 low … 4 prohibited, for ordering")
    country = models.CharField(max_length=2, help_text="End customer's country (denormalised)")
    search_text = models.CharField(
        max_length=700,
        blank=True,
        help_text="Reference, title and end customer, lowercased, for the queue's search",
    )
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NEW)
    escalation_level = models.PositiveSmallIntegerField(
        choices=EscalationLevel.choices, default=EscalationLevel.COMPLIANCE
    )
    assignee = _user_link()
    opened_at = models.DateTimeField()
    due_at = models.DateTimeField(
        null=True, blank=True, help_text="SLA target of the current level"
    )
    effective_due_at = models.DateTimeField(
        null=True, blank=True, help_text="min(SLA target, the deal's expected close date)"
    )
    escalated_at = models.DateTimeField(null=True, blank=True)
    recommended_by = _user_link()
    recommendation = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    recommendation_reasons = models.TextField(blank=True)
    hard_stop_cleared_by = _user_link()
    hard_stop_cleared_at = models.DateTimeField(null=True, blank=True)
    hard_stop_note = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-tier_rank", "effective_due_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity"],
                condition=_OPEN_CASES,
                name="reviewcase_one_open_case_per_deal",
            )
        ]
        indexes = [
            # The queue's default order (severity, then time left) over open cases only,
            # and over every case for "all" and the closed statuses (else a sort of all).
            models.Index(*_PRIORITY, name="reviewcase_queue_idx", condition=_OPEN_CASES),
            models.Index(*_PRIORITY, name="reviewcase_all_queue_idx"),
            # The escalation sweep: open cases whose timer has run out.
            models.Index(
                fields=["due_at"],
                name="reviewcase_sweep_idx",
                condition=_OPEN_CASES,
            ),
            # "My cases", the assignee filter and the by-assignee order.
            models.Index(
                F("assignee_id").asc(),
                F("tier_rank").desc(),
                F("effective_due_at").asc(),
                name="reviewcase_assignee_idx",
                condition=_OPEN_CASES,
            ),
            # The other sort orders and the country filter, each over open cases.
            models.Index(
                F("effective_due_at").asc(),
                F("id").asc(),
                name="reviewcase_due_idx",
                condition=_OPEN_CASES,
            ),
            models.Index(
                F("opened_at").asc(),
                F("id").asc(),
                name="reviewcase_opened_idx",
                condition=_OPEN_CASES,
            ),
            models.Index(
                F("country").asc(),
                F("tier_rank").desc(),
                F("effective_due_at").asc(),
                name="reviewcase_country_idx",
                condition=_OPEN_CASES,
            ),
            # The links a new case leaves empty, indexed where set: a case opened at
            # registration writes no entry in them, and `= x` or `IN (…)` (a user's
            # deletion, the case a case follows) still finds its rows by index; a
            # person's cases in the queue's order too (the assignee filter with "all").
            models.Index(F("assignee_id").asc(), *_PRIORITY, name=_ASSIGNED, condition=_SET),
            *(
                models.Index(fields=[field], name=name, condition=Q(**{f"{field}__isnull": False}))
                for field, name in (
                    ("previous_case", "reviewcase_previous_set_idx"),
                    ("recommended_by", "reviewcase_recommender_idx"),
                    ("hard_stop_cleared_by", "reviewcase_stop_clearer_idx"),
                )
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.pk} ({self.tier}, {self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES


def _evidence_path(instance: InformationRequest, filename: str) -> str:
    # Never the uploader's file name: a random one with the checked extension.
    return f"evidence/{instance.case_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class InformationRequest(models.Model):
    """Specific questions from a reviewer to the deal's rep or partner, and their answer.

    The addressee answers in the app and may attach an end-use certificate or statement
    (pdf, png or jpg, size-capped, stored under MEDIA_ROOT with a random name and served
    only to people who may see the deal).
    """

    case = models.ForeignKey(
        ReviewCase, on_delete=models.CASCADE, related_name="information_requests"
    )
    addressed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    questions = models.TextField(max_length=5000)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField()
    # The day the answer is expected by, told to the addressee (null: asked before due
    # dates were recorded).
    due_date = models.DateField(null=True, blank=True)
    answer = models.TextField(blank=True, max_length=10000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    attachment = models.FileField(upload_to=_evidence_path, blank=True, max_length=200)
    attachment_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["asked_at", "id"]

    def __str__(self) -> str:
        return f"Questions on case {self.case_id} to {self.addressed_to_id}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None


class Decision(models.Model):
    """A decision on a case, frozen with what it was based on.

    Written once and never changed: the deal as it stood, the screening and criteria
    version, who recommended and who decided, the reasons (internal) and the feedback the
    submitter sees, and the conditions attached.
    """

    case = models.OneToOneField(ReviewCase, on_delete=models.CASCADE, related_name="decision")
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="review_decisions"
    )
    outcome = models.CharField(max_length=30, choices=ReviewCase.Outcome.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    recommended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recommendation = models.CharField(max_length=30, blank=True)
    screening = models.ForeignKey("rules.Screening", on_delete=models.PROTECT, related_name="+")
    criteria_version = models.PositiveIntegerField(null=True)
    tier = models.CharField(max_length=12)
    escalation_level = models.PositiveSmallIntegerField()
    deal_snapshot = models.JSONField()
    reasons = models.TextField(help_text="The reviewer's reasons (internal)")
    feedback = models.TextField(
        blank=True, help_text="What the submitter is told, in words they can act on"
    )
    conditions = models.JSONField(default=list)
    precedent_reason = models.TextField(
        blank=True,
        help_text="Why the decision differs from closely similar precedents (when it does)",
    )
    diverges_from = models.JSONField(
        default=list, blank=True, help_text="References of the close precedents decided otherwise"
    )

    OUTCOME_LABELS = {
        "approve": "Approved",
        "approve_with_conditions": "Approved with conditions",
        "reject": "Rejected",
    }

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.outcome_label} (case {self.case_id})"

    @property
    def outcome_label(self) -> str:
        return self.OUTCOME_LABELS.get(self.outcome, self.outcome)


class Mitigation(models.Model):
    """A mitigation from the library that a reviewer can attach to an approval."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    default_due_days = models.PositiveSmallIntegerField(default=30)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CaseCondition(models.Model):
    """One condition of an approval: a mitigation with an owner and a due date.

    Followed up after the sale: the owner marks it fulfilled with an evidence note, a
    reviewer verifies it. An open condition past its due date escalates like a case
    (`escalation_level` and `due_at` claimed by conditional update in the sweep).
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        FULFILLED = "fulfilled", "Fulfilled, awaiting verification"
        VERIFIED = "verified", "Verified"

    case = models.ForeignKey(ReviewCase, on_delete=models.CASCADE, related_name="conditions")
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="review_conditions"
    )
    mitigation = models.ForeignKey(Mitigation, on_delete=models.PROTECT, related_name="+")
    details = models.TextField(blank=True, max_length=2000)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField()
    due_at = models.DateTimeField(help_text="When the next overdue escalation is due")
    escalation_level = models.PositiveSmallIntegerField(default=0, help_text="0 = not overdue yet")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    evidence_note = models.TextField(blank=True, max_length=5000)
    fulfilled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(
                fields=["due_at"], name="casecondition_sweep_idx", condition=Q(status="open")
            ),
            models.Index(fields=["owner", "status"], name="casecondition_owner_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.mitigation} (due {self.due_date:%Y-%m-%d}, {self.status})"


class Notification(models.Model):
    """One message to one person: shown in the inbox, and emailed once.

    Created by a Celery task after the change commits; (recipient, event, kind) is unique,
    so a redelivered task does not notify twice.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event_id = models.BigIntegerField(help_text="The audit event this tells about")
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    case = models.ForeignKey(
        ReviewCase, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_id", "kind"], name="notification_once_per_event"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class Concern(models.Model):
    """A finding raised on a deal from outside its screening (a credible misuse report).

    It opens or reopens the deal's review (`reviews.services.review_raise_concern`) and is
    shown to compliance staff only: partners and reps never learn that one exists. One row
    per deal and source reference; never edited once raised (the audit trail records it).
    """

    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="review_concerns"
    )
    source = models.CharField(max_length=30, help_text="e.g. misuse_report")
    reference = models.CharField(max_length=30, help_text="e.g. R-000012")
    summary = models.CharField(max_length=300)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField()
    case = models.ForeignKey(
        ReviewCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="concerns"
    )

    class Meta:
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "source", "reference"], name="concern_once_per_deal"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.summary}"


class Precedent(models.Model):
    """The comparable features of one decided deal, so later cases can find it fast.

    Derived from the decision's frozen deal snapshot (rebuildable with `manage.py
    precedents_rebuild`), written in the decision's transaction. `exact_key` joins every
    factor (capability family, end-user type, primary intended use, country context band,
    channel shape); `family_key` only the first three in their coarse groups. A case's
    candidates are found by these indexed keys, newest first and bounded, then scored, so
    the look-up costs the same with ten thousand past deals or a million.

    The decision and deal are not foreign keys with constraints: the table is a derived
    index that benchmarks fill with synthetic rows and that `precedents_rebuild` refills.
    """

    decision = models.OneToOneField(
        Decision, on_delete=models.CASCADE, related_name="precedent", db_constraint=False
    )
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    reference = models.CharField(max_length=20)
    outcome = models.CharField(max_length=30)
    decided_at = models.DateTimeField()
    capability_family = models.CharField(max_length=30)
    end_user_type = models.CharField(max_length=30)
    end_user_group = models.CharField(max_length=30)
    intended_use = models.CharField(max_length=40, help_text="The highest-severity intended use")
    use_group = models.CharField(max_length=30)
    country = models.CharField(max_length=2)
    country_band = models.CharField(max_length=30)
    channel_shape = models.CharField(max_length=40)
    exact_key = models.CharField(max_length=200)
    family_key = models.CharField(max_length=100)

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [
            models.Index(F("exact_key").asc(), F("decided_at").desc(), name="precedent_exact_idx"),
            models.Index(
                F("family_key").asc(), F("decided_at").desc(), name="precedent_family_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.outcome}"
