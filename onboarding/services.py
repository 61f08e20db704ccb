"""The first set-up of a fresh installation that is not the demo: the vendor organisation
and the first admin, so a real company can start without the demo data or Django's admin."""

from __future__ import annotations

import logging
import re
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from hrdd.errors import ApplicationError
from partners.services import organisation_get_or_register
from taxonomy.countries import country_codes
from taxonomy.visible import name_as_read

from .models import InstallationSetup, SetupCode

logger = logging.getLogger(__name__)

# No 0/O, 1/I/L: read off a console and typed by hand. 8 of 32 symbols: 40 bits, against
# SIGNIN_FAILURE_LIMIT guesses per lock-out period.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


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
    setup_code: str = "",
) -> User:
    """Register the vendor organisation and its first admin, once.

    Refused when an admin already exists (set-up is not a back door to a second admin
    account), for an unknown country code, or for a password Django's validators refuse.
    From the web (`via="web"`) it is refused as soon as any user exists, and without the
    setup code from the server's log (see `setup_code_issue`), which it uses up. Two
    set-ups at once: both insert the one `InstallationSetup` row, so one wins and the other
    is refused.
    """
    code_hash, code_refused = None, None
    if via == "web":
        try:
            code_hash = setup_code_check(setup_code)
        except ApplicationError as exc:
            code_refused = exc
    already = ApplicationError(
        "This installation is already set up: it has an admin.", status_code=409
    )
    if code_refused and not installation_is_fresh():
        # The code was used up by a set-up that finished while this one waited (SQLite
        # takes writers one at a time): this one came second, not with a wrong code.
        raise already
    country = (vendor_country or "").strip().upper()
    errors = {}
    if not name_as_read(vendor_name):
        errors["vendor_name"] = "Name the vendor organisation."
    if country not in country_codes():
        errors["vendor_country"] = f'"{vendor_country}" is not an ISO country code (e.g. "DE").'
    if not username.strip():
        errors["username"] = "Choose a user name for the first admin."
    try:
        validate_password(password, User(username=username, email=email))
    except ValidationError as exc:
        errors["password"] = " ".join(exc.messages)
    if code_refused:
        errors = {**code_refused.errors, **errors}
    if errors:
        status = code_refused.status_code if code_refused else None
        raise ApplicationError(
            "The set-up needs a few corrections.", errors=errors, status_code=status
        )
    with transaction.atomic():
        if not installation_is_fresh() or (via == "web" and not installation_has_no_user()):
            raise already
        _claim_setup(via, already)
        # The code opens the set-up once: a set-up that used it deletes exactly its row.
        codes = SetupCode.objects.filter(pk=1)
        if code_hash is not None:
            if not codes.filter(code_hash=code_hash).delete()[0]:
                raise already
        else:
            codes.delete()
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


def _normalised(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def setup_code_issue(*, url: str = "/setup/", only_if_none: bool = False) -> str | None:
    """Issue the one-time code that opens the web set-up and print it to the server's log
    ("Open …/setup/ and enter the setup code XXXX-XXXX"); keep only its hash. None, and
    nothing printed, once anyone has an account, or with `only_if_none` when a code is
    already out (the first visit of the page issues one; a reload does not replace it).
    A new code replaces the previous one and clears its count of wrong attempts.
    """
    if not installation_has_no_user():
        return None
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    code = f"{raw[:4]}-{raw[4:]}"
    fields = {"code_hash": make_password(raw), "issued_at": timezone.now(), "failures": 0}
    with transaction.atomic():
        if only_if_none:
            try:
                with transaction.atomic():
                    SetupCode.objects.create(pk=1, locked_until=None, **fields)
            except IntegrityError:
                return None
        else:
            SetupCode.objects.update_or_create(pk=1, defaults={**fields, "locked_until": None})
        audit_record(
            actor=None,
            action="installation.setup_code_issued",
            object_type="installation",
            object_id=1,
            changes={},
        )
    logger.warning("Open %s and enter the setup code %s", url, code)
    return code


def setup_code_check(code: str) -> str:
    """The stored hash when `code` is the setup code; otherwise `ApplicationError` with the
    reason in words (400, or 429 past SIGNIN_FAILURE_LIMIT wrong codes until
    SIGNIN_LOCKOUT_MINUTES have passed, as for signing in). Wrong codes are counted in
    their own transaction, so the count survives the refusal."""
    now = timezone.now()
    with transaction.atomic():
        row = SetupCode.objects.select_for_update().filter(pk=1).first()
        if row is None:
            raise _code_error(
                "No setup code is waiting: reload this page and a new one is printed in the "
                "server's log."
            )
        if row.locked_until and row.locked_until > now:
            minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
            raise _code_error(
                f"Too many wrong setup codes. Try again in {minutes} minutes, or set up "
                "from the server with manage.py setup.",
                status_code=429,
            )
        if check_password(_normalised(code), row.code_hash):
            return row.code_hash
        row.failures += 1
        if row.failures >= settings.AXES_FAILURE_LIMIT:
            row.failures, row.locked_until = 0, now + settings.AXES_COOLOFF_TIME
        row.save(update_fields=["failures", "locked_until"])
    raise _code_error(
        "That is not the setup code. The server printed it in its log: "
        '"Open …/setup/ and enter the setup code …".'
        if code
        else "Enter the setup code the server printed in its log."
    )


def _code_error(message: str, status_code: int = 400) -> ApplicationError:
    return ApplicationError(message, errors={"setup_code": message}, status_code=status_code)
