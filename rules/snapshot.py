"""Build the flat snapshot the rules engine reads from a deal and its context.

The engine knows nothing of Django; this module is the one bridge between the two.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects

from countries.selectors import country_context, sanctioned_countries
from restricted_parties.selectors import MATCH, match_thresholds, parties_screen
from rules.textsignals import TEXT_FIELD_LABELS, detected_languages, empty_text_fields
from taxonomy import (
    INTENDED_USES,
    INTERMEDIARY_ROLES,
    PRODUCT_CAPABILITIES,
    SECURITY_FORCE_END_USERS,
)

MATURITY_RANK = {"none": 0, "basic": 1, "established": 2, "advanced": 3}


def derived_red_flags(
    *,
    end_user_type: str,
    end_customer_name: str,
    end_customer_country: str,
    delivery_country: str,
    intermediaries: int,
    customization: bool,
    end_use_statement: str,
) -> list[str]:
    """Red flags that follow from the deal's data and are never asked of the rep."""
    flags = []
    if end_user_type == "unknown" or not end_customer_name.strip():
        flags.append("end_user_undisclosed")
    if delivery_country and delivery_country != end_customer_country:
        flags.append("transshipment")
    if intermediaries > 2:
        flags.append("long_chain")
    if customization:
        flags.append("customization")
    if end_use_statement == "refused":
        flags.append("refuses_end_use_statement")
    return flags


def build_snapshot(
    *,
    end_customer: dict,
    delivery_country: str,
    lines: list[dict],
    channel: list[dict],
    intended_use: list[str],
    use_description: str,
    value_amount,
    value_currency: str,
    customization: bool,
    end_use_statement: str,
    declared_red_flags: list[str],
    partners: list[dict],
    restricted_party_matches: list,
    title: str = "",
    answers: list[str] | tuple[str, ...] = (),
) -> dict:
    """The engine's flat snapshot from plain deal data (used for stored deals and imports).

    `partners` holds each channel organisation's factors: hrdd_maturity, prior_incident,
    refused_flow_down, staff_trained, and dd_status (whether they were assessed; missing
    means assessed, as before assessments were recorded). `answers`: the partners' answers
    to information requests on the deal. The text signals themselves are read when the deal
    is screened, by the lexicon of the criteria version in force (``rules.engine.screen``);
    the language of each text field is detected here, once, to be shown to reviewers.
    """
    capabilities = sorted({c for line in lines for c in line["capabilities"]})
    intermediaries = sum(1 for e in channel if e["role"] in INTERMEDIARY_ROLES)
    red_flags = list(
        dict.fromkeys(
            list(declared_red_flags)
            + derived_red_flags(
                end_user_type=end_customer["type"],
                end_customer_name=end_customer["name"],
                end_customer_country=end_customer["country"],
                delivery_country=delivery_country,
                intermediaries=intermediaries,
                customization=customization,
                end_use_statement=end_use_statement,
            )
        )
    )
    sanctioned = sanctioned_countries()
    all_countries = {end_customer["country"], delivery_country} | {e["country"] for e in channel}
    best = max((m.score for m in restricted_party_matches), default=0.0)
    rp_hits = [m for m in restricted_party_matches if m.band == MATCH]
    rp_possible = [m for m in restricted_party_matches if m.band != MATCH]
    thresholds = match_thresholds()
    snapshot = {
        "end_user.name": end_customer["name"],
        "end_user.type": end_customer["type"],
        "end_user.country": end_customer["country"],
        "end_user.sector": end_customer.get("sector", ""),
        "end_user.is_security_force": end_customer["type"] in SECURITY_FORCE_END_USERS,
        "delivery_country": delivery_country,
        "capabilities": capabilities,
        "capability_severity": max(
            (PRODUCT_CAPABILITIES[c].severity for c in capabilities), default=0
        ),
        "intended_use": list(intended_use),
        "intended_use_severity": max(
            (INTENDED_USES[u].severity for u in intended_use if u in INTENDED_USES), default=0
        ),
        "use_description": use_description or "",
        "customization": bool(customization),
        "end_use_statement": end_use_statement,
        "red_flags": red_flags,
        "channel.intermediaries": intermediaries,
        "channel.roles": [e["role"] for e in channel],
        "channel.countries": [e["country"] for e in channel],
        "value.amount": float(value_amount),
        "value.currency": value_currency,
        "quantity.total": sum(int(line["quantity"]) for line in lines),
        **country_context(end_customer["country"]),
        "countries.any_sanctioned": bool(all_countries & sanctioned),
        "partners.without_hrdd_programme": any(p["hrdd_maturity"] == "none" for p in partners),
        "partners.prior_incident": any(p["prior_incident"] for p in partners),
        "partners.refused_flow_down": any(p["refused_flow_down"] for p in partners),
        "partners.untrained": any(not p["staff_trained"] for p in partners),
        **_assessment_fields(partners),
        "partners.min_maturity": min(
            (MATURITY_RANK.get(p["hrdd_maturity"], 0) for p in partners), default=3
        ),
        "restricted_party.matched": bool(rp_hits),
        "restricted_party.best_score": float(best),
        "restricted_party.matches": [_rp_line(m) for m in rp_hits],
        "restricted_party.possible_match": bool(rp_possible),
        "restricted_party.possible_matches": [_rp_line(m) for m in rp_possible],
        "restricted_party.explanations": [
            f"{_rp_line(m)}, {'match' if m.band == MATCH else 'possible match'}"
            f"{' (' + m.party_country + ')' if m.party_country else ''}: {m.explanation}"
            for m in restricted_party_matches
        ],
        "restricted_party.match_threshold": float(thresholds.match),
        "restricted_party.possible_match_threshold": float(thresholds.possible_match),
        "title": title or "",
        "lines.names": [line["name"] for line in lines if line.get("name", "").strip()],
        "text.answers": [a for a in answers if a and a.strip()],
        **empty_text_fields(),
    }
    snapshot["text.languages"] = detected_languages(
        {path: snapshot[path] for path in TEXT_FIELD_LABELS}, TEXT_FIELD_LABELS
    )
    return snapshot


