"""When a sentence says something happened, and whether that is the past.

A claim is dated by the day its sentence names ("on Sunday night", "on September 2",
"last week"), counted back from the publication date, else by the publication date;
a claim dated weeks back stays a claim of that day (the map follows the latest). How
precise that day is follows ACLED's `time_precision`: 1 for a day (a date, a weekday,
"yesterday", or the publication day), 2 for a week ("last week"), 3 for a month or
vaguer ("in April", "last month"); the lexicon says which relative phrases are which.
A sentence about a day more than three months before publication, or naming an
earlier year, or speaking of history ("formerly", "in the 1990s"), is background.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .lexicon.tables import DAY, MONTH
from .view import SentenceView

STALE_DAYS = 92  # older than a quarter: background, not the reporting of this war's latest turns
_YEAR = re.compile(r"\b((?:19|20)\d\d)s?\b")
_DECADE = re.compile(r"\b(?:1[0-9]|20)\d0s\b")


@dataclass(frozen=True)
class _DatePatterns:
    """The lexicon's month and weekday names as patterns: "September 2", "2 Sept 2020", "in April"."""

    explicit: re.Pattern
    month_only: re.Pattern
    weekday: re.Pattern
    month_number: dict  # a month's name, lower case -> 1..12
    weekday_number: dict  # a weekday's name, lower case -> 0 (Monday)..6


@dataclass(frozen=True)
class When:
    """The day a sentence refers to, and how precisely it says so (DAY, WEEK or MONTH)."""

    date: dt.date
    precision: int


@functools.lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> _DatePatterns:
    names = sorted((n for month in lexicon.months for n in month), key=len, reverse=True)
    month = r"(" + "|".join(re.escape(n) for n in names) + r")\.?"  # written with a capital, as names are
    ordinal = "|".join(re.escape(e) for e in lexicon.endings.ordinal)
    before = "|".join(re.escape(w) + (r"\s+" if w[-1:].isalpha() else "") for w in lexicon.before_month)
    return _DatePatterns(
        explicit=re.compile(rf"\b{month}\s+(\d{{1,2}})(?:{ordinal})?(?:,?\s+((?:19|20)\d\d))?\b"
                            rf"|\b(\d{{1,2}})\s+{month}(?:,?\s+((?:19|20)\d\d))?\b"),
        month_only=re.compile(rf"\b(?i:{before}){month}(?:\s+((?:19|20)\d\d))?\b"),
        weekday=re.compile(r"\b(" + "|".join(re.escape(d) for d in lexicon.weekdays) + r")\b", re.I),
        month_number={n.lower(): k for k, month in enumerate(lexicon.months, 1) for n in month},
        weekday_number={d.lower(): k for k, d in enumerate(lexicon.weekdays)},
    )


def date_referred(view: SentenceView, published: dt.date | None, lexicon: Lexicon) -> When | None:
    """The day the sentence refers to: a date, a relative day or a weekday in it, read against publication."""
    if published is None:
        return None
    text = view.sentence.text
    patterns = _patterns(lexicon)
    explicit = _explicit_date(text, published, patterns)
    if explicit:
        return When(explicit, DAY)
    for start, end in lexicon.relative_date_phrases.find(view.tokens):
        phrase = " ".join(t.low for t in view.tokens[start:end])
        return When(published - dt.timedelta(days=lexicon.relative_dates[phrase]),
                    lexicon.relative_precision.get(phrase, DAY))
    month = _month_only(text, published, patterns)
    if month:
        return When(month, MONTH)
    match = patterns.weekday.search(text)
    if not match:
        return When(published, DAY)
    back = (published.weekday() - patterns.weekday_number[match.group(1).lower()]) % 7
    return When(published - dt.timedelta(days=back), DAY)


def _explicit_date(text: str, published: dt.date, patterns: _DatePatterns) -> dt.date | None:
    """'on August 24, 2021', '2 September': the year defaults to the one that is not in the future."""
    match = patterns.explicit.search(text)
    if not match:
        return None
    month_name, day, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
        match.group(5), match.group(4), match.group(6))
    month = patterns.month_number[month_name.lower()]
    try:
        date = dt.date(int(year) if year else published.year, month, int(day))
        if not year and date > published:
            date = date.replace(year=published.year - 1)
    except ValueError:
        return None
    return date


def _month_only(text: str, published: dt.date, patterns: _DatePatterns) -> dt.date | None:
    """'In April': the last day of the latest April not after publication."""
    match = patterns.month_only.search(text)
    if not match:
        return None
    month = patterns.month_number[match.group(1).lower()]
    year = int(match.group(2)) if match.group(2) else published.year
    if not match.group(2) and month > published.month:
        year -= 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return min(published, following - dt.timedelta(days=1))


def history_reason(view: SentenceView, published: dt.date | None, lexicon: Lexicon, ongoing: bool = False) -> str | None:
    """Why the sentence speaks of the past ("dated 2019-01-31", "history: formerly"), or None.

    `ongoing`: the frame began in the past and goes on ("began withdrawing months ago"),
    so a past date does not make it history.
    """
    found = lexicon.history.find(view.tokens)
    if found:
        start, end = found[0]
        return "history: " + view.text_of(start, end)
    text = view.sentence.text
    if _DECADE.search(text):
        return "history: " + _DECADE.search(text).group(0)
    if published is None:
        return None
    for match in _YEAR.finditer(text):
        if int(match.group(1)) < published.year:
            return f"history: {match.group(0)}"
    if ongoing:
        return None
    dated = date_referred(view, published, lexicon)
    if dated and (published - dated.date).days > STALE_DAYS:
        return f"history: dated {dated.date.isoformat()}, more than {STALE_DAYS} days before publication"
    return None
