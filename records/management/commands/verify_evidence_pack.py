"""Check an evidence pack offline: no database, no server, only the ZIP, the checkpoint
file and the audit key (AUDIT_HMAC_KEY / AUDIT_HMAC_RETIRED_KEYS, or --key)."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from records.packs import pack_verify
from records.proof import checkpoint_lines, key_id_of


class Command(BaseCommand):
    help = "Verify an evidence pack (ZIP) and its chain proof against a checkpoint file, offline."
    requires_system_checks: list = []  # reads no database: runs with the server and database down
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("pack", type=Path)
        parser.add_argument(
            "--checkpoints",
            type=Path,
            default=None,
            help="the checkpoint file (default: AUDIT_CHECKPOINT_DIR/checkpoints.jsonl)",
        )
        parser.add_argument(
            "--key-env",
            default="",
            help="read the audit key from this environment variable instead",
        )

    def handle(self, *args, pack: Path, checkpoints: Path | None, key_env: str, **options):
        checkpoints = checkpoints or Path(settings.AUDIT_CHECKPOINT_DIR) / "checkpoints.jsonl"
        if not pack.is_file():
            raise CommandError(f"{pack}: no such file")
        if not checkpoints.is_file():
            raise CommandError(f"{checkpoints}: no checkpoint file (give --checkpoints)")
        secrets = (
            [os.environ.get(key_env, "")]
            if key_env
            else [settings.AUDIT_HMAC_KEY, *settings.AUDIT_HMAC_RETIRED_KEYS]
        )
        keys = {key_id_of(k): k.encode() for k in secrets if k}
        faults, summary = pack_verify(
            pack.read_bytes(),
            keys=keys,
            checkpoints=checkpoint_lines(checkpoints.read_text("utf-8")),
        )
        if faults:
            raise CommandError("Evidence pack NOT verified:\n  " + "\n  ".join(faults))
        self.stdout.write(
            f"Evidence pack verified: {summary['deal']}, built {summary['built_at']}; "
            f"{summary['events']} events of the deal, chain of {summary['links']} links up to the "
            f"checkpoint of {summary['checkpoint']}."
        )
