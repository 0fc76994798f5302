"""Relative and vague dates resolved against the article date, with their granularity."""
import datetime as dt

import pytest

from kg.dates import DAY, MONTH, PART_OF_MONTH, WEEK, WEEKEND, YEAR, resolve

THURSDAY = dt.date(2023, 1, 19)


@pytest.mark.parametrize("text, start, end, granularity", [
    ("on Tuesday", "2023-01-17", "2023-01-17", DAY),
    ("on Friday", "2023-01-13", "2023-01-13", DAY),
    ("last Friday", "2023-01-13", "2023-01-13", DAY),
    ("last week", "2023-01-09", "2023-01-15", WEEK),
    ("over the weekend", "2023-01-14", "2023-01-15", WEEKEND),
    ("in October", "2022-10-01", "2022-10-31", MONTH),
    ("late October", "2022-10-21", "2022-10-31", PART_OF_MONTH),
    ("earlier this month", "2023-01-01", "2023-01-19", PART_OF_MONTH),
    ("yesterday", "2023-01-18", "2023-01-18", DAY),
    ("two days ago", "2023-01-17", "2023-01-17", DAY),
    ("January 13", "2023-01-13", "2023-01-13", DAY),
    ("Jan. 5, 2022", "2022-01-05", "2022-01-05", DAY),
    ("last year", "2022-01-01", "2022-12-31", YEAR),
    ("next month", "2023-02-01", "2023-02-28", MONTH),
    ("late last month", "2022-12-21", "2022-12-31", PART_OF_MONTH),
    ("a year ago", "2022-01-01", "2022-01-31", MONTH),
    ("early next month", "2023-02-01", "2023-02-10", PART_OF_MONTH),
    ("last Sunday and Monday", "2023-01-15", "2023-01-16", DAY),
    ("on Monday and Tuesday", "2023-01-16", "2023-01-17", DAY),
])
def test_resolves_against_article_date(text, start, end, granularity):
    span = resolve(text, THURSDAY)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat(), span.granularity) == (start, end, granularity)


def test_future_weekday_for_plans():
    assert resolve("on Tuesday", THURSDAY, future=True).start == dt.date(2023, 1, 24)


def test_display_keeps_precision():
    assert resolve("in October", THURSDAY).display() == "2022-10"
    assert resolve("on Friday", THURSDAY).display() == "2023-01-13"
    assert resolve("2021", THURSDAY).display() == "2021"


def test_unknown_article_date_leaves_relative_dates_unresolved():
    assert resolve("on Tuesday", None) is None
    assert resolve("March 3, 2022", None).start == dt.date(2022, 3, 3)


def test_no_time_in_text():
    assert resolve("the coming weeks", THURSDAY) is None


def test_a_decade_is_not_december_and_too_vague_to_place():
    anchor = dt.date(2023, 3, 17)
    assert resolve("more than a decade ago", anchor) is None
    assert resolve("Dec. 4", anchor).start == dt.date(2022, 12, 4)


def test_days_earlier_counts_from_the_event_told_not_from_the_article():
    from kg.dates import days_before
    anchor = dt.date(2025, 5, 1)
    assert resolve("a day earlier", anchor) is None
    assert resolve("two days ago", anchor).start == dt.date(2025, 4, 29)
    saturday = resolve("last Saturday", anchor)
    assert days_before(saturday, "A day earlier, the envoy held talks").start == dt.date(2025, 4, 25)
    assert days_before(resolve("last week", anchor), "A day earlier, the envoy held talks") is None


def test_days_before_the_story_counts_days_and_weeks():
    from kg.dates import days_before_the_story

    assert days_before_the_story("The agreement came two days after Meloni flew to Tunis")[:1] == (2,)
    days, end, words = days_before_the_story("Her visit came a week after Scholz held talks with Biden")
    assert (days, words) == (7, "a week after") and "Her visit came a week after"[:end] == "Her visit came a week after"
    assert days_before_the_story("The talks came after a week of shuttle diplomacy") is None
