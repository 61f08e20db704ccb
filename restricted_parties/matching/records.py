"""What the matcher works with and returns: list entries, hits and their explanations."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntryRecord:
    """What the index knows of one list entry (no database objects)."""

    entry_id: int
    list_name: str
    source_id: str
    name: str
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """Why a party matched an entry, in terms a reviewer can check."""

    matched_name: str
    via: str  # "name", "alias" or "weak alias"
    agreed: tuple[tuple[str, str, int], ...] = ()  # (party's part, listed part, % alike)
    party_only: tuple[str, ...] = ()
    listed_only: tuple[str, ...] = ()
    party_legal_forms: tuple[str, ...] = ()
    listed_legal_forms: tuple[str, ...] = ()
    name_score: float = 0.0
    country_effect: float = 0.0
    country_note: str = ""

    def text(self) -> str:
        agreed = (
            ", ".join(a if a == b else f"{a}≈{b} ({pct}%)" for a, b, pct in self.agreed) or "none"
        )
        out = [f"via {self.via} {self.matched_name!r}", f"parts agreeing: {agreed}"]
        if self.party_only:
            out.append("only in the party's name: " + ", ".join(self.party_only))
        if self.listed_only:
            out.append("only in the listed name: " + ", ".join(self.listed_only))
        if self.party_legal_forms or self.listed_legal_forms:
            out.append(
                "legal forms set aside: "
                + (", ".join(self.party_legal_forms) or "none")
                + " / "
                + (", ".join(self.listed_legal_forms) or "none")
            )
        out.append(f"name score {self.name_score:g}")
        out.append(self.country_note or "country: not compared")
        return "; ".join(out)


@dataclass(frozen=True)
class Hit:
    """One entry matched by one query, through its best-scoring name or alias."""

    entry: EntryRecord
    matched_name: str
    score: float
    country_match: bool = False
    explanation: Explanation | None = None
