"""HRDD screening: the Django project (settings, Celery app, URLs, API plumbing)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
