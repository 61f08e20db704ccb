from __future__ import annotations

import io
from dataclasses import dataclass

import pycountry
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.services import audit_record
from hrdd.csvread import read_records

from .models import Country, CountryDataVersion, CountryIndicator
from .signals import country_data_changed

REQUIRED_COLUMNS = ("iso2", "indicator_code", "indicator_name", "year", "value", "source")
# Defaults an admin should review: comprehensive embargoes and sanctioned governments,
# and countries with an active armed conflict. Both lists are editable in the admin.
DEFAULT_SANCTIONED = {"CU", "IR", "KP", "SY", "RU", "BY"}
DEFAULT_ARMED_CONFLICT = {
    "AF",
    "BF",
    "CD",
    "ET",
    "HT",
    "IL",
    "LY",
    "ML",
    "MM",
    "NE",
    "NG",
    "PS",
    "RU",
    "SD",
    "SO",
    "SS",
    "SY",
    "UA",
    "YE",
}
DEFAULT_NOTE = (
    "Default flag shipped with the application (November 2026); check it against the "
    "current OFAC, EU and UN programmes and conflict data, and record the date."
)


class CountryDataError(ValueError):
    """A country-indicator file that cannot be loaded; nothing was changed."""


@dataclass(frozen=True)
class IndicatorRow:
    iso2: str
    iso3: str
    country: str
    code: str
    name: str
    year: int
    value: float
    source: str
    licence: str


def _all_countries() -> list[tuple[str, str, str]]:
    rows = [(c.alpha_2, c.alpha_3, getattr(c, "common_name", c.name)) for c in pycountry.countries]
    rows.append(("XK", "XKX", "Kosovo"))
    return rows


