"""The API benchmark's bare anchor connects to the database as the application does, so a
ratio between them measures the application's work and not a difference of settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

READ = (
    "import importlib, json, sys\n"
    "s = importlib.import_module(sys.argv[1])\n"
    "db = s.DATABASES['default']\n"
    "print(json.dumps({'options': {k: db.get('OPTIONS', {}).get(k)"
    " for k in ('server_side_binding', 'prepare_threshold')},"
    " 'conn_max_age': db['CONN_MAX_AGE']}))\n"
)


def database_settings(module: str, tmp_path, **env) -> dict:
    run_env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    run_env.update(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/not_connected",
        HRDD_VAR_DIR=str(tmp_path),
        SECRET_KEY="test-only-secret",
        AUDIT_HMAC_KEY="test-only-audit-key",
        DEBUG="true",
        PYTHONPATH=str(ROOT),
        **env,
    )
    out = subprocess.run(
        [sys.executable, "-c", READ, module],
        cwd=ROOT,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("prepared", ["true", "false"])
def test_the_anchor_binds_and_prepares_statements_as_the_application(tmp_path, prepared):
    env = {"DATABASE_PREPARED_STATEMENTS": prepared, "DATABASE_PREPARE_THRESHOLD": "3"}
    app = database_settings("hrdd.settings", tmp_path, **env)
    bare = database_settings("benchmarks.bare.settings", tmp_path, **env)
    assert bare["options"] == app["options"]
    assert bare["conn_max_age"] == app["conn_max_age"]
