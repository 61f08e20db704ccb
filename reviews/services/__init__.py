"""Review workflow services: every change to a case, a condition or a decision goes here.

Each service takes the acting user (None for the system), checks `reviews.policies`,
changes state through `reviews.workflow._transition` (conditional update + audit event in
the same transaction) and queues notifications with `transaction.on_commit`.

- `routing`: `review_route`, called by `lifecycle.services` after each screening (opens,
  raises and reopens cases)
- `cases`: claim, assign, request information, record an answer (the deal's re-screening
  with it is `lifecycle.services.review_answer`), recommend, send back, clear a
  hard stop, decide
- `escalation`: escalate by hand, the SLA sweep, the review targets
- `concerns`: a finding from outside the screening (a credible misuse report) reopens
- `conditions`: fulfil, verify, reject evidence, the overdue sweep
"""

from ._common import DEFAULT_POLICIES, Target, effective_due, escalation_target
from .cases import (
    information_due_default,
    review_answer_record,
    review_assign,
    review_claim,
    review_clear_hard_stop,
    review_recommend,
    review_request_information,
    review_send_back,
)
from .concerns import review_raise_concern
from .conditions import (
    condition_fulfil,
    condition_reject_evidence,
    condition_verify,
    conditions_flag_overdue,
    conditions_hand_over,
)
from .decisions import deal_snapshot, review_decide
from .escalation import escalation_policy_update, review_escalate, review_escalate_overdue
from .routing import review_route

__all__ = [
    "DEFAULT_POLICIES",
    "Target",
    "condition_fulfil",
    "conditions_hand_over",
    "condition_reject_evidence",
    "condition_verify",
    "conditions_flag_overdue",
    "deal_snapshot",
    "effective_due",
    "escalation_policy_update",
    "escalation_target",
    "information_due_default",
    "review_answer_record",
    "review_assign",
    "review_claim",
    "review_clear_hard_stop",
    "review_decide",
    "review_escalate",
    "review_escalate_overdue",
    "review_raise_concern",
    "review_recommend",
    "review_request_information",
    "review_route",
    "review_send_back",
]
