#!/usr/bin/env bash
# Web server, Celery worker and Celery beat in one terminal; Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
trap 'trap - EXIT INT TERM; kill 0 2>/dev/null || true' EXIT INT TERM
$BIN/celery -A hrdd worker --loglevel=INFO --concurrency="${CELERY_CONCURRENCY:-2}" &
$BIN/celery -A hrdd beat --loglevel=INFO &
echo "Serving on http://$HOST:$PORT/ (worker and beat running; Ctrl-C stops everything)"
# A fresh installation (nobody has an account) prints its one-time setup code for /setup/.
$BIN/python manage.py setup_code --url "http://$HOST:$PORT/setup/"
$BIN/python manage.py runserver "$HOST:$PORT" --noreload
