"""`manage.py setup`: name the vendor organisation and create the first admin of a fresh
installation (no demo data). Asks for what is not given as an option."""

from __future__ import annotations

import getpass

from django.core.management.base import BaseCommand, CommandError

from hrdd.errors import ApplicationError
from onboarding.services import installation_is_fresh, installation_setup


class Command(BaseCommand):
    help = "Set up a fresh installation: the vendor organisation and the first admin."

    def add_arguments(self, parser):
        parser.add_argument("--vendor", help="The vendor organisation's name")
        parser.add_argument("--country", help="Its country, ISO 3166-1 alpha-2 (e.g. DE)")
        parser.add_argument("--username", help="The first admin's user name")
        parser.add_argument("--email", default="", help="The first admin's e-mail address")
        parser.add_argument(
            "--password-from-env",
            metavar="VARIABLE",
            help="Read the admin's password from this environment variable (no prompt)",
        )

    def handle(self, *args, **options):
        import os

        if not installation_is_fresh():
            self.stdout.write("This installation is already set up (it has an admin).")
            return
        # With the password from the environment nothing is asked (scripts, containers).
        interactive = not options["password_from_env"]
        ask = self._ask if interactive else (lambda prompt, required=True: "")
        vendor = options["vendor"] or ask("Vendor organisation name: ")
        country = options["country"] or ask("Its country (ISO code, e.g. DE): ")
        username = options["username"] or ask("First admin's user name: ")
        email = options["email"] or ask("First admin's e-mail (optional): ", required=False)
        if options["password_from_env"]:
            password = os.environ.get(options["password_from_env"], "")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password again: "):
                raise CommandError("The passwords differ.")
        try:
            admin = installation_setup(
                vendor_name=vendor,
                vendor_country=country,
                username=username,
                email=email,
                password=password,
            )
        except ApplicationError as exc:
            details = "; ".join(f"{k}: {v}" for k, v in (exc.errors or {}).items())
            raise CommandError(f"{exc.message} {details}".strip()) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Set up: {admin.organisation.name} and its admin {admin.username}. Sign in at /login/."
            )
        )

    def _ask(self, prompt: str, required: bool = True) -> str:
        while True:
            value = input(prompt).strip()
            if value or not required:
                return value
            self.stderr.write("Please answer.")
