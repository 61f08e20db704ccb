"""What this app tells the apps above it. Sent inside the transaction of the change, so
a receiver's own writes (a re-screening queued through the outbox) commit with it."""

from django.dispatch import Signal

# An organisation's partner factors changed: `actor`, `organisation`, `changes`
# ({field: [old, new]}). Monitoring re-screens the deals the organisation is in.
partner_factors_changed = Signal()
