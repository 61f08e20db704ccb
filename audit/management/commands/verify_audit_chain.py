from django.core.management.base import BaseCommand, CommandError

from audit.selectors import audit_chain_verify
from audit.services import audit_chain_seal_all


class Command(BaseCommand):
    help = (
        "Seal events not yet in the chain, then verify the audit trail: every event's "
        "signature, the chain of seals, the head, and the checkpoints written outside the "
        "database. Reports the first fault."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-seal", action="store_true", help="Only read: do not seal pending events first."
        )

    def handle(self, *args, **options):
        if not options["no_seal"]:
            audit_chain_seal_all()
        report = audit_chain_verify()
        if not report.ok:
            where = f" at event {report.broken_event_id}" if report.broken_event_id else ""
            raise CommandError(
                f"Audit chain broken{where}: {report.reason} "
                f"({report.checked} events verified before it)."
            )
        pending = f", {report.pending} not yet sealed" if report.pending else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit chain intact: {report.checked} events verified{pending}, "
                f"against {report.checkpoints} checkpoints."
            )
        )
