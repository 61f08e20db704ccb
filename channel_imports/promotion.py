"""Promoting an import's flagged lines to deals, and the deal data a line makes.

When the last chunk of an import is screened (`screening.py`), one task registers its
flagged lines as deals in batches, then completes the import. What must always be true:
a flagged line becomes at most one deal (`opportunity_register` is idempotent per
(submitting organisation, external_id), and the external_id derives from the line's key);
a line and its deal are promoted together or not at all.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from hrdd.bulk import bulk_set
from hrdd.errors import ApplicationError
from hrdd.heap import heap_settled
from lifecycle.services import opportunity_register_many
from opportunities.selectors import products_active_by_sku
from opportunities.validation import opportunity_clean_direct, opportunity_validate_many
from partners.models import Organisation
from partners.services import organisations_get_or_register
from refdata.cache import pinned
from taxonomy import INTERMEDIARY_ROLES, words

from .models import ChannelImport, ImportLine
from .selectors import FLAGGED_TIERS


def external_id_for(organisation_id: int, key: str) -> str:
    """The deal id of a promoted line: scoped to the partner, stable across re-runs."""
    return f"IMPORT-{organisation_id}-{key}"


def channel_for(org: Organisation, data: dict) -> list[dict]:
    """The deal's channel: the importing partner, then the reseller named on the line."""
    role = org.role if org.role in INTERMEDIARY_ROLES else "distributor"
    entries = [{"name": org.name, "role": role, "country": org.country}]
    if not (
        data["reseller_name"].casefold() == org.name.casefold()
        and data["reseller_country"] == org.country
    ):
        entries.append(
            {"name": data["reseller_name"], "role": "reseller", "country": data["reseller_country"]}
        )
    return entries


def line_title(data: dict, products: dict[str, str] | None = None) -> str:
    """A line as a reader names it: "2 × Deep Packet Inspector for Nile State
    Telecom (Egypt), partner ref. POS-7" — the catalogue's product name, the country in
    words, never a row number or a bare code."""
    sku = data.get("sku") or ""
    name = data.get("product_name") or (products or {}).get(sku, "")
    product = name or sku
    customer = data.get("end_customer_name") or "an undisclosed end customer"
    country = words.country(data.get("end_customer_country"))
    title = f"{data.get('quantity')} × {product} for {customer}" + (
        f" ({country})" if country else ""
    )
    if data.get("partner_reference"):
        title += f", partner ref. {data['partner_reference']}"
    return title[:200]


def sold_on(data: dict) -> str | None:
    """The sale date of a point-of-sale line already made (None for a sale still to come,
    which is the deal's expected close date instead)."""
    sale = data.get("sale_date") or ""
    return sale if sale and sale <= timezone.localdate().isoformat() else None


def line_provenance(imp: ChannelImport, line: ImportLine) -> str:
    """Where a promoted deal came from: the file, its line and the import, and the sale
    date of a sale already made. Kept as the deal's provenance, never in its description:
    the description is read for red flags, and a file's name is no statement of use."""
    told = f"Imported from {imp.original_name}, line {line.line_no} (import {imp.pk})."
    sold = sold_on(line.data)
    if sold:
        told += f" Sold on {words.day(date.fromisoformat(sold))}."
    return told


def opportunity_data(
    imp: ChannelImport, line: ImportLine, products: dict[str, str] | None = None
) -> dict:
    """A flagged line in the API's shape, for `opportunity_register`. A sale already made
    is no close date to decide before: its case gets its review target from the import,
    not "overdue" on arrival; the sale date is kept in the deal's provenance
    (`line_provenance`), which the API's shape has no field for."""
    d = line.data
    if d["sku"]:
        item = {"sku": d["sku"], "quantity": d["quantity"]}
    else:
        item = {
            "name": d["product_name"],
            "capabilities": d["capabilities"],
            "quantity": d["quantity"],
        }
    sold = sold_on(d)
    return {
        "external_id": external_id_for(imp.organisation_id, line.row_key),
        "title": line_title(d, products),
        "end_customer": {
            "name": d["end_customer_name"],
            "country": d["end_customer_country"],
            "type": d["end_user_type"],
            "sector": d["sector"],
        },
        "delivery_country": d["delivery_country"],
        "channel": channel_for(imp.organisation, d),
        "lines": [item],
        "intended_use": d["intended_use"],
        "use_description": "",
        "value": {"amount": d["value_amount"], "currency": d["currency"]},
        "expected_close_date": None if sold else d["sale_date"] or None,
        "customization": d["customization"],
        "red_flags": d["red_flags"],
        "end_use_statement": d["end_use_statement"],
    }


PROMOTE_BATCH = 100
PREREGISTER_BATCH = 5000


