"""Helpers for channel-import tests: files built in the test, and the pipeline run by
calling the task functions directly (no broker)."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from channel_imports.models import ChannelImport, ImportChunk
from channel_imports.rows import COLUMNS
from channel_imports.tasks import (
    import_chunk_screen,
    import_ingest,
    import_promote,
    import_validate,
)

LOW = {
    "partner_reference": "POS-1",
    "end_customer_name": "Fjord Logistics AS",
    "end_customer_country": "NO",
    "end_user_type": "private_enterprise",
    "sector": "logistics",
    "delivery_country": "NO",
    "sku": "NET-4400",
    "product_name": "",
    "capabilities": "",
    "quantity": "10",
    "intended_use": "enterprise_it",
    "value_amount": "12000.00",
    "currency": "EUR",
    "sale_date": "2026-01-15",
    "reseller_name": "Nordic Resale AB",
    "reseller_country": "SE",
    "red_flags": "",
    "customization": "no",
    "end_use_statement": "signed",
}
# A DPI probe for a state telecom in Egypt, for censorship: high risk by any criteria.
FLAGGED = {
    **LOW,
    "partner_reference": "POS-FLAG-1",
    "end_customer_name": "Nile State Telecom",
    "end_customer_country": "EG",
    "end_user_type": "state_telecom",
    "delivery_country": "EG",
    "sku": "DPI-9000",
    "quantity": "2",
    "intended_use": "censorship_blocking;network_operations",
    "value_amount": "250000",
    "currency": "USD",
    "reseller_name": "Cairo Systems",
    "reseller_country": "EG",
}


def row(base: dict = LOW, **overrides) -> dict:
    return {**base, **overrides}


def csv_bytes(rows: list[dict], columns=COLUMNS, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([r.get(c, "") for c in columns])
    return out.getvalue().encode("utf-8")


def csv_upload(rows: list[dict], name: str = "pos.csv", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, csv_bytes(rows, **kwargs), content_type="text/csv")


def xlsx_bytes(rows: list[dict], columns=COLUMNS, *, typed: bool = True) -> bytes:
    """An XLSX built with openpyxl; numbers and dates as real cell types when `typed`."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(columns))
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c, "")
            if typed and c in ("quantity", "value_amount") and v not in ("", None):
                try:
                    v = int(v) if c == "quantity" else float(v)
                except ValueError:
                    pass
            if typed and c == "sale_date" and v and isinstance(v, str) and len(v) == 10:
                v = dt.date.fromisoformat(v)
            cells.append(v if v != "" else None)
        ws.append(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_upload(rows: list[dict], name: str = "pos.xlsx", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name,
        xlsx_bytes(rows, **kwargs),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def drain(imp: ChannelImport, *, rounds: int = 10) -> ChannelImport:
    """Run whatever task the import waits for, as a worker would, until it waits on a person."""
    for _ in range(rounds):
        imp.refresh_from_db()
        if imp.status == ChannelImport.Status.VALIDATING:
            import_validate(imp.pk)
        elif imp.status == ChannelImport.Status.IMPORTING:
            import_ingest(imp.pk)
        elif imp.status == ChannelImport.Status.SCREENING:
            chunks = ImportChunk.objects.filter(channel_import=imp).exclude(status="done")
            for pk in chunks.values_list("pk", flat=True):
                import_chunk_screen(pk)
        elif imp.status == ChannelImport.Status.PROMOTING:
            import_promote(imp.pk)
        else:
            break
    imp.refresh_from_db()
    return imp


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture
def upload_as(api):
    """Upload through the API as `user` and return (response, import or None)."""

    def _upload(user, file, **data):
        client = api.as_user(user)
        r = client.post("/api/v1/imports/", {"file": file, **data}, format="multipart")
        if r.status_code != 201:
            return r, None
        return r, read_unlocked(lambda: ChannelImport.objects.filter(pk=r.json()["id"]).first())

    return _upload


@pytest.fixture
def live_worker(transactional_db, tmp_path):
    """A real Celery worker (solo pool, in a thread) consuming the configured broker.

    With the file-system broker (the default), the queue lives in a temporary folder so
    the test never consumes a developer's pending messages; with Redis it is REDIS_URL.
    """
    from celery.contrib.testing.worker import start_worker

    from hrdd.celery import app

    saved = app.conf.broker_transport_options
    private_queue = app.conf.broker_url.startswith("filesystem")
    if private_queue:
        folder = tmp_path / "broker"
        for sub in ("queue", "processed", "control"):
            (folder / sub).mkdir(parents=True)
        app.conf.broker_transport_options = {
            "data_folder_in": str(folder / "queue"),
            "data_folder_out": str(folder / "queue"),
            "processed_folder": str(folder / "processed"),
            "store_processed": False,
            "control_folder": str(folder / "control"),
        }
        _forget_connections(app)
    from celery.signals import task_postrun
    from django.db import connections

    def close_connections(**kwargs):  # the worker thread's own; else the test DB stays in use
        connections.close_all()

    task_postrun.connect(close_connections, weak=False)
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30
        ):
            yield app
    finally:
        task_postrun.disconnect(close_connections)
        if private_queue:
            app.conf.broker_transport_options = saved
            _forget_connections(app)


def _forget_connections(app) -> None:
    """Stop using the pooled broker connections (they carry the old transport options),
    as Celery itself does after a fork. Pools are shared per options: never closed here."""
    app._pool = None
    app.amqp._producer_pool = None


def read_unlocked(read, *, timeout: float = 30.0):
    """`read()`, again while SQLite is still locked by a worker thread's write past its
    busy timeout (a loaded machine)."""
    import time

    from django.db import OperationalError

    deadline = time.monotonic() + timeout
    while True:
        try:
            return read()
        except OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.1)


def wait_for(
    imp: ChannelImport, statuses: set[str], *, timeout: float = 90.0, reconcile: bool = False
) -> ChannelImport:
    """Poll the import (bounded) until it reaches one of `statuses`. `reconcile`: run the
    outbox's reconciler between polls, as beat would, so work that failed an attempt (on
    SQLite, a worker thread's write meeting the test's read) is sent again."""
    import time

    from django.db import OperationalError

    from outbox.services import outbox_reconcile

    deadline = time.monotonic() + timeout
    while True:
        try:
            if reconcile:
                outbox_reconcile()
            imp.refresh_from_db()
        except OperationalError as exc:
            # SQLite still locked past its busy timeout by the worker thread's write
            # (a loaded machine): read again.
            if "locked" not in str(exc):
                raise
        if imp.status in statuses:
            return imp
        if time.monotonic() > deadline:
            raise AssertionError(f"import {imp.pk} still {imp.status} after {timeout:.0f} s")
        time.sleep(0.1)
