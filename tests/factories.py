"""factory_boy factories and a helper that builds a valid deal body in the API's shape."""

from __future__ import annotations

import factory

from accounts.models import Team, User
from opportunities.models import Product
from partners.models import Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name", "country")

    name = factory.Sequence(lambda n: f"Partner {n} GmbH")
    country = "DE"
    role = "reseller"
    hrdd_maturity = "established"
    staff_trained = True
    dd_status = "assessed"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    role = User.Role.SALES_REP
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product
        django_get_or_create = ("sku",)

    sku = factory.Sequence(lambda n: f"SKU-{n:04d}")
    name = factory.Sequence(lambda n: f"Product {n}")
    vendor = "Northwind Networks"
    capabilities = ["networking"]


def deal_body(**overrides) -> dict:
    """A valid, low-risk deal in the public API shape; override any top-level key."""
    body = {
        "external_id": "",
        "title": "Campus network refresh",
        "end_customer": {
            "name": "Fjord Logistics AS",
            "country": "NO",
            "type": "private_enterprise",
            "sector": "logistics",
        },
        "delivery_country": "NO",
        "channel": [{"name": "Nordic Distribution AB", "role": "distributor", "country": "SE"}],
        "lines": [{"sku": "NET-4400", "quantity": 10}],
        "intended_use": ["enterprise_it"],
        "use_description": "Office switching",
        "value": {"amount": "120000.00", "currency": "EUR"},
        "expected_close_date": "2027-03-31",
        "customization": False,
        "red_flags": [],
        "end_use_statement": "signed",
    }
    body.update(overrides)
    return body
