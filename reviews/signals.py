"""What this app tells the apps above it. Sent inside the transaction of the change, so
a receiver's writes commit or roll back with it."""

from django.dispatch import Signal

# A case was decided: `actor`, `opportunity_id`. Monitoring settles an approval whose
# basis had changed.
case_decided = Signal()

# A reviewer rejected the evidence for a condition: `actor`, `condition`
# (CaseCondition), `reason`. Monitoring reopens the approval for review.
condition_evidence_rejected = Signal()
