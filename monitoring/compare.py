"""What changed between a deal's last screening and a fresh one, in reviewers' words.

Plain functions over stored screenings and engine results: no writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviews.models import TIER_RANK
from taxonomy import words


@dataclass(frozen=True)
class MatchKey:
    party: str
    list_name: str
    source_id: str
    band: str


@dataclass
class Comparison:
    from_tier: str
    to_tier: str
    new_findings: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    removed_findings: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    new_matches: list[MatchKey] = field(default_factory=list)
    removed_matches: list[MatchKey] = field(default_factory=list)

    @property
    def delta(self) -> int:
        return TIER_RANK.get(self.to_tier, 0) - TIER_RANK.get(self.from_tier, 0)

    @property
    def changed(self) -> bool:
        return bool(
            self.delta
            or self.new_findings
            or self.removed_findings
            or self.new_matches
            or self.removed_matches
        )

    @property
    def escalates(self) -> bool:
        """Something a reviewer must look at: a higher tier, a new finding or match."""
        return self.delta > 0 or bool(self.new_findings or self.new_matches)

    @property
    def direction(self) -> str:
        return "up" if self.delta > 0 else "down" if self.delta < 0 else "same"


def match_keys_of_screening(screening) -> set[MatchKey]:
    """Keys of the matches a stored screening recorded (its basis; for screenings stored
    before the basis existed, read back from the snapshot's match lines)."""
    stored = (screening.basis or {}).get("matches")
    if stored is not None:
        return {MatchKey(p, ln, sid, band) for p, ln, sid, band in stored}
    snap = screening.snapshot or {}
    out = set()
    for key, band in (
        ("restricted_party.matches", "match"),
        ("restricted_party.possible_matches", "possible_match"),
    ):
        for line in snap.get(key) or []:
            # "<party> ≈ <alias> (<list name> <source_id>, <score>)"
            party, _, rest = line.partition(" ≈ ")
            inner = rest.rpartition(" (")[2].rstrip(")")
            list_and_id = inner.rpartition(", ")[0]
            list_name, _, source_id = list_and_id.rpartition(" ")
            out.add(MatchKey(party.strip().lower(), list_name, source_id, band))
    return out


def screening_compare(previous, result, basis: dict) -> Comparison:
    """Compare the deal's last screening with a fresh engine result and its basis."""
    old = {
        f.get("code"): f.get("name") or f.get("code")
        for f in (previous.findings if previous else [])
    }
    new = {f.code: f.name for f in result.findings}
    old_keys = match_keys_of_screening(previous) if previous else set()
    new_keys = {MatchKey(*row) for row in basis.get("matches", [])}
    return Comparison(
        from_tier=previous.tier if previous else "low",
        to_tier=result.tier,
        new_findings=sorted((c, n) for c, n in new.items() if c not in old),
        removed_findings=sorted((c, n) for c, n in old.items() if c not in new),
        new_matches=sorted(new_keys - old_keys, key=lambda k: (k.party, k.list_name, k.source_id)),
        removed_matches=sorted(
            old_keys - new_keys, key=lambda k: (k.party, k.list_name, k.source_id)
        ),
    )


def party_role(opportunity, party_key: str) -> str:
    """'the end customer' or 'the reseller Alpha Systems' for a matched party name."""
    if opportunity.end_customer_name.strip().lower() == party_key:
        return "the end customer"
    for entry in opportunity.channel.all():
        if entry.name.strip().lower() == party_key:
            return f"the {entry.role} {entry.name}"
    return party_key


def change_summary(label: str, comparison: Comparison, opportunity) -> str:
    """ "OFAC SDN, version of Nov 20, 2026: new match for the end customer; tier Low →
    Prohibited" (compliance's words: it may name a list and a party)."""
    parts = []
    for k in comparison.new_matches:
        kind = "match" if k.band == "match" else "possible match"
        parts.append(
            f"new {kind} for {party_role(opportunity, k.party)} ({k.list_name} {k.source_id})"
        )
    for k in comparison.removed_matches:
        parts.append(
            f"{party_role(opportunity, k.party)} no longer matches {k.list_name} {k.source_id}"
        )
    if comparison.delta:
        parts.append(
            f"tier {words.term(comparison.from_tier, 'tier')} → "
            f"{words.term(comparison.to_tier, 'tier')}"
        )
    # findings by name: this comment is read in the deal's history, where codes mean nothing
    for _code, name in comparison.new_findings:
        parts.append(f"new finding “{name}”")
    if comparison.removed_findings:
        parts.append(
            "no longer found: " + ", ".join(f"“{n}”" for _c, n in comparison.removed_findings)
        )
    return f"{label}: " + ("; ".join(parts) if parts else "re-screened")
