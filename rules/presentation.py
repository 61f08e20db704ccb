"""What each viewer may see of a screening.

Compliance staff (reviewers, senior reviewers, committee members, admins) see everything.
Partner users and sales reps see a projection built from an allow-list: the tier, score
and findings as scored over the findings they may see (`rules.engine.shown_to_partners`:
a partner-facing dimension and only partner-safe fields), and what is asked of them. They
never see restricted-party match details, nor a tier or words that only such a match
would cause: telling a party it matched a sanctions list ("tipping off") defeats the
screening and in some regimes is an offence.
"""

from __future__ import annotations

from django.db.models.fields.json import KeyTransform

from accounts.policies import is_compliance
from opportunities.presenters import status_for_viewer
from rules.engine import PARTNER_SAFE_FIELDS, about_partners, shown_to_partners
from rules.models import LexiconEntry, Screening
from rules.selectors import criteria_compiled
from rules.textsignals import LANGUAGE_NAMES
from rules.textsignals.lexicon import CATEGORY_FIELDS
from rules.textsignals.set_aside import set_aside
from rules.textsignals.snapshot_reading import (
    MAX_QUOTES_PER_CATEGORY,
    PHRASES_FIELD,
    TEXT_FIELD_LABELS,
    TRUNCATED,
)

# The kinds of quote a red flag read in the text may be besides a phrase's, as its quote
# names them ("Use description (English, learned cue): …"): compliance pages say what each
# means; partners and reps read none (``plain_quotes``).
QUOTE_KINDS = ("learned cue", "whole text weighed")


PLAIN_TIER = {
    "low": "Cleared: standard terms apply.",
    "medium": "Standard review: compliance will check the deal; you may be asked for an end-use statement.",
    "high": "On hold for heightened due diligence: compliance reviewers must approve before the sale.",
    "critical": "On hold for a committee decision: the human-rights committee must approve before the sale.",
    "prohibited": "Blocked pending compliance checks: do not proceed; compliance will contact you.",
}
# What partners and reps read, by the status they are shown (opportunities.presenters).
IN_REVIEW = (
    "In compliance review: compliance will check the deal and may ask you for information "
    "(such as an end-use statement). Do not proceed with the sale until it is cleared."
)
SHOWN_SUMMARY = {
    "cleared": PLAIN_TIER["low"],
    "in_review": IN_REVIEW,
    "approved": "Compliance has decided: see the decision and its feedback.",
    "approved_with_conditions": "Compliance has decided: see the decision and its feedback.",
    "rejected": "Compliance has decided: see the decision and its feedback.",
}
# Why a deal was screened, as partners and reps may hear it: their own acts by name; any
# re-check in the vendor's world as one word, since "list_update" on a deal that then goes
# back into review says that a party matched a restricted-party list (tipping off). An
# answer to an information request ("answer_read") is a re-check too: its partner wrote it,
# but the deal's other channel partners must not learn that compliance asks about it.
TRIGGERS_PARTNERS_KNOW = ("registration", "update", "import", "condition_lapsed")


def trigger_for_partners(trigger: str) -> str:
    return trigger if trigger in TRIGGERS_PARTNERS_KNOW else "recheck"


# The keys of a finding partners and reps receive; anything else stays with compliance.
SHOWN_FINDING_KEYS = (
    "code",
    "name",
    "dimension",
    "explanation",
    "severity",
    "likelihood",
    "outcome",
    "ask",
)


def sees_everything(user) -> bool:
    """Compliance staff: the one role check behind every full view of a screening."""
    return is_compliance(user)


def finding_shown(finding: dict) -> bool:
    """May partners and reps see this stored finding? (Findings stored before the flag
    existed are judged by their dimension and the fields their evidence holds; one about
    the channel partners' due diligence never is, whatever was stored.)"""
    if about_partners(finding):
        return False
    if "shown" in finding:
        return bool(finding["shown"])
    return shown_to_partners(finding.get("dimension", ""), finding.get("evidence", {}))


# The snapshot's key with the language detected in each text field (shown to everyone).
TEXT_LANGUAGES = "text.languages"
# A red flag quotes the deal's text back to those who wrote it; a quote from an answer to
# an information request is another party's words to compliance (a partner's, read by the
# rep or another partner), so partners and reps read that words were withheld, neither the
# words nor that they answer compliance: the deal's other channel partners must not learn
# that compliance asks about it (found by a hostile review of the answer's re-screening).
ANSWER_LABEL = TEXT_FIELD_LABELS["text.answers"]
ANSWER_QUOTE = ANSWER_LABEL + " ("
ANSWER_WITHHELD = "words kept for compliance"


