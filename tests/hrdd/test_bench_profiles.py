"""The profile scripts answer with figures for any sizes they accept, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("DATABASE_URL", "")

needs_postgres = pytest.mark.skipif(
    not URL.startswith(("postgres://", "postgresql://")), reason="the script needs PostgreSQL"
)


@needs_postgres
def test_promotion_profile_times_n_lines_when_the_warm_up_is_smaller_than_a_batch(tmp_path):
    # A warm-up of 3 lines promotes a whole batch (100): before, a fill of 13 lines left
    # none to time and the script died dividing by zero.
    import psycopg

    name = f"{urlparse(URL).path.lstrip('/') or 'hrdd'}_profile_promotion"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(BENCH_PROMOTION_DB_NAME=name, HRDD_VAR_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    try:
        out = subprocess.run(
            [sys.executable, "benchmarks/profile_promotion.py", "-n", "10", "--warm", "3"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        admin = urlunparse(urlparse(URL)._replace(path="/postgres", scheme="postgresql"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert out.returncode == 0, out.stderr[-2000:]
    assert "promotion, one worker in-process: 10 deals" in out.stdout


def test_promotion_profile_refuses_nothing_to_time():
    out = subprocess.run(
        [sys.executable, "benchmarks/profile_promotion.py", "-n", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2
    assert "-n must be at least 1" in out.stderr
