"""Many registrations naming the same new end customer at once: one organisation row,
every deal saved, no 5xx (the unique index on (lower(name), country) decides the race)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from opportunities.models import Opportunity
from partners import services as partner_services
from partners.models import Organisation
from tests.factories import deal_body

URL = "/api/v1/opportunities/"


@pytest.mark.django_db
def test_a_registration_that_loses_the_race_for_a_new_organisation_is_still_saved(
    api, sales_rep, catalogue, monkeypatch
):
    """Another request registers the same end customer between this request's look-up
    and its insert (what two registrations at once do on PostgreSQL)."""
    real_lookup = partner_services._organisations_by_key
    raced = []

    def look_up_then_lose_the_race(keys):
        found = real_lookup(keys)
        if ("nile logistics", "EG") in keys and not found and not raced:
            raced.append(
                Organisation.objects.create(
                    name="NILE LOGISTICS", country="EG", role="end_customer"
                )
            )
        return found

    monkeypatch.setattr(partner_services, "_organisations_by_key", look_up_then_lose_the_race)
    body = deal_body(
        external_id="RACE-1",
        end_customer={
            "name": "Nile Logistics",
            "country": "EG",
            "type": "private_enterprise",
            "sector": "logistics",
        },
    )
    r = api.as_user(sales_rep).post(URL, body, format="json")
    assert r.status_code == 201, r.content
    assert raced, "the race was not staged"
    deal = Opportunity.objects.get(external_id="RACE-1")
    assert deal.current_screening is not None
    assert Organisation.objects.filter(name__iexact="nile logistics", country="EG").count() == 1
    assert deal.end_customer_id == raced[0].pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="real concurrent writers need PostgreSQL"
)
def test_concurrent_registrations_naming_new_end_customers_all_succeed(
    api, sales_rep, catalogue, transactional_db
):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    token = Token.objects.get_or_create(user=sales_rep)[0].key
    names = [f"Racing Customer {i}" for i in range(8)]
    threads_n, per_thread = 25, 8  # 200 registrations, 25 at a time
    barrier = threading.Barrier(threads_n)
    statuses: list[int] = []
    failures: list[str] = []

    def register(t: int) -> None:
        client = APIClient(raise_request_exception=False)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        try:
            barrier.wait()
            for k in range(per_thread):
                n = t * per_thread + k
                body = deal_body(
                    external_id=f"CONC-{n}",
                    end_customer={
                        "name": names[n % len(names)],
                        "country": "KE",
                        "type": "private_enterprise",
                        "sector": "retail",
                    },
                )
                r = client.post(URL, body, format="json")
                statuses.append(r.status_code)
                if r.status_code != 201:
                    failures.append(f"{n}: {r.status_code} {r.content[:200]!r}")
        except Exception as exc:  # noqa: BLE001 - reported by the assertions below
            failures.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(t,)) for t in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert len(statuses) == threads_n * per_thread
    assert not failures, failures[:5]
    assert Opportunity.objects.filter(external_id__startswith="CONC-").count() == 200
    for name in names:
        assert Organisation.objects.filter(name__iexact=name, country="KE").count() == 1
