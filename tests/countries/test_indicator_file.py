"""An admin's country-indicator file is read as strictly as a deal file: a quote left open
must not swallow the rows after it into one cell and import the rest as if nothing happened."""

from __future__ import annotations

import pytest

from countries.models import CountryIndicator
from countries.services import CountryDataError, country_indicators_import

HEADER = "iso2,indicator_code,indicator_name,year,value,source\n"


@pytest.mark.django_db
def test_a_quote_left_open_is_refused_naming_its_row_and_nothing_is_imported(admin_user):
    text = (
        HEADER
        + "NO,vdem_libdem,Liberal democracy,2023,0.85,V-Dem v14\n"
        + 'SE,vdem_libdem,Liberal democracy,2023,0.81,"V-Dem v14\n'
        + "DK,vdem_libdem,Liberal democracy,2023,0.83,V-Dem v14\n"
        + "FI,vdem_libdem,Liberal democracy,2023,0.84,V-Dem v14\n"
    )
    before = CountryIndicator.objects.count()
    with pytest.raises(CountryDataError) as exc:
        country_indicators_import(text=text, actor=admin_user)
    assert "row 3" in str(exc.value) and "quote" in str(exc.value)
    assert CountryIndicator.objects.count() == before


@pytest.mark.django_db
def test_a_well_formed_file_with_quoted_commas_imports_every_row(admin_user):
    text = (
        HEADER
        + 'NO,vdem_libdem,"Liberal democracy, index",2023,0.85,V-Dem v14\n'
        + 'SE,vdem_libdem,"Liberal democracy, index",2023,0.81,"V-Dem, v14"\n'
    )
    assert country_indicators_import(text=text, actor=admin_user) >= 0
    rows = CountryIndicator.objects.filter(code="vdem_libdem", country_id__in=["NO", "SE"])
    assert {r.country_id: r.source for r in rows} == {"NO": "V-Dem v14", "SE": "V-Dem, v14"}
    assert rows.get(country_id="SE").name == "Liberal democracy, index"


@pytest.mark.django_db
def test_a_row_with_too_few_cells_is_refused(admin_user):
    text = HEADER + "NO,vdem_libdem,Liberal democracy,2023\n"
    with pytest.raises(CountryDataError) as exc:
        country_indicators_import(text=text, actor=admin_user)
    assert "row 2" in str(exc.value)
