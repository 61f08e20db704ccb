"""What the PostgreSQL benchmarks that start worker processes share: a fresh database of
their own, and Django set up against it with production settings and no broker."""

from __future__ import annotations

import os
import tempfile
from urllib.parse import urlparse, urlunparse


def fresh_database(base: str, name: str) -> str:
    """Drop and create database `name` on the server of `base`; its URL."""
    import psycopg

    parts = urlparse(base)
    with psycopg.connect(
        urlunparse(parts._replace(path="/postgres", scheme="postgresql")), autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parts._replace(path=f"/{name}"))


def django_setup(url: str, *, prefix: str) -> None:
    """Django on `url`, DEBUG off, tasks kept in-process (the benchmark runs the workers)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("HRDD_VAR_DIR", tempfile.mkdtemp(prefix=prefix))
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hrdd.settings"
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-not-for-production")
    os.environ.setdefault("AUDIT_HMAC_KEY", "benchmark-only-audit-key")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from hrdd.celery import app as celery_app

    celery_app.conf.broker_url = "memory://localhost/"