def _indicator_records(text: str):
    """(row number, cells by column) of an indicator file, read as strictly as a deal
    file: a quote left open is an error naming its row, never rows swallowed."""
    records = read_records(io.BytesIO(text.lstrip("\ufeff").encode("utf-8")), delimiter=",")
    header = next(records, None)
    columns = [c.strip() for c in (header.cells if header else [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CountryDataError(f"missing column(s): {', '.join(missing)}")
    for record in records:
        if record.problem:
            raise CountryDataError(f"row {record.row}: {record.problem}")
        if not any(c.strip() for c in record.cells):
            continue
        if len(record.cells) != len(columns):
            raise CountryDataError(
                f"row {record.row}: {len(record.cells)} cells where the header has {len(columns)}"
            )
        yield record.row, dict(zip(columns, record.cells, strict=True))


def parse_indicator_file(text: str) -> list[IndicatorRow]:
    """Read and check a whole indicator file; raise CountryDataError naming the first bad row."""
    known = {c[0] for c in _all_countries()}
    rows: list[IndicatorRow] = []
    for line, raw in _indicator_records(text):
        iso2 = (raw["iso2"] or "").strip().upper()  # Namibia is the literal "NA"
        if iso2 not in known:
            raise CountryDataError(f"row {line}: unknown country code {iso2!r}")
        try:
            year = int(raw["year"])
            value = float(raw["value"])
        except (TypeError, ValueError):
            raise CountryDataError(
                f"row {line}: year and value must be numbers (got {raw['year']!r}, {raw['value']!r})"
            ) from None
        if not raw["indicator_code"].strip():
            raise CountryDataError(f"row {line}: indicator_code is empty")
        if not raw["source"].strip():
            raise CountryDataError(f"row {line}: every figure needs its source")
        rows.append(
            IndicatorRow(
                iso2,
                (raw.get("iso3") or "").strip(),
                (raw.get("country") or "").strip(),
                raw["indicator_code"].strip(),
                raw["indicator_name"].strip(),
                year,
                value,
                raw["source"].strip(),
                (raw.get("licence") or "").strip(),
            )
        )
    if not rows:
        raise CountryDataError("the file has no rows")
    return rows


def countries_ensure(*, country_model=Country) -> None:
    """Create a row for every ISO country, with the default flags, if missing."""
    existing = set(country_model.objects.values_list("iso2", flat=True))
    country_model.objects.bulk_create(
        [
            country_model(
                iso2=a2,
                iso3=a3,
                name=name,
                sanctioned=a2 in DEFAULT_SANCTIONED,
                armed_conflict=a2 in DEFAULT_ARMED_CONFLICT,
                notes=DEFAULT_NOTE if a2 in DEFAULT_SANCTIONED | DEFAULT_ARMED_CONFLICT else "",
            )
            for a2, a3, name in _all_countries()
            if a2 not in existing
        ]
    )


def country_indicators_import(
    *, text: str, actor=None, country_model=Country, indicator_model=CountryIndicator
) -> int:
    """Load an indicator file: all rows or none. Each (country, indicator) keeps the
    newest figure given; indicators the file does not mention stay as they were.

    When a figure changed, the country data get a new version (audited) and the deals of
    those countries are re-screened in the background."""
    rows = parse_indicator_file(text)
    with transaction.atomic():
        countries_ensure(country_model=country_model)
        before = {
            (c, code): value
            for c, code, value in indicator_model.objects.values_list("country_id", "code", "value")
        }
        for row in rows:
            indicator_model.objects.update_or_create(
                country_id=row.iso2,
                code=row.code,
                defaults={
                    "name": row.name,
                    "year": row.year,
                    "value": row.value,
                    "source": row.source,
                    "licence": row.licence,
                },
            )
        if country_model is Country:  # not from a migration, where the cache has no table yet
            changed = sorted({r.iso2 for r in rows if before.get((r.iso2, r.code)) != r.value})
            if changed:
                country_data_version_record(
                    actor=actor,
                    source="indicator file",
                    countries=changed,
                    summary=f"Indicator figures changed for {', '.join(changed[:20])}"
                    + (f" and {len(changed) - 20} more" if len(changed) > 20 else ""),
                )
            from .selectors import country_context_cache_clear

            country_context_cache_clear()
    return len(rows)


def country_flags_set(
    *, actor, country: Country, sanctioned: bool, armed_conflict: bool, notes: str | None = None
) -> Country:
    """Set a country's sanctioned and armed-conflict flags (admins, through the admin
    site). A change records a new country-data version and re-screens the deals that
    touch the country."""
    with transaction.atomic():
        locked = Country.objects.select_for_update().get(pk=country.pk)
        changes = {
            f: [getattr(locked, f), v]
            for f, v in (("sanctioned", sanctioned), ("armed_conflict", armed_conflict))
            if getattr(locked, f) != v
        }
        locked.sanctioned, locked.armed_conflict = sanctioned, armed_conflict
        if notes is not None:
            locked.notes = notes
        locked.save()
        if changes:
            country_data_version_record(
                actor=actor,
                source="country flags",
                countries=[locked.iso2],
                summary=f"{locked.name}: "
                + ", ".join(
                    f"{f.replace('_', ' ')} {'set' if new else 'cleared'}"
                    for f, (_, new) in changes.items()
                ),
            )
        from .selectors import country_context_cache_clear

        country_context_cache_clear()
    return locked


def country_data_version_record(
    *, actor, source: str, countries: list[str], summary: str
) -> CountryDataVersion:
    """Record the next country-data version in the caller's transaction, with an audit
    event; the apps above re-screen the deals these countries touch (`country_data_changed`,
    in this transaction, so the re-screening is queued with the change or not at all).
    """
    number = (CountryDataVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    version = CountryDataVersion.objects.create(
        number=number,
        created_at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        source=source,
        countries=list(countries),
        summary=summary[:2000],
    )
    audit_record(
        actor=actor,
        action="country_data.changed",
        object_type="country_data_version",
        object_id=version.pk,
        to_state=f"v{number}",
        changes={"source": source, "countries": list(countries)},
        comment=summary,
    )
    country_data_changed.send(
        sender=CountryDataVersion,
        actor=actor,
        version=version,
        countries=list(countries),
        summary=summary,
    )
    return version
