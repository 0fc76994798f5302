"""Resolving time expressions against the article date.

News says "on Tuesday", "last week", "in October", "over the weekend",
"earlier this month".  Each resolves to a ``TimeSpan``: a first and a last
possible day plus a granularity (day, weekend, week, month, part of a month,
year), because "last week" is a week and not a day.  Past is preferred for
reported events; ``future=True`` resolves "on Tuesday" forwards, for plans.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

DAY, WEEKEND, WEEK, MONTH, PART_OF_MONTH, YEAR = "day", "weekend", "week", "month", "part-of-month", "year"

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS = {k.lower(): v for k, v in MONTHS.items()}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3}

# (?![a-z]): "dec" is December, "decade" is not.
_MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?"
_WEEKDAY_RE = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


@dataclass(frozen=True)
class TimeSpan:
    """A resolved time: first and last possible day, and how precise it is."""

    start: dt.date
    end: dt.date
    granularity: str
    text: str = ""
    #: True when the source gives no time for the event itself and this one was taken from
    #: the story around it (the paragraph's earlier exchange, or the day of the lead).
    inferred: bool = False

    @property
    def is_day(self) -> bool:
        """True when the span is one known day."""
        return self.start == self.end

    def display(self) -> str:
        """ISO form at the span's precision: 2023-01-13, 2022-10 or 2022; a range gives its first day."""
        if self.granularity == MONTH:
            return self.start.strftime("%Y-%m")
        if self.granularity == YEAR:
            return str(self.start.year)
        return self.start.isoformat()


def _month_span(year: int, month: int, text: str, part: str | None = None) -> TimeSpan:
    last = calendar.monthrange(year, month)[1]
    if part in ("early", "beginning of", "start of"):
        return TimeSpan(dt.date(year, month, 1), dt.date(year, month, 10), PART_OF_MONTH, text)
    if part in ("mid", "mid-", "middle of"):
        return TimeSpan(dt.date(year, month, 11), dt.date(year, month, 20), PART_OF_MONTH, text)
    if part in ("late", "end of"):
        return TimeSpan(dt.date(year, month, 21), dt.date(year, month, last), PART_OF_MONTH, text)
    return TimeSpan(dt.date(year, month, 1), dt.date(year, month, last), MONTH, text)


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _nearest_weekday(anchor: dt.date, weekday: int, future: bool, today_ok: bool = False) -> dt.date:
    if future:
        delta = (weekday - anchor.weekday()) % 7 or (0 if today_ok else 7)
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=delta)


