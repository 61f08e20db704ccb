"""What this app tells the apps above it. Sent inside the transaction of the change, so
a receiver's own writes (a re-screening queued through the outbox) commit with it."""

from django.dispatch import Signal

# A restricted-party list version was imported: `actor`, `new` (RestrictedPartyList),
# `previous` (the version it replaces, or None). Monitoring re-screens what it can affect.
restricted_party_list_imported = Signal()
