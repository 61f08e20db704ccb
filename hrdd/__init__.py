"""HRDD screening: the Django project (settings, Celery app, URLs, API plumbing)."""

from . import prepared  # noqa: F401 - watches every new database connection
from .celery import app as celery_app

__all__ = ["celery_app"]
