"""Writes of partners' due diligence (one package: the questionnaire, sharing, the channel)."""

from .channel import affiliation_record, opportunity_partner_invite
from .core import (
    RESCREEN_TASK,
    evidence_attach,
    partner_opportunities_rescreen,
    questionnaire_accept,
    questionnaire_answers_save,
    questionnaire_decline,
    questionnaire_return,
    questionnaire_score,
    questionnaire_send,
    questionnaire_submit,
    questionnaires_due_send,
)
from .sharing import questionnaire_export, questionnaire_import

__all__ = [
    "RESCREEN_TASK",
    "affiliation_record",
    "opportunity_partner_invite",
    "evidence_attach",
    "partner_opportunities_rescreen",
    "questionnaire_accept",
    "questionnaire_answers_save",
    "questionnaire_decline",
    "questionnaire_export",
    "questionnaire_import",
    "questionnaire_return",
    "questionnaire_score",
    "questionnaire_send",
    "questionnaire_submit",
    "questionnaires_due_send",
]