# Fields added to the snapshot after screenings were first stored, with what an older
# snapshot meant by their absence, so re-scoring a stored snapshot (the preview) can read
# them. Older snapshots have no possible-match band: nothing between match and nothing.
ADDED_FIELDS = {
    "restricted_party.possible_match": False,
    "restricted_party.possible_matches": [],
    "restricted_party.explanations": [],
    "restricted_party.match_threshold": 88.0,  # the one threshold in force before
    "restricted_party.possible_match_threshold": 88.0,
    # Before deal text was read: the text fields the snapshot did not hold read as empty.
    "title": "",
    "lines.names": [],
    "text.answers": [],
    "text.languages": [],
    **empty_text_fields(),
}


def _line_rows(opportunity) -> list:
    """The deal's lines with their products: from memory when prefetched (a product a
    prefetch left out loaded for all of them in one query, not one a line), otherwise in
    one query."""
    if "lines" not in getattr(opportunity, "_prefetched_objects_cache", {}):
        return list(opportunity.lines.select_related("product").all())
    rows = list(opportunity.lines.all())
    unloaded = [li for li in rows if li.product_id and not li._state.fields_cache.get("product")]
    if unloaded:
        prefetch_related_objects(unloaded, "product")
    return rows


def _own_name(line) -> str:
    """A product line's name as the rep wrote it: a product outside the catalogue, or a
    catalogue product renamed; a catalogue product's own name is the vendor's, not read."""
    if line.product_id is None or line.name != line.product.name:
        return line.name
    return ""


