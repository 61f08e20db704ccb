"""What this app tells the apps above it. Sent inside the transaction of the change, so
a receiver's own writes (a re-screening queued through the outbox) commit with it."""

from django.dispatch import Signal

# A new country-data version was recorded: `actor`, `version` (CountryDataVersion),
# `countries` (the ISO codes it changed), `summary`. Monitoring re-screens their deals.
country_data_changed = Signal()
