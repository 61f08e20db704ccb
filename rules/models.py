from __future__ import annotations

from django.conf import settings
from django.db import models

from .textsignals.entry_roles import PHRASE_ROLES, ROLES

# An entry's role as the lexicon's table names it (what each does: ``entry_roles``).
ROLE_CHOICES = [(role, role or "plain") for role in (*ROLES, *PHRASE_ROLES)]


class CriteriaVersion(models.Model):
    """A set of screening criteria. At most one draft is edited at a time; publishing
    freezes it as the next numbered version, which is never changed again, so every
    screening can be traced to the exact criteria that produced it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    number = models.PositiveIntegerField(null=True, blank=True, unique=True)
    name = models.CharField(max_length=200, default="Criteria")
    notes = models.TextField(blank=True, help_text="What changed and why")
    tiers = models.JSONField(default=dict, help_text="Score thresholds: medium, high, critical")
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=models.Q(status="draft"), name="one_draft_only"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.number}" if self.number else "draft"

    @property
    def label(self) -> str:
        return f"Version {self.number}" if self.number else "Draft"


class Criterion(models.Model):
    """One high-risk criterion: a condition over the deal and what follows when it fires.

    The condition is admin-written text in the rules engine's safe expression language;
    it is checked when saved and never executed as Python.
    """

    class Dimension(models.TextChoices):
        PRODUCT_CAPABILITY = "product_capability", "Product capability"
        END_USER = "end_user", "End user"
        INTENDED_USE = "intended_use", "Intended use"
        COUNTRY_CONTEXT = "country_context", "Country context"
        CHANNEL_RED_FLAG = "channel_red_flag", "Channel red flag"
        PARTNER = "partner", "Partner"
        RESTRICTED_PARTY = "restricted_party", "Restricted party"
        COMBINATION = "combination", "Combination"

    class Outcome(models.TextChoices):
        SCORE = "score", "Adds to the score"
        REVIEW = "review", "Compliance review (at least medium)"
        HEIGHTENED_DUE_DILIGENCE = "heightened_due_diligence", "Heightened due diligence"
        COMMITTEE = "committee", "Committee decision"
        HARD_STOP = "hard_stop", "Hard stop"

    version = models.ForeignKey(CriteriaVersion, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(max_length=60)
    name = models.CharField(max_length=200)
    dimension = models.CharField(max_length=30, choices=Dimension.choices)
    condition = models.TextField(max_length=2000)
    scale = models.PositiveSmallIntegerField(default=0)
    scope = models.PositiveSmallIntegerField(default=0)
    irremediability = models.PositiveSmallIntegerField(default=0)
    likelihood = models.PositiveSmallIntegerField(default=0)
    severity_uplift = models.PositiveSmallIntegerField(default=0)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, default=Outcome.SCORE)
    explanation = models.CharField(max_length=300)
    reasoning = models.TextField(blank=True)
    source = models.TextField(blank=True)
    ask = models.TextField(blank=True)
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["dimension", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="criterion_code_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class LexiconEntry(models.Model):
    """One phrase of a criteria version's text-signal lexicon (``rules.textsignals``).

    Part of the version like its criteria: copied into a draft, frozen when published,
    exported in criteria packs. The phrase is admin-written text in the lexicon's small
    pattern language; it is checked when saved and never run as code or as a regex.
    """

    class Category(models.TextChoices):
        TARGETS_DISSENT = "targets_dissent", "Targets dissent"
        PROFILING = "profiling", "Ethnic or religious profiling"
        CENSORSHIP = "censorship", "Censorship and blocking"
        INTERCEPTION = "interception", "Interception or retention without oversight"
        TRACKING = "tracking", "Tracking of people"
        SECURITY_SERVICES = "security_services", "Security or intelligence services"
        DETENTION = "detention", "Detention"
        DETENTION_SITE = "detention_site", "Place of detention named (an end-user fact)"
        BENIGN = "benign", "Benign context (cancels a nearby signal)"

    class Language(models.TextChoices):
        EN = "en", "English"
        FR = "fr", "French"
        ES = "es", "Spanish"
        PT = "pt", "Portuguese"
        AR = "ar", "Arabic"
        RU = "ru", "Russian"
        ZH = "zh", "Chinese"

    version = models.ForeignKey(CriteriaVersion, on_delete=models.CASCADE, related_name="lexicon")
    phrase = models.TextField(max_length=1000)
    language = models.CharField(max_length=2, choices=Language.choices)
    category = models.CharField(max_length=20, choices=Category.choices)

    class Family(models.TextChoices):
        PHRASE = "", "Phrase"
        ACT = "act", "Family of acts"
        TARGET = "target", "Family of targets"

    source = models.TextField(help_text="Where the phrase comes from, or why it signals a risk")
    enabled = models.BooleanField(default=True)
    # A family entry raises nothing alone: the reader joins a category's acts with its
    # targets (``rules.textsignals.lexicon.family_phrases``).
    family = models.CharField(max_length=6, choices=Family.choices, blank=True, default="")
    # A Latin-script phrase reads text that may be in its language; this one reads any
    # (a product name, a loanword). False in the database too: rows written with an older
    # model (migration 0010's) read in their own language.
    any_language = models.BooleanField(default=False, db_default=False)
    # What the entry does beyond matching (benign context: what it may cancel, and whether
    # it may cancel a security service named beside it; ``rules.textsignals.entry_roles``).
    # Fields of their own since migration 0017; before, the beginning of the source set them.
    role = models.CharField(
        max_length=24, choices=ROLE_CHOICES, blank=True, default="", db_default=""
    )
    tells_service = models.BooleanField(default=False, db_default=False)

    class Meta:
        ordering = ["language", "category", "id"]

    def __str__(self) -> str:
        return f"{self.language} {self.category}: {self.phrase[:40]}"


class LearnedCues(models.Model):
    """A criteria version's learned cues (``rules.textsignals.learned_cues``): weights fitted
    on the labelled descriptions, read beside the lexicon.

    Part of the version like its lexicon: copied into a draft, switched off word by word or
    language by language there, frozen when published, exported in criteria packs. A row of
    its own so the thousands of numbers are loaded only to screen, not with every version.
    """

    version = models.OneToOneField(
        CriteriaVersion, on_delete=models.CASCADE, related_name="learned_cues"
    )
    data = models.JSONField(help_text="The cues as a criteria pack holds them")

    def __str__(self) -> str:
        return f"learned cues of {self.version}"


class Screening(models.Model):
    """The result of screening one deal with one published criteria version.

    Immutable once written: a re-screening adds a new row and the deal points at it.
    `snapshot` is the deal as the engine saw it, so the result can be reproduced.
    """

    class Trigger(models.TextChoices):
        REGISTRATION = "registration", "Registration"
        UPDATE = "update", "Deal changed"
        CRITERIA_PUBLISHED = "criteria_published", "Criteria published"
        IMPORT = "import", "Bulk import"
        MANUAL = "manual", "Re-screened on request"
        LIST_UPDATE = "list_update", "Restricted-party list updated"
        COUNTRY_DATA = "country_data", "Country data updated"
        PARTNER_FACTORS = "partner_factors", "Channel organisation's factors changed"
        CONDITION_LAPSED = "condition_lapsed", "A condition of the approval lapsed"
        PARTNER_ASSESSED = "partner_assessed", "A channel partner was assessed"
        # Not "update": the deal's facts did not change, an answer to compliance's question
        # was read with them. Partners hear of it as a re-check (`rules.presentation`).
        ANSWER_READ = "answer_read", "An answer to an information request was read"

    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="screenings"
    )
    criteria_version = models.ForeignKey(CriteriaVersion, on_delete=models.PROTECT)
    trigger = models.CharField(max_length=30, choices=Trigger.choices)
    tier = models.CharField(max_length=12, db_index=True)
    score = models.PositiveSmallIntegerField()
    severity = models.PositiveSmallIntegerField()
    likelihood = models.PositiveSmallIntegerField()
    findings = models.JSONField(default=list)
    reasons = models.JSONField(default=list)
    snapshot = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    # What partners and sales reps are told: the same scoring over the findings they may
    # see (`rules.engine.shown_to_partners`). Stored so their lists filter on it.
    shown_tier = models.CharField(max_length=12, blank=True, db_index=True)
    shown_score = models.PositiveSmallIntegerField(default=1)
    shown_severity = models.PositiveSmallIntegerField(default=1)
    shown_likelihood = models.PositiveSmallIntegerField(default=1)
    restricted_party_matched = models.BooleanField(
        default=False, help_text="Some party matched a restricted-party list (probing watch)"
    )
    text_flagged = models.BooleanField(
        default=False,
        db_default=False,
        help_text="A red flag was read in the deal's text (text probing watch)",
    )
    # The world the screening saw: {"criteria_version": n, "country_data_version": n,
    # "lists": [{"id", "name", "imported_at"}]}. Screenings stored before this existed
    # have {} (their criteria version is still the foreign key above).
    basis = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="screening_rp_matched_idx",
                condition=models.Q(restricted_party_matched=True),
            ),
            # The text probing watch reads a person's recent screenings with red flags.
            models.Index(
                fields=["created_at"],
                name="screening_text_flagged_idx",
                condition=models.Q(text_flagged=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.opportunity_id}: {self.tier} ({self.score})"


class PreviewRun(models.Model):
    """A 'what changes' preview: the draft re-scoring past deals in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    draft = models.ForeignKey(CriteriaVersion, on_delete=models.CASCADE, related_name="previews")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"preview {self.pk} of {self.draft}: {self.status}"

    @property
    def percent(self) -> int:
        return (
            int(100 * self.done / self.total)
            if self.total
            else (100 if self.status == "done" else 0)
        )
