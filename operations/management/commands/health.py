import json

from django.core.management.base import BaseCommand, CommandError

from operations.health import health_report


class Command(BaseCommand):
    help = "Check the database, the broker, the workers and waiting work (as /health/ does)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print /health/'s JSON")

    def handle(self, *args, **options):
        report = health_report()
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            for name, check in report.checks.items():
                mark = self.style.SUCCESS("ok  ") if check.ok else self.style.ERROR("FAIL")
                self.stdout.write(f"{mark} {name:13} {check.detail}")
        if not report.ok:
            raise CommandError("Unhealthy: see the failing checks above.")