def _assessment_fields(partners: list[dict]) -> dict:
    """Unknown scored as unknown: a partner nobody assessed counts as "not assessed",
    never as "no programme" or "untrained"; only assessed partners feed those two."""
    status = [p.get("dd_status", "assessed") for p in partners]
    assessed = [p for p, s in zip(partners, status, strict=True) if s == "assessed"]
    return {
        "partners.not_assessed": "not_assessed" in status,
        "partners.refused_assessment": "refused" in status,
        "partners.assessed_without_programme": any(p["hrdd_maturity"] == "none" for p in assessed),
        "partners.assessed_untrained": any(not p["staff_trained"] for p in assessed),
    }


ASSESSMENT_FIELDS = (
    "partners.not_assessed",
    "partners.refused_assessment",
    "partners.assessed_without_programme",
    "partners.assessed_untrained",
)


def snapshot_upgraded(snapshot: dict) -> dict:
    """A stored snapshot with every later-added field present (see ADDED_FIELDS).

    A snapshot taken before assessments were recorded counted every partner as assessed,
    so its assessed_* fields are what it said of all partners."""
    if all(k in snapshot for k in ADDED_FIELDS) and all(k in snapshot for k in ASSESSMENT_FIELDS):
        return snapshot
    out = {**ADDED_FIELDS, **snapshot}
    if "partners.not_assessed" not in out:
        out.update(
            {
                "partners.not_assessed": False,
                "partners.refused_assessment": False,
                "partners.assessed_without_programme": bool(
                    out.get("partners.without_hrdd_programme", False)
                ),
                "partners.assessed_untrained": bool(out.get("partners.untrained", False)),
            }
        )
    return out


def _rp_line(m) -> str:
    return f"{m.party_name} ≈ {m.matched_alias} ({m.list_name} {m.source_id}, {m.score:g})"


def restricted_party_matches_for(parties: list[tuple[str, str]]) -> list:
    return parties_screen([(n, c) for n, c in parties if n and n.strip()])


def opportunity_snapshot(
    opportunity, *, answers: list[str] | tuple[str, ...] = ()
) -> tuple[dict, list]:
    """The snapshot of a stored deal, and the restricted-party matches behind it.
    `answers`: the partners' answers to information requests on the deal, oldest first.

    Lines and channel just written by the registration are read from memory (their
    organisations are attached); otherwise from the database."""
    if "channel" in getattr(opportunity, "_prefetched_objects_cache", {}):
        channel = list(opportunity.channel.all())
    else:
        channel = list(opportunity.channel.select_related("organisation").all())
    lines = [
        {"capabilities": li.capabilities, "quantity": li.quantity, "name": _own_name(li)}
        for li in _line_rows(opportunity)
    ]
    end_customer = {
        "name": opportunity.end_customer_name,
        "country": opportunity.end_customer_country,
        "type": opportunity.end_user_type,
        "sector": opportunity.end_customer_sector,
    }
    parties = [(opportunity.end_customer_name, opportunity.end_customer_country)] + [
        (e.name, e.country) for e in channel
    ]
    matches = restricted_party_matches_for(parties)
    snapshot = build_snapshot(
        end_customer=end_customer,
        delivery_country=opportunity.delivery_country,
        lines=lines,
        channel=[{"role": e.role, "country": e.country} for e in channel],
        intended_use=opportunity.intended_use,
        use_description=opportunity.use_description,
        value_amount=opportunity.value_amount,
        value_currency=opportunity.value_currency,
        customization=opportunity.customization,
        end_use_statement=opportunity.end_use_statement,
        declared_red_flags=opportunity.declared_red_flags,
        partners=[
            {
                "hrdd_maturity": e.organisation.hrdd_maturity,
                "prior_incident": e.organisation.prior_incident,
                "refused_flow_down": e.organisation.refused_flow_down,
                "staff_trained": e.organisation.staff_trained,
                "dd_status": e.organisation.dd_status,
            }
            for e in channel
        ],
        restricted_party_matches=matches,
        title=opportunity.title,
        answers=answers,
    )
    return snapshot, matches