def import_promote(*, channel_import_id: int) -> bool:
    """Register every flagged line of the import as a deal (it enters the review queue
    like any other deal), then complete the import.

    In batches: each transaction locks up to PROMOTE_BATCH unpromoted lines (skipping
    lines another worker holds), registers them together (`opportunity_register_many`:
    bulk inserts, each deal still screened, routed and audited) and marks the lines with
    their deals, so a line is promoted once, all or nothing with its deal. Several
    workers may run this for one import and share the lines; whichever finds none left
    completes it. Idempotent: promoted lines are skipped and registration is idempotent
    per external_id.
    """
    from .screening import _complete
    from .services import S

    imp = (
        ChannelImport.objects.select_related("organisation", "uploaded_by", "criteria_version")
        .filter(pk=channel_import_id)
        .first()
    )
    if imp is None or imp.status != S.PROMOTING:
        return False
    # The worker's loaded state (language model, lists, criteria) kept out of the
    # collector's full scans while the batches make their short-lived rows.
    with heap_settled():
        _organisations_preregister(imp)
        while _promote_batch(imp):
            pass
    with transaction.atomic():
        list(ChannelImport.objects.select_for_update().filter(pk=imp.pk).values_list("pk"))
        imp.refresh_from_db(fields=["status"])
        if imp.status == S.PROMOTING and not unpromoted_lines(imp.pk).exists():
            _complete(imp)
    return True


def _organisations_preregister(imp: ChannelImport) -> None:
    """Register the organisations the import's unpromoted lines name (end customers,
    resellers, the partner) before its batches: new ones in one INSERT per few thousand
    names, committed at once. Batches then only look them up, and two workers' batches
    never wait on each other's uncommitted insert of the same new name. An organisation
    whose line is then refused stays registered, as a name known to the registry."""
    rows = unpromoted_lines(imp.pk).values_list("data", flat=True).iterator(chunk_size=2000)
    parties: dict[tuple[str, str], str] = {}
    for d in rows:
        name = d["end_customer_name"].strip() or "Undisclosed end customer"
        parties.setdefault((name, d["end_customer_country"]), "end_customer")
        for entry in channel_for(imp.organisation, d):
            parties.setdefault((entry["name"], entry["country"]), entry["role"])
    wanted = [(n, c, r) for (n, c), r in parties.items()]
    for start in range(0, len(wanted), PREREGISTER_BATCH):
        organisations_get_or_register(wanted[start : start + PREREGISTER_BATCH])


def _promote_batch(imp: ChannelImport) -> int:
    """Promote one batch of lines in one transaction; returns how many were claimed.
    Reference data (catalogue, criteria) are checked once for the batch."""
    with transaction.atomic(), pinned():
        lines = list(
            unpromoted_lines(imp.pk)
            .order_by("id")
            .select_for_update(skip_locked=True)
            .only("id", "line_no", "row_key", "data")[:PROMOTE_BATCH]
        )
        if not lines:
            return 0
        checked = _lines_checked(imp, lines)
        valid = [
            (line, {**clean, "provenance": line_provenance(imp, line)})
            for line, (clean, _) in zip(lines, checked, strict=True)
            if clean is not None
        ]
        registered = iter(
            opportunity_register_many(
                actor=imp.uploaded_by,
                items=[clean for _, clean in valid],
                source="import",
                validated=True,
            )
        )
        results = [
            next(registered)
            if clean is not None
            else ApplicationError("The opportunity is not valid.", errors=errors)
            for clean, errors in checked
        ]
        promoted, refused = [], []
        for line, result in zip(lines, results, strict=True):
            if isinstance(result, ApplicationError):
                detail = "; ".join(f"{k}: {v}" for k, v in result.errors.items())
                line.promotion_error = (result.message + (f" ({detail})" if detail else ""))[:2000]
                refused.append(line)
            else:
                line.opportunity_id = result.opportunity.pk
                promoted.append(line)
        bulk_set(ImportLine, promoted, ["opportunity"])
        bulk_set(ImportLine, refused, ["promotion_error"])
    return len(lines)


def _lines_checked(imp: ChannelImport, lines: list[ImportLine]) -> list[tuple]:
    """Each line as `opportunity_validate` would return it: (clean data, {}) or (None,
    errors). The lines passed the same input rules when they were read, so their clean
    data is built directly (`opportunity_clean_direct`); only a line it will not vouch
    for (a product withdrawn since, a value out of shape) goes through the validator,
    whose messages are kept."""
    catalogue = products_active_by_sku({line.data.get("sku") for line in lines} - {""})
    names = {sku: p.name for sku, p in catalogue.items()}
    data = [opportunity_data(imp, line, names) for line in lines]
    direct = [
        opportunity_clean_direct(d, catalogue=catalogue, submitter=imp.uploaded_by) for d in data
    ]
    slow = [i for i, clean in enumerate(direct) if clean is None]
    checked: list[tuple] = [(clean, {}) for clean in direct]
    if slow:
        for i, result in zip(
            slow,
            opportunity_validate_many([data[i] for i in slow], submitter=imp.uploaded_by),
            strict=True,
        ):
            checked[i] = result
    return checked


def unpromoted_lines(channel_import_id: int):
    """The flagged lines of an import not yet promoted nor refused."""
    return ImportLine.objects.filter(
        channel_import_id=channel_import_id,
        status=ImportLine.Status.SCREENED,
        tier__in=FLAGGED_TIERS,
        opportunity__isnull=True,
        promotion_error="",
    )
