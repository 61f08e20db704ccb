"""The anchor of the API benchmark: a bare Django + DRF project that validates and inserts
a 10-field deal, lists deals and shows one. No authentication, no screening, no audit:
what the same stack does with nothing of this application around it."""
