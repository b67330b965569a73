"""Splitting article text into sentences, with quotations kept track of.

A line break always ends a sentence (headlines, captions and datelines stand on
lines of their own); inside a line, a full stop ends one unless it closes a known
abbreviation or an initial.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "st", "sen", "rep",
    "gov", "prof", "rev", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.n", "u.k", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "inc", "ltd", "co",
}
_END = re.compile(r"""[.!?]+["”’')\]]*(?=\s+["“‘(]?[A-Z0-9])""")
_QUOTE_PAIRS = {"“": "”", "«": "»"}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    quoted: bool  # the sentence lies inside a quotation
    quote_start: int  # where that quotation opens (or -1)
    quote_end: int  # where it closes (or -1)


def split_sentences(body: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for line in body.split("\n"):
        quotes = _quote_spans(line)
        start = 0
        for match in _END.finditer(line):
            word = re.search(r"([\w.]+)[.!?]+[\"”’')\]]*$", line[start:match.end()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
            _add(sentences, line, start, match.end(), offset, quotes)
            start = match.end()
        _add(sentences, line, start, len(line), offset, quotes)
        offset += len(line) + 1
    return sentences


def _add(sentences, line, start, end, offset, quotes) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start == end:
        return
    inside = next(((qs, qe) for qs, qe in quotes if qs <= start < qe and end - start > 0), None)
    sentences.append(Sentence(
        offset + start, offset + end, line[start:end], inside is not None,
        offset + inside[0] if inside else -1, offset + inside[1] if inside else -1,
    ))


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """[open, close] spans of quotations in one line ("..." and curly quotes)."""
    spans, opened, closer = [], None, None
    for index, char in enumerate(line):
        if opened is None:
            if char in _QUOTE_PAIRS:
                opened, closer = index, _QUOTE_PAIRS[char]
            elif char == '"':
                opened, closer = index, '"'
        elif char == closer:
            spans.append((opened, index + 1))
            opened = None
    return spans
