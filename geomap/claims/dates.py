"""When a sentence says something happened, and whether that is the past.

A claim is dated by the day its sentence names ("on Sunday night", "on September 2",
"last week"), counted back from the publication date, else by the publication date;
a claim dated weeks back stays a claim of that day (the map follows the latest).
A sentence about a day more than three months before publication, or naming an
earlier year, or speaking of history ("formerly", "in the 1990s"), is background.
"""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import Lexicon
from .view import SentenceView

STALE_DAYS = 92  # older than a quarter: background, not the reporting of this war's latest turns
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_EXPLICIT_DATE = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?\b|\b(\d{{1,2}})\s+{_MONTH}(?:,?\s+((?:19|20)\d\d))?\b")
_MONTH_ONLY = re.compile(rf"\b(?:in|since|during|by|until|early|late|mid-?)\s+{_MONTH}(?:\s+((?:19|20)\d\d))?\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)s?\b")
_DECADE = re.compile(r"\b(?:1[0-9]|20)\d0s\b")


def date_referred(view: SentenceView, published: dt.date | None, lexicon: Lexicon) -> dt.date | None:
    """The day the sentence refers to: a date, a relative day or a weekday in it, read against publication."""
    if published is None:
        return None
    text = view.sentence.text
    explicit = explicit_date(text, published)
    if explicit:
        return explicit
    for start, end in lexicon.relative_date_phrases.find(view.tokens):
        days = lexicon.relative_dates[" ".join(t.low for t in view.tokens[start:end])]
        return published - dt.timedelta(days=days)
    month = _month_only(text, published)
    if month:
        return month
    match = _WEEKDAY.search(text)
    if not match:
        return published
    back = (published.weekday() - _WEEKDAYS.index(match.group(1).lower())) % 7
    return published - dt.timedelta(days=back)


def explicit_date(text: str, published: dt.date) -> dt.date | None:
    """'on August 24, 2021', '2 September': the year defaults to the one that is not in the future."""
    match = _EXPLICIT_DATE.search(text)
    if not match:
        return None
    month_name, day, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
        match.group(5), match.group(4), match.group(6))
    month = _MONTHS.index(month_name[:3].lower()) + 1
    try:
        date = dt.date(int(year) if year else published.year, month, int(day))
        if not year and date > published:
            date = date.replace(year=published.year - 1)
    except ValueError:
        return None
    return date


def _month_only(text: str, published: dt.date) -> dt.date | None:
    """'In April': the last day of the latest April not after publication."""
    match = _MONTH_ONLY.search(text)
    if not match:
        return None
    month = _MONTHS.index(match.group(1)[:3].lower()) + 1
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
    if dated and (published - dated).days > STALE_DAYS:
        return f"history: dated {dated.isoformat()}, more than {STALE_DAYS} days before publication"
    return None
