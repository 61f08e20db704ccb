"""Each answer of the questionnaire and what it does to the maturity and the factors the
rules read: a table of worked cases, no database."""

from __future__ import annotations

from datetime import date

import pytest

from partner_dd.scoring import maturity_score

TODAY = date(2026, 11, 30)
# An advanced partner: every answer at its best, the policy attached.
BEST = {
    "programme": "hrdd_and_export",
    "contact_name": "Jana Novak",
    "contact_email": "compliance@delta.example",
    "staff_trained": True,
    "trained_on": date(2026, 3, 1),
    "screens_end_users": True,
    "kyc_steps": "Sanctions list check and end-user statement",
    "flows_down_clauses": True,
    "prior_incident": False,
    "incident_details": "",
    "accepts_audits": True,
    "accepts_flow_down": True,
}
POLICY = {"policy"}

# id, answer overrides, evidence kinds, maturity, staff_trained, prior_incident,
# refused_flow_down, a reason that must be shown
CASES = [
    (
        "every-answer-at-its-best-is-advanced",
        {},
        POLICY,
        "advanced",
        True,
        False,
        False,
        "Maturity: advanced.",
    ),
    (
        "no-programme-is-none",
        {"programme": "none"},
        POLICY,
        "none",
        True,
        False,
        False,
        "No HRDD or export-compliance programme.",
    ),
    (
        "a-programme-claimed-without-its-policy-counts-as-none",
        {},
        set(),
        "none",
        True,
        False,
        False,
        "no policy document is attached",
    ),
    (
        "a-training-record-is-not-a-policy",
        {},
        {"training"},
        "none",
        True,
        False,
        False,
        "no policy document is attached",
    ),
    (
        "export-compliance-only-is-basic",
        {"programme": "export_only"},
        POLICY,
        "basic",
        True,
        False,
        False,
        "export-compliance programme, no human-rights",
    ),
    (
        "no-named-contact-stops-at-basic",
        {"contact_name": ""},
        POLICY,
        "basic",
        True,
        False,
        False,
        "No named compliance contact.",
    ),
    (
        "a-contact-without-an-email-address-is-not-named",
        {"contact_email": "none"},
        POLICY,
        "basic",
        True,
        False,
        False,
        "No named compliance contact.",
    ),
    (
        "untrained-staff-stop-at-basic",
        {"staff_trained": False},
        POLICY,
        "basic",
        False,
        False,
        False,
        "Staff are not trained",
    ),
    (
        "training-more-than-two-years-ago-does-not-count",
        {"trained_on": date(2024, 11, 1)},
        POLICY,
        "basic",
        False,
        False,
        False,
        "more than two years ago",
    ),
    (
        "training-without-a-date-does-not-count",
        {"trained_on": None},
        POLICY,
        "basic",
        False,
        False,
        False,
        "without a date",
    ),
    (
        "training-dated-in-the-future-does-not-count",
        {"trained_on": date(2027, 1, 1)},
        POLICY,
        "basic",
        False,
        False,
        False,
        "in the future",
    ),
    (
        "no-end-user-screening-stops-at-established",
        {"screens_end_users": False},
        POLICY,
        "established",
        True,
        False,
        False,
        "Does not screen end users",
    ),
    (
        "no-clauses-flowed-down-today-stops-at-established",
        {"flows_down_clauses": False},
        POLICY,
        "established",
        True,
        False,
        False,
        "Does not flow human-rights clauses down",
    ),
    (
        "a-prior-incident-is-a-factor-not-a-lower-maturity",
        {"prior_incident": True, "incident_details": "2023 diversion"},
        POLICY,
        "advanced",
        True,
        True,
        False,
        "Reports a prior incident",
    ),
    (
        "refusing-audits-is-refusing-flow-down-and-stops-at-established",
        {"accepts_audits": False},
        POLICY,
        "established",
        True,
        False,
        True,
        "Does not accept audits",
    ),
    (
        "refusing-the-vendors-clauses-is-refusing-flow-down",
        {"accepts_flow_down": False},
        POLICY,
        "advanced",
        True,
        False,
        True,
        "Does not accept the vendor's human-rights",
    ),
    (
        "an-unanswered-question-counts-as-no",
        {"screens_end_users": None, "accepts_audits": None},
        POLICY,
        "established",
        True,
        False,
        True,
        "Does not screen end users",
    ),
    (
        "nothing-answered-is-none-untrained-and-refusing",
        {k: None for k in BEST},
        set(),
        "none",
        False,
        False,
        True,
        "No HRDD or export-compliance programme.",
    ),
    (
        "an-unknown-programme-code-is-none",
        {"programme": "excellent"},
        POLICY,
        "none",
        True,
        False,
        False,
        "No HRDD or export-compliance programme.",
    ),
]


@pytest.mark.parametrize(
    "overrides, kinds, maturity, trained, incident, refused, reason",
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_each_answer_scores_as_the_table_says(
    overrides, kinds, maturity, trained, incident, refused, reason
):
    score = maturity_score({**BEST, **overrides}, evidence_kinds=kinds, today=TODAY)

    assert score.maturity == maturity, score.reasons
    assert (score.staff_trained, score.prior_incident, score.refused_flow_down) == (
        trained,
        incident,
        refused,
    )
    assert any(reason.lower() in r.lower() for r in score.reasons), score.reasons
    assert score.reasons[-1] == f"Maturity: {maturity}."


def test_the_factors_are_what_the_partner_record_takes():
    score = maturity_score(BEST, evidence_kinds=POLICY, today=TODAY)
    assert score.factors() == {
        "hrdd_maturity": "advanced",
        "staff_trained": True,
        "prior_incident": False,
        "refused_flow_down": False,
    }


def test_training_exactly_two_years_ago_still_counts():
    score = maturity_score(
        {**BEST, "trained_on": date(2024, 11, 30)}, evidence_kinds=POLICY, today=TODAY
    )
    assert score.staff_trained is True