def _answers_withheld(item: dict) -> dict:
    evidence = item.get("evidence") or {}
    quoted = [
        q
        for v in evidence.values()
        if isinstance(v, list)
        for q in v
        if isinstance(q, str) and q.startswith(ANSWER_QUOTE)
    ]
    if not quoted:
        return item
    for quote in quoted:
        item["explanation"] = str(item.get("explanation", "")).replace(quote, ANSWER_WITHHELD)
    item["evidence"] = {
        k: [ANSWER_WITHHELD if q in quoted else q for q in v] if isinstance(v, list) else v
        for k, v in evidence.items()
    }
    return item


def shown_findings(findings: list[dict]) -> list[dict]:
    """The findings partners and reps may see, each cut to the allow-listed keys, their
    quotes without the kind of reading that raised them (``plain_quotes``)."""
    out = []
    for f in findings:
        if not finding_shown(f):
            continue
        item = {k: f.get(k, "") for k in SHOWN_FINDING_KEYS}
        item["explanation"] = plain_quotes(str(item["explanation"]))
        if "evidence" in f:
            item["evidence"] = {
                k: [plain_quotes(q) if isinstance(q, str) else q for q in v]
                if isinstance(v, list)
                else v
                for k, v in f["evidence"].items()
                if k in PARTNER_SAFE_FIELDS
            }
        out.append(_answers_withheld(item))
    return out


def plain_quotes(text: str) -> str:
    """``text`` with its quotes' kinds of reading taken out ("Use description (English,
    learned cue): …" reads "Use description (English): …"): partners and reps read their
    words quoted, not whether a lexicon phrase or a model of labelled deals read them (which
    would tell a prober what the screening weighs)."""
    for kind in QUOTE_KINDS:
        text = text.replace(f", {kind})", ")")
    return text


def screening_for_viewer(screening, user, *, shown_status: str = "") -> dict | None:
    """A screening as `user` may see it. `shown_status` is the deal's status as this
    viewer is shown it; it picks the plain-words summary for partners and reps."""
    if screening is None:
        return None
    if sees_everything(user):
        findings = []
        for f in screening.findings:
            item = {k: f.get(k, "") for k in SHOWN_FINDING_KEYS}
            item.update(
                evidence=f["evidence"], reasoning=f.get("reasoning", ""), source=f.get("source", "")
            )
            findings.append(item)
        return {
            "tier": screening.tier,
            "score": screening.score,
            "severity": screening.severity,
            "likelihood": screening.likelihood,
            "criteria_version": screening.criteria_version.number,
            "screened_at": screening.created_at,
            "summary": PLAIN_TIER.get(screening.tier, ""),
            "reasons": list(screening.reasons),
            "asks": list(dict.fromkeys(f["ask"] for f in findings if f.get("ask"))),
            "findings": findings,
            "languages": text_languages(screening),
            "quote_kinds": quote_kinds(findings),
            "quotes_cut": quotes_cut(screening, findings),
            "quotes_kept": MAX_QUOTES_PER_CATEGORY,
        }
    findings = shown_findings(screening.findings)
    tier = screening.shown_tier or "low"
    summary = SHOWN_SUMMARY.get(shown_status) or PLAIN_TIER.get(tier, "")
    return {
        "tier": tier,
        "score": screening.shown_score,
        "severity": screening.shown_severity,
        "likelihood": screening.shown_likelihood,
        "criteria_version": screening.criteria_version.number,
        "screened_at": screened_at_shown(screening),
        "summary": summary,
        "reasons": [summary],
        "asks": list(dict.fromkeys(f["ask"] for f in findings if f.get("ask"))),
        "findings": findings,
        # partners' answers are compliance's (another party's words): not even their languages
        "languages": [
            line for line in text_languages(screening) if not line.startswith(ANSWER_LABEL)
        ],
        "quote_kinds": [],  # their quotes name none (``plain_quotes``)
    }


def quote_kinds(findings: list[dict]) -> list[str]:
    """The kinds of quote (``QUOTE_KINDS``) among the findings' evidence, in that order."""
    found: set[str] = set()
    for finding in findings:
        for value in (finding.get("evidence") or {}).values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    found.update(k for k in QUOTE_KINDS if f", {k})" in item)
    return [k for k in QUOTE_KINDS if k in found]


