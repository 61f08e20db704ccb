"""The first set-up of a fresh installation that is not the demo: the vendor organisation
and the first admin, so a real company can start without the demo data or Django's admin."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import User
from audit.services import audit_record
from hrdd.errors import ApplicationError
from partners.services import organisation_get_or_register
from taxonomy.countries import country_codes

from .models import InstallationSetup


def installation_is_fresh() -> bool:
    """No admin yet: the installation still needs its set-up."""
    return not User.objects.filter(role=User.Role.ADMIN, is_active=True).exists()


def installation_has_no_user() -> bool:
    """Nobody has an account yet: the only state in which the set-up page is offered."""
    return not User.objects.exists()


def installation_setup(
    *,
    vendor_name: str,
    vendor_country: str,
    username: str,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    via: str = "command",
) -> User:
    """Register the vendor organisation and its first admin, once.

    Refused when an admin already exists (set-up is not a back door to a second admin
    account), for an unknown country code, or for a password Django's validators refuse.
    From the web (`via="web"`) it is refused as soon as any user exists. Two set-ups at
    once: both insert the one `InstallationSetup` row, so one wins and the other is refused.
    """
    country = (vendor_country or "").strip().upper()
    errors = {}
    if not vendor_name.strip():
        errors["vendor_name"] = "Name the vendor organisation."
    if country not in country_codes():
        errors["vendor_country"] = f'"{vendor_country}" is not an ISO country code (e.g. "DE").'
    if not username.strip():
        errors["username"] = "Choose a user name for the first admin."
    try:
        validate_password(password, User(username=username, email=email))
    except ValidationError as exc:
        errors["password"] = " ".join(exc.messages)
    if errors:
        raise ApplicationError("The set-up needs a few corrections.", errors=errors)
    already = ApplicationError(
        "This installation is already set up: it has an admin.", status_code=409
    )
    with transaction.atomic():
        if not installation_is_fresh() or (via == "web" and not installation_has_no_user()):
            raise already
        _claim_setup(via, already)
        vendor = organisation_get_or_register(name=vendor_name, country=country, role="vendor")
        admin = User.objects.create_user(
            username=username.strip(),
            email=email.strip(),
            password=password,
            first_name=first_name,
            last_name=last_name,
            role=User.Role.ADMIN,
            organisation=vendor,
            is_staff=True,
        )
        audit_record(
            actor=None,
            action="installation.set_up",
            object_type="user",
            object_id=admin.pk,
            changes={
                "vendor": vendor.name,
                "country": country,
                "admin": admin.username,
                "via": via,
            },
        )
    return admin


def _claim_setup(via: str, already: ApplicationError) -> None:
    """Insert the one set-up row; a racing set-up's insert waits for this transaction and
    then fails. The command may run again on an installation left without an admin (its
    row stays); the web page never."""
    try:
        with transaction.atomic():
            if (
                via == "web"
                or not InstallationSetup.objects.select_for_update().filter(pk=1).exists()
            ):
                InstallationSetup.objects.create(pk=1, via=via)
    except IntegrityError:
        raise already from None
