"""Country context: shipped indicators with source and year, replaced by uploads."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from countries.models import Country, CountryIndicator
from countries.selectors import country_context, country_context_cache_clear

pytestmark = pytest.mark.django_db

HEADER = "iso2,iso3,country,indicator_code,indicator_name,year,value,source,licence\n"


def test_the_shipped_indicators_are_loaded_with_source_and_year():
    country_context_cache_clear()
    nor = country_context("NO")
    assert nor["country.civil_liberties"] > 0.9
    ind = CountryIndicator.objects.get(
        country_id="NA", code="WGI_RL_EST"
    )  # Namibia is "NA", not missing
    assert ind.year == 2023 and "World Bank" in ind.source
    assert Country.objects.get(iso2="IR").sanctioned


def test_an_admin_uploads_a_new_file(admin_user, client):
    client.force_login(admin_user)
    body = HEADER + "NO,NOR,Norway,VDEM_CIVLIB,civ,2025,0.12,Test source 2025,CC-BY\n"
    r = client.post("/criteria/countries/", {"file": SimpleUploadedFile("c.csv", body.encode())})
    assert r.status_code == 302
    country_context_cache_clear()
    assert country_context("NO")["country.civil_liberties"] == 0.12
    assert CountryIndicator.objects.get(country_id="NO", code="VDEM_CIVLIB").year == 2025


def test_a_bad_file_changes_nothing_and_names_the_row(admin_user, client):
    client.force_login(admin_user)
    body = (
        HEADER
        + "NO,NOR,Norway,VDEM_CIVLIB,civ,2025,0.12,src,\nQQ,QQQ,Nowhere,VDEM_CIVLIB,civ,2025,0.5,src,\n"
    )
    r = client.post("/criteria/countries/", {"file": SimpleUploadedFile("c.csv", body.encode())})
    assert r.status_code == 400
    assert "row 3" in r.content.decode() and "QQ" in r.content.decode()
    assert CountryIndicator.objects.get(country_id="NO", code="VDEM_CIVLIB").year == 2023
