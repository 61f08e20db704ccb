"""Business-day arithmetic: a plain function, tested with a table (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reviews.business_days import add_business_days, business_days_between, is_business_day


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        ("2026-03-02 09:00", 0, "2026-03-02 09:00"),  # Monday, no time
        ("2026-03-02 09:00", 2, "2026-03-04 09:00"),  # Monday + 2 = Wednesday
        ("2026-03-06 16:00", 1, "2026-03-09 16:00"),  # Friday + 1 = Monday
        ("2026-03-06 16:00", 2, "2026-03-10 16:00"),  # Friday + 2 = Tuesday
        ("2026-03-07 10:00", 1, "2026-03-09 10:00"),  # Saturday + 1 = Monday
        ("2026-03-08 10:00", 1, "2026-03-09 10:00"),  # Sunday + 1 = Monday
        ("2026-03-02 09:00", 5, "2026-03-09 09:00"),  # a working week
        ("2026-03-02 09:00", 10, "2026-03-16 09:00"),  # the high-tier target
        ("2026-03-02 09:00", 15, "2026-03-23 09:00"),  # the critical-tier target
    ],
)
def test_it_adds_business_days_skipping_weekends(start, days, expected):
    got = add_business_days(datetime.fromisoformat(start).replace(tzinfo=UTC), days)
    assert got == datetime.fromisoformat(expected).replace(tzinfo=UTC)


def test_it_skips_holidays_too():
    start = datetime(2026, 12, 24, 9, tzinfo=UTC)  # Thursday
    got = add_business_days(start, 1, holidays={date(2026, 12, 25)})
    assert got == datetime(2026, 12, 28, 9, tzinfo=UTC)  # Friday is a holiday → Monday


def test_a_negative_target_is_refused():
    with pytest.raises(ValueError):
        add_business_days(datetime(2026, 3, 2, tzinfo=UTC), -1)


def test_weekend_days_are_not_business_days():
    assert [is_business_day(date(2026, 3, d)) for d in range(2, 9)] == [True] * 5 + [False, False]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-03-02", "2026-03-02", 0),
        ("2026-03-02", "2026-03-09", 5),
        ("2026-03-06", "2026-03-09", 1),
        ("2026-03-09", "2026-03-06", -1),
    ],
)
def test_it_counts_business_days_between_dates(start, end, expected):
    assert business_days_between(date.fromisoformat(start), date.fromisoformat(end)) == expected
