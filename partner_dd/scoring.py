"""A partner's questionnaire answers scored into an HRDD maturity level, with reasons.

Plain Python (no Django), so each answer's effect is tested with a table of cases.
What must always be true:

- A programme counts only with its policy document attached: a claim is not evidence.
- Maturity climbs one step at a time: none -> basic (a policy) -> established (HRDD as
  well, a named compliance contact, staff trained within TRAINING_VALID_DAYS) ->
  advanced (also end-user screening, clauses flowed down today, audits accepted).
- The factors the rules read follow the answers: staff_trained only with a training
  date within TRAINING_VALID_DAYS; prior_incident when the partner reports one;
  refused_flow_down when it declines audits or the vendor's flow-down clauses.
- Every step taken or missed gives one reason, in the order of the questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from taxonomy.words import day

TRAINING_VALID_DAYS = 730  # training older than two years no longer counts

PROGRAMMES = {
    "none": "No HRDD or export-compliance programme",
    "export_only": "An export-compliance programme, no human-rights due diligence",
    "hrdd_and_export": "Human-rights due diligence and export-compliance programmes",
}
EVIDENCE_KINDS = {
    "policy": "Policy (HRDD or export compliance)",
    "training": "Training record",
    "clauses": "Contract clauses flowed down",
    "other": "Other evidence",
}


@dataclass(frozen=True)
class MaturityScore:
    """What the answers show: the maturity level, the four factors, and why."""

    maturity: str
    staff_trained: bool
    prior_incident: bool
    refused_flow_down: bool
    reasons: tuple[str, ...]

    def factors(self) -> dict[str, Any]:
        return {
            "hrdd_maturity": self.maturity,
            "staff_trained": self.staff_trained,
            "prior_incident": self.prior_incident,
            "refused_flow_down": self.refused_flow_down,
        }


def _trained(answers: Mapping[str, Any], today: date) -> tuple[bool, str]:
    if answers.get("staff_trained") is not True:
        return False, "Staff are not trained in export compliance or HRDD."
    trained_on = answers.get("trained_on")
    if not isinstance(trained_on, date):
        return False, "Training is claimed without a date: not counted."
    if trained_on > today:
        return False, f"Training is dated in the future ({day(trained_on)}): not counted."
    if (today - trained_on).days > TRAINING_VALID_DAYS:
        return False, f"Last training on {day(trained_on)}, more than two years ago."
    return True, f"Staff trained on {day(trained_on)}."


def _programme(answers: Mapping[str, Any], evidence_kinds: set[str]) -> tuple[str, str]:
    """The programme as shown: (none | export_only | hrdd_and_export, reason)."""
    programme = answers.get("programme") or "none"
    if programme not in PROGRAMMES or programme == "none":
        return "none", "No HRDD or export-compliance programme."
    if "policy" not in evidence_kinds:
        return "none", "A programme is claimed but no policy document is attached: not counted."
    return programme, f"{PROGRAMMES[programme]}, policy attached."


def maturity_score(
    answers: Mapping[str, Any], *, evidence_kinds: set[str], today: date
) -> MaturityScore:
    """Score one questionnaire's answers (see the module docstring for the rules)."""
    programme, why_programme = _programme(answers, evidence_kinds)
    reasons = [why_programme]
    trained, why_trained = _trained(answers, today)
    has_contact = bool(str(answers.get("contact_name") or "").strip()) and "@" in str(
        answers.get("contact_email") or ""
    )
    reasons.append("A named compliance contact." if has_contact else "No named compliance contact.")
    reasons.append(why_trained)
    screens = answers.get("screens_end_users") is True
    reasons.append(
        "Screens end users and knows its customers before each sale."
        if screens
        else "Does not screen end users before each sale."
    )
    flows_down = answers.get("flows_down_clauses") is True
    reasons.append(
        "Flows human-rights clauses down to its own resellers and customers."
        if flows_down
        else "Does not flow human-rights clauses down today."
    )
    incident = answers.get("prior_incident") is True
    reasons.append(
        "Reports a prior incident (diversion, enforcement or a listed affiliate)."
        if incident
        else "Reports no prior incident."
    )
    audits = answers.get("accepts_audits") is True
    flow_down_ok = answers.get("accepts_flow_down") is True
    refused = not (audits and flow_down_ok)
    if not audits:
        reasons.append("Does not accept audits by the vendor.")
    if not flow_down_ok:
        reasons.append("Does not accept the vendor's human-rights flow-down clauses.")
    if not refused:
        reasons.append("Accepts audits and the vendor's flow-down clauses.")

    maturity = "none"
    if programme != "none":
        maturity = "basic"
    if programme == "hrdd_and_export" and has_contact and trained:
        maturity = "established"
    if maturity == "established" and screens and flows_down and audits:
        maturity = "advanced"
    reasons.append(f"Maturity: {maturity}.")
    return MaturityScore(
        maturity=maturity,
        staff_trained=trained,
        prior_incident=incident,
        refused_flow_down=refused,
        reasons=tuple(reasons),
    )
