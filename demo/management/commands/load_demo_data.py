from django.core.management.base import BaseCommand

from demo.decisions import demo_decisions_load
from demo.services import DEMO_PASSWORD, USERS, demo_data_load


class Command(BaseCommand):
    help = "Load the fictional demo vendor, channel, users and deals (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--deals", type=int, default=40)
        parser.add_argument(
            "--no-decisions",
            action="store_true",
            help="Leave every flagged deal undecided (by default a dozen are decided, so cases "
            "show precedents and a misuse report can reopen an approved deal).",
        )

    def handle(self, *args, **options):
        result = demo_data_load(deals=options["deals"])
        if not options["no_decisions"]:
            result["deals_decided"] = demo_decisions_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {result['deals_created']} new deals. Sign in at http://127.0.0.1:8000/ as:"
            )
        )
        for username, _first, _last, role, org, _team in USERS:
            self.stdout.write(f"  {username:<12} {DEMO_PASSWORD}   {role:<16} {org}")
