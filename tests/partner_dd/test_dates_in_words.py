"""A partner's profile and questionnaire give their dates as the other pages do ("30 Nov
2026"), not as a machine writes them (2026-11-30)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from partner_dd import services
from taxonomy import words

from .conftest import GOOD_ANSWERS, policy_pdf

pytestmark = pytest.mark.django_db

# An ISO date a person reads (not a link's ?from=2026-11-01 or a date input's value).
ISO_DATE = re.compile(r"(?<=[>\s(])20\d\d-\d\d-\d\d\b")


def test_the_profile_and_questionnaire_dates_are_in_words(client, delta, delta_user, reviewer):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    services.questionnaire_answers_save(actor=delta_user, questionnaire=q, answers=GOOD_ANSWERS)
    services.evidence_attach(actor=delta_user, questionnaire=q, kind="policy", upload=policy_pdf())
    q = services.questionnaire_submit(actor=delta_user, questionnaire=q)
    services.questionnaire_accept(actor=reviewer, questionnaire=q)
    today = words.day(timezone.localdate(), "en")
    for user in (delta_user, reviewer):
        client.force_login(user)
        for url in (
            reverse("partner-profile", args=[delta.pk]),
            reverse("partner-dd", args=[q.pk]),
        ):
            page = client.get(url).content.decode()
            assert today in page, url
            assert not ISO_DATE.findall(page), (url, ISO_DATE.findall(page))
