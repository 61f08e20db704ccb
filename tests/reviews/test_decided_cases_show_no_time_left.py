"""A decided case has no clock: its page and its queue row say "decided", not "3 days left"
or "5 days overdue"."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.utils import timezone

from reviews.services import review_claim, review_decide

pytestmark = pytest.mark.django_db


def test_a_case_decided_late_shows_no_time_left(client, reviewer, make_deal, case_of):
    deal = make_deal("medium", title="Decided after its target")
    case = review_claim(case=case_of(deal), actor=reviewer)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=30)):
        review_decide(case=case, actor=reviewer, outcome="approve", reasons="Ok.", feedback="Go.")
        client.force_login(reviewer)
        page = client.get(f"/reviews/cases/{case.pk}/").content.decode()
        assert "Time left" not in page and "overdue" not in page.split("<h2")[0]
        queue = client.get("/reviews/?status=all").content.decode()
        assert f'id="case-{case.pk}"' in queue
        row = queue.split(f'id="case-{case.pk}"')[1].split("</tr>")[0]
        cell = re.sub(r"<[^>]+>", " ", row.split(">", 1)[1])  # the text a reviewer reads
        assert "overdue" not in cell and "left" not in cell and "decided" in cell