def _month_year(anchor: dt.date, month: int, future: bool) -> int:
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def resolve(text: str, anchor: dt.date | None, future: bool = False) -> TimeSpan | None:
    """Resolve a time expression against the article date ``anchor``.

    Returns None when the expression names no resolvable time (or, for
    relative expressions, when the article date is unknown).
    """
    raw = text
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(on|in|at|during|since|by|over|from|this past|the past)\s+", "", t)

    # Absolute dates first: they need no anchor.
    m = re.search(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", t)
    if m:
        return _day(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)), raw)
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+(\d{{4}})\b", t)
    if m:
        return _day(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)), raw)
    m = re.search(rf"\b(early|mid-?|late|beginning of|start of|end of|middle of)?\s*{_MONTH_RE}\s+(\d{{4}})\b", t)
    if m:
        return _month_span(int(m.group(3)), MONTHS[m.group(2)], raw, (m.group(1) or "").strip() or None)
    m = re.fullmatch(r"(?:the year\s+)?((?:19|20)\d{2})", t)
    if m:
        year = int(m.group(1))
        return TimeSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR, raw)

    if anchor is None:
        return None
    # "last Sunday and Monday", "on Tuesday and Wednesday": two days of one event, from the first to
    # the second (the second takes the first's "last"/"next").
    m = re.fullmatch(rf"((?:last|next|this|on)\s+)?({_WEEKDAY_RE})\s+and\s+({_WEEKDAY_RE})", t)
    if m:
        first = resolve(f"{m.group(1) or ''}{m.group(2)}", anchor, future)
        gap = (WEEKDAYS[m.group(4)] - WEEKDAYS[m.group(2)]) % 7     # (_WEEKDAY_RE is a group of its own)
        if first is not None and gap:
            return TimeSpan(first.start, first.start + dt.timedelta(days=gap), DAY, raw)
    # "February last year", "in late May this year", "March next year": that month of that year.
    m = re.fullmatch(rf"(early|mid-?|late|beginning of|start of|end of|middle of)?\s*{_MONTH_RE}"
                     rf"\s+(?:of\s+)?(last|this|next)\s+year", t)
    if m:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(3)]
        return _month_span(year, MONTHS[m.group(2)], raw, (m.group(1) or "").strip() or None)
    if re.search(r"\b(decades?|centur(y|ies)|generations?)\b", t):
        return None     # "more than a decade ago": too vague to place on a calendar

    if t in ("today", "this morning", "this afternoon", "this evening", "tonight", "earlier today"):
        return TimeSpan(anchor, anchor, DAY, raw)
    if t in ("yesterday", "last night", "yesterday morning", "yesterday evening"):
        day = anchor - dt.timedelta(days=1)
        return TimeSpan(day, day, DAY, raw)
    if t == "tomorrow":
        day = anchor + dt.timedelta(days=1)
        return TimeSpan(day, day, DAY, raw)

    m = re.search(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", t) or None
    if m:
        month, day_no = MONTHS[m.group(1)], int(m.group(2))
        return _day(_month_year(anchor, month, future), month, day_no, raw)
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\b", t)
    if m:
        month, day_no = MONTHS[m.group(2)], int(m.group(1))
        return _day(_month_year(anchor, month, future), month, day_no, raw)

    m = re.search(rf"\b(last|next|this|previous|past|coming)?\s*(?:week'?s?\s+)?{_WEEKDAY_RE}\b", t)
    if m:
        which, weekday = m.group(1), WEEKDAYS[m.group(2)]
        if "last week" in t or "previous week" in t or which in ("last", "previous", "past"):
            if "last week" in t or "previous week" in t:
                monday = _week_of(anchor)[0] - dt.timedelta(days=7)
                day = monday + dt.timedelta(days=weekday)
            else:
                day = _nearest_weekday(anchor - dt.timedelta(days=1), weekday, future=False)
                if day >= _week_of(anchor)[0]:
                    # "last Tuesday", written on a Wednesday, is a week before yesterday: the
                    # day before is "on Tuesday" in news style.
                    day -= dt.timedelta(days=7)
        elif "next week" in t:
            monday = _week_of(anchor)[0] + dt.timedelta(days=7)
            day = monday + dt.timedelta(days=weekday)
        else:
            # "is due in Paris on Wednesday", written on a Wednesday: that day, not next week's.
            day = _nearest_weekday(anchor, weekday, future=future or which in ("next", "coming"),
                                   today_ok=which is None)
        return TimeSpan(day, day, DAY, raw)

    if re.search(r"\bweekend\b", t):
        if "next" in t or "coming" in t or (future and "last" not in t):
            saturday = _nearest_weekday(anchor, 5, future=True)
        else:
            saturday = _nearest_weekday(anchor - dt.timedelta(days=1), 5, future=False)
        return TimeSpan(saturday, saturday + dt.timedelta(days=1), WEEKEND, raw)

    # "two days ago" counts from the article's date; "two days earlier" from the event told
    # before it, which only the reader of the story knows (see days_before).
    m = re.search(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(day|week|month|year)s?\s+ago\b", t)
    if m:
        n = _number(m.group(1)) or 1
        unit = m.group(2)
        if unit == "day":
            day = anchor - dt.timedelta(days=n)
            return TimeSpan(day, day, DAY, raw)
        if unit == "week":
            return TimeSpan(*_week_of(anchor - dt.timedelta(days=7 * n)), WEEK, raw)
        if unit == "month":
            year, month = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            return _month_span(year, month + 1, raw)
        # "since they met in Bali a year ago": about the same month, that many years back.
        return _month_span(anchor.year - n, anchor.month, raw)

    if re.search(r"\b(last|past|previous)\s+week\b", t):
        return TimeSpan(*_week_of(anchor - dt.timedelta(days=7)), WEEK, raw)
    if re.search(r"\b(this|earlier this)\s+week\b", t):
        start = _week_of(anchor)[0]
        return TimeSpan(start, anchor, WEEK, raw)
    if re.search(r"\b(next|coming)\s+week\b", t):
        return TimeSpan(*_week_of(anchor + dt.timedelta(days=7)), WEEK, raw)
    if re.search(r"\bearlier this month\b", t):
        return TimeSpan(anchor.replace(day=1), anchor, PART_OF_MONTH, raw)
    if re.search(r"\b(this|later this)\s+month\b", t):
        return _month_span(anchor.year, anchor.month, raw)
    m = re.search(r"\b(?:(early|mid-?|late|beginning of|start of|end of|middle of)\s+)?(last|past|previous)\s+month\b", t)
    if m:
        year, month = divmod(anchor.year * 12 + anchor.month - 2, 12)
        return _month_span(year, month + 1, raw, m.group(1))     # "late last month": its last ten days
    m = re.search(r"\b(?:(early|mid-?|late|beginning of|start of|end of|middle of)\s+)?(next|coming)\s+month\b", t)
    if m:
        year, month = divmod(anchor.year * 12 + anchor.month, 12)
        return _month_span(year, month + 1, raw, m.group(1))
    if re.search(r"\b(last|past|previous)\s+year\b", t):
        return TimeSpan(dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31), YEAR, raw)
    if re.search(r"\b(this|earlier this)\s+year\b", t):
        return TimeSpan(dt.date(anchor.year, 1, 1), anchor, YEAR, raw)
    if re.search(r"\bnext\s+year\b", t):
        return TimeSpan(dt.date(anchor.year + 1, 1, 1), dt.date(anchor.year + 1, 12, 31), YEAR, raw)

    m = re.search(rf"\b(early|mid-?|late|beginning of|start of|end of|middle of)?\s*(?:last\s+)?{_MONTH_RE}(?!\s*\d)", t)
    if m:
        month = MONTHS[m.group(2)]
        return _month_span(_month_year(anchor, month, future), month, raw, (m.group(1) or "").strip() or None)
    return None


def _day(year: int, month: int, day: int, raw: str) -> TimeSpan | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return TimeSpan(date, date, DAY, raw)


# Times told relative to the event reported just before.
_SAME_TIME = re.compile(r"\b(?:the same (?:day|week|morning|afternoon|evening)|that (?:same )?(?:day|morning|afternoon|evening)"
                        r"|(?:earlier|later) in the day|during the day)\b", re.IGNORECASE)
_DAYS_LATER = re.compile(r"\b(?:(a|one|two|three|four|five|six) days? later|the (?:next|following) day)\b", re.IGNORECASE)


_MONTHS_LATER = re.compile(r"\b(?:(a|one|two|three|four|five|six) months? later|the (?:next|following) month)\b",
                           re.IGNORECASE)
_SAME_NIGHT = re.compile(r"\b(?:the same night|that (?:same )?night)\b", re.IGNORECASE)


def same_day_as_told(text: str) -> bool:
    """True when ``text`` places its event on the day of the last one told ("later that night",
    "that evening", "the same day")."""
    return _SAME_TIME.search(text) is not None or _SAME_NIGHT.search(text) is not None


# "The agreement came two days after ...": the story's event, so what the after-clause tells
# happened that many days before the story's day.
_STORY_CAME_AFTER = re.compile(r"\b(?:agreement|deal|decision|announcement|vote|move|accord|ruling|compromise|"
                               r"breakthrough|signing|visit|trip|call|talks|summit|it) (?:came|comes) "
                               r"(a|one|two|three|four|five|six) (days?|weeks?) after\b", re.IGNORECASE)


def days_before_the_story(text: str) -> tuple[int, int, str] | None:
    """For "The agreement came two days after X" ("Her visit came a week after X"): the days
    counted back (2; 7), where "after" ends in ``text`` and the words ("two days after"); else None."""
    found = _STORY_CAME_AFTER.search(text)
    if found is None:
        return None
    days = NUMBER_WORDS[found.group(1).lower()] * (7 if found.group(2).lower().startswith("week") else 1)
    return days, found.end(), text[found.start(1):found.end()]


def same_time_as_before(text: str) -> bool:
    """True when ``text`` places its event at the time of the one told before ("On the same day")."""
    return _SAME_TIME.search(text) is not None


# "a day before the announcement": the story's event, told before (its day is the one to count from).
_TOLD_EVENTS = r"(?:announcement|talks|meeting|summit|visit|call|signing|vote|decision|ceremony|conference)"
_DAYS_EARLIER = re.compile(r"\b(?:(a|one|two|three|four|five|six) days? (?:earlier|before the " + _TOLD_EVENTS + r")"
                           r"|the (?:previous|preceding) day|the day before the " + _TOLD_EVENTS + r")\b", re.IGNORECASE)


_SAME_MONTH = re.compile(r"\b(?:that|the same) month\b", re.IGNORECASE)
# "a day before the announcement": counted from the announcement the story leads with.
_BEFORE_THE_STORY = re.compile(r"\bbefore the (?:announcement|decision)\b", re.IGNORECASE)


def names_days_later(text: str) -> bool:
    """True when ``text`` places its event days (or months) after the one told before ("the
    following day", "a month later")."""
    return _DAYS_LATER.search(text) is not None or _MONTHS_LATER.search(text) is not None


def same_month_as_told(text: str) -> bool:
    """True when ``text`` places its event in the month named last ("that month")."""
    return _SAME_MONTH.search(text) is not None


def counts_from_the_story(text: str) -> bool:
    """True when ``text`` counts days back from the story's own event ("a day before the announcement")."""
    return _BEFORE_THE_STORY.search(text) is not None


def names_days_earlier(text: str) -> bool:
    """True when ``text`` places its event days before the one told before ("a day earlier")."""
    return _DAYS_EARLIER.search(text) is not None


def days_before(after: TimeSpan | None, text: str) -> TimeSpan | None:
    """The day ``text`` places before ``after`` ("a day earlier", "the previous day"), when
    ``after`` is one known day; else None."""
    found = _DAYS_EARLIER.search(text)
    if found is None or after is None or not after.is_day:
        return None
    days = NUMBER_WORDS[found.group(1).lower()] if found.group(1) else 1
    day = after.start - dt.timedelta(days=days)
    return TimeSpan(day, day, DAY, found.group(0))


def days_following(span: TimeSpan, words_before: list[str]) -> TimeSpan:
    """The days or weeks that followed ``span`` when the words before it say so ("days after",
    "a few weeks after" the date); else ``span`` itself."""
    if "after" not in words_before:
        return span
    ahead = words_before[:words_before.index("after")]
    for unit, first, last in (("days", 1, 7), ("weeks", 7, 35)):
        if ahead[-1:] == [unit] or ahead[-2:] in (["few", unit], ["several", unit]):
            return TimeSpan(span.end + dt.timedelta(days=first), span.end + dt.timedelta(days=last), WEEK,
                            f"{unit} after {span.text}")
    return span


def days_after(before: TimeSpan | None, text: str) -> TimeSpan | None:
    """The day ``text`` places after ``before`` ("a day later", "the next day"), when ``before`` is
    one known day; the month "a month later" places after a known month or day; else None."""
    months = _MONTHS_LATER.search(text)
    if months is not None and before is not None and (before.start.year, before.start.month) == \
            (before.end.year, before.end.month):
        count = NUMBER_WORDS[months.group(1).lower()] if months.group(1) else 1
        index = before.start.year * 12 + before.start.month - 1 + count
        return _month_span(index // 12, index % 12 + 1, months.group(0))
    found = _DAYS_LATER.search(text)
    if found is None or before is None or not before.is_day:
        return None
    days = NUMBER_WORDS[found.group(1).lower()] if found.group(1) else 1
    day = before.start + dt.timedelta(days=days)
    return TimeSpan(day, day, DAY, found.group(0))
