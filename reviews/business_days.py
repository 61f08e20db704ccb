"""Business-day arithmetic for review targets: plain Python, no Django.

A target of N business days counts only Monday to Friday (and not the given holidays).
The time of day is kept, so a case opened on Friday 16:00 with a two-day target is due on
Tuesday 16:00. A start on a weekend counts from the weekend: Saturday 10:00 plus one
business day is Monday 10:00.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta

WEEKEND = (5, 6)  # Saturday, Sunday


def is_business_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() not in WEEKEND and day not in holidays


def add_business_days(start: datetime, days: int, holidays: Collection[date] = ()) -> datetime:
    """`start` moved forward by `days` business days (weekends and holidays skipped).

    Works on the wall-clock date of `start` (pass a local, aware datetime); zero days
    returns `start` unchanged. Negative targets are refused: a target is never in the past.
    """
    if days < 0:
        raise ValueError("a business-day target cannot be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_business_day(current.date(), holidays):
            remaining -= 1
    return current


def business_days_between(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """Business days from `start` (exclusive) to `end` (inclusive); negative if end < start."""
    if end < start:
        return -business_days_between(end, start, holidays)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            count += 1
    return count
