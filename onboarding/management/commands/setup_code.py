"""`manage.py setup_code`: print a new one-time code for the web set-up (`/setup/`) of a
fresh installation, replacing any earlier one. Prints nothing once anyone has an account.
`make run`/`make serve` call it as the server starts."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from onboarding.services import setup_code_issue


class Command(BaseCommand):
    help = "Print a new one-time setup code for /setup/ (only while nobody has an account)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default="/setup/",
            help="The set-up page's address to print, e.g. http://127.0.0.1:8000/setup/",
        )

    def handle(self, *args, **options):
        # The service prints the code through the log (settings.LOGGING's console).
        code = setup_code_issue(url=options["url"])
        if code is None and options["verbosity"] > 1:
            self.stdout.write("Not a fresh installation: it has accounts, so no setup code.")
