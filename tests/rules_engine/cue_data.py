"""A small labelled set and the English cues fitted on it, for the learned-cue tests."""

from __future__ import annotations

from rules.textsignals.cue_fitting import fit_cues

DANGEROUS = [
    "The ministry will track the phones of the protesters in the capital.",
    "They track the protesters with the handsets of the operator.",
    "Track the cars of the protesters and the organisers.",
    "The agency wants to track the protesters near the square.",
]
BENIGN = [
    "The courier company will track the parcels of the customers.",
    "Track the delivery vans of the retailer in the capital.",
    "The shop wants a dashboard of the sales in the capital.",
    "The phones of the staff get a new mail client.",
    "The protesters asked the city for a permit for the march.",
    "The ministry buys laptops for the schools of the region.",
]
# Ordinary deals, so that a red-flag word is in few of the texts and "the" in most.
FILLER = [
    f"The {buyer} renews the {product} licences of the {site}."
    for buyer in ("bank", "hospital", "university", "airline", "retailer", "insurer")
    for product, site in (
        ("backup", "branches"),
        ("firewall", "offices"),
        ("payroll", "plants"),
        ("mail", "depots"),
    )
]
ITEMS = [{"label": "tracking", "text": t, "lang": "en"} for t in DANGEROUS] + [
    {"label": "benign", "text": t, "lang": "en"} for t in BENIGN + FILLER
]


def english_cues(threshold: float = 0.0) -> dict:
    """Cues fitted on the small set (a threshold the few texts can reach)."""
    return {**fit_cues(ITEMS, "test texts", languages=["en"]), "threshold": threshold}
