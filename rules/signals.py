"""What this app tells the apps above it. Sent inside the transaction of the change, so
a receiver's own writes (a re-screening queued through the outbox) commit with it."""

from django.dispatch import Signal

# A criteria version was published: `actor`, `version` (CriteriaVersion). Monitoring
# re-screens open deals and recent approvals with it.
criteria_published = Signal()