def quotes_cut(screening, findings: list[dict]) -> list[str]:
    """The red flags, by name, read in more passages of the deal's text than their field
    quotes (``MAX_QUOTES_PER_CATEGORY``), for compliance pages: evidence cut short would
    otherwise read as all there is. Told by the reading's record (a "<category>:+" line in
    ``text.phrases``), looked up only when a finding quotes a full field."""
    full = {
        category
        for f in findings
        for category, field in CATEGORY_FIELDS.items()
        if len((f.get("evidence") or {}).get(field) or ()) >= MAX_QUOTES_PER_CATEGORY
    }
    if not full:
        return []
    if "snapshot" in screening.get_deferred_fields():
        record = (
            Screening.objects.filter(pk=screening.pk)
            .values_list(KeyTransform(PHRASES_FIELD, "snapshot"), flat=True)
            .first()
        )
    else:
        record = (screening.snapshot or {}).get(PHRASES_FIELD)
    cut = {line.rsplit(":", 1)[0] for line in record or () if line.endswith(":" + TRUNCATED)}
    return [LexiconEntry.Category(c).label for c in CATEGORY_FIELDS if c in full & cut]


def screened_at_shown(screening):
    """When the deal was last screened, as a partner or rep may learn it: the last
    screening they could tell from the one before (their own act, or a re-check that moved
    the tier they are shown). A re-check after a list update reaches only the deals near a
    new entry, so a new "screened on" on a deal that reads the same would say that one of
    its parties is (tipping off)."""
    if trigger_for_partners(screening.trigger) != "recheck":
        return screening.created_at  # no query: the deal's page reads it in one statement
    from .models import Screening

    later = None  # (trigger, shown tier, moment) of the screening after the page's rows
    below = screening.pk + 1
    while True:
        rows = list(
            Screening.objects.filter(opportunity_id=screening.opportunity_id, pk__lt=below)
            .order_by("-pk")
            .values_list("pk", "trigger", "shown_tier", "created_at")[:50]
        )
        if not rows:  # never expected: a deal's first screening is never a re-check
            return later[3] if later else screening.created_at
        for row in rows:
            if later is not None and (
                trigger_for_partners(later[1]) != "recheck"
                or (row[2] or "low") != (later[2] or "low")
            ):
                return later[3]
            later = row
        below = rows[-1][0]


def text_languages(screening) -> list[str]:
    """The language detected in each text field of the deal ("Use description: Spanish"):
    partner-safe (``text.languages``), shown to everyone who sees the screening. A reader
    that left the snapshot in the database sets `text_languages_read` from that one key."""
    if hasattr(screening, "text_languages_read"):
        return list(screening.text_languages_read or [])
    return list((screening.snapshot or {}).get(TEXT_LANGUAGES) or [])


def text_set_aside_for(user, screening) -> list[dict]:
    """What the whole-text weighing set aside in the deal's text, for compliance staff on
    the deal's and the case's pages (``text_set_aside``); nothing for anyone else. Not in
    the API, whose reads leave the snapshot in the database."""
    if screening is None or not sees_everything(user):
        return []
    return text_set_aside(screening)


def text_set_aside(screening) -> list[dict]:
    """The red flags the criteria version's whole-text weighing set aside in the deal's text
    (read, but not raised: the text weighed as an ordinary deal), each with its field.
    Worked out from the stored snapshot with the version that screened it (published
    versions never change); empty, the snapshot unread, when the version does not weigh
    whole texts."""
    lexicon = criteria_compiled(screening.criteria_version).lexicon
    if not lexicon.cues or lexicon.cues.ordinary_below is None:
        return []
    snap = screening.snapshot or {}
    out = []
    for path, label in TEXT_FIELD_LABELS.items():
        value = snap.get(path)
        for item in value if isinstance(value, list | tuple) else [value]:
            if not isinstance(item, str):
                continue
            weight, reads = set_aside(item, lexicon)
            out += [
                {
                    "field": label,
                    "category": LexiconEntry.Category(category).label,
                    "language": LANGUAGE_NAMES[language],
                    "quote": quote,
                    "weight": weight,
                    "bound": lexicon.cues.ordinary_below,
                }
                for category, language, quote in reads
            ]
    return out


def restricted_party_explained(screening, user) -> dict | None:
    """Why each party matched or possibly matched a list entry, and the thresholds the
    screening used: for compliance staff only (None for anyone else, or when nothing
    matched)."""
    if screening is None or not sees_everything(user):
        return None
    snap = screening.snapshot or {}
    lines = snap.get("restricted_party.explanations") or []
    if not lines:
        return None
    return {
        "lines": list(lines),
        "match_threshold": snap.get("restricted_party.match_threshold"),
        "possible_match_threshold": snap.get("restricted_party.possible_match_threshold"),
    }


def opportunity_screening_for_viewer(opportunity, user) -> dict | None:
    """A deal's current screening as `user` may see it, with the status they are shown."""
    code, _ = status_for_viewer(opportunity, user)
    return screening_for_viewer(opportunity.current_screening, user, shown_status=code)
