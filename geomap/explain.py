"""Why each dot has its colour: what the claims reader read in one article, sentence by sentence.

For every sentence that names a place or holds a control phrase: the frame read
(gain, loss, state, presence, hold-out, denial), the words and the lexicon phrase
that matched, the places, holder, claimant, stance, hedges and date, and the
outcome: a claim, or why not (negation, intent, condition, history, no holder, no
place, a denial). A sentence that only speaks of fighting, an advance or a siege
says so ("fighting only: no control frame"); one that names places and no frame
at all says that.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .actors import Actors
from .articles import Article
from .claims import Claim, Reading, load_lexicon, read_claims
from .gazetteer import Gazetteer
from .matching import NameIndex, build_index
from .resolve import Mention, find_mentions
from .sentences import split_sentences


@dataclass(frozen=True)
class SentenceExplanation:
    """One sentence, the places named in it and what the reader made of it."""

    index: int
    text: str
    places: tuple[tuple[str, str], ...]  # (text as written, place id)
    readings: tuple[Reading, ...]


@dataclass(frozen=True)
class Explanation:
    """An article's mentions, claims and readings, sentence by sentence."""

    article: Article
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    sentences: tuple[SentenceExplanation, ...]  # those naming a place or holding a frame

    def as_text(self) -> str:
        """The explanation as `geomap explain` prints it."""
        article = self.article
        lines = [f"{article.id} ({article.source}, {article.date or 'undated'}): {len(self.mentions)} place mentions, "
                 f"{len(self.claims)} control claims"]
        for sentence in self.sentences:
            lines.append("")
            lines.append(f"[{sentence.index}] {' '.join(sentence.text.split())}")
            if sentence.places:
                lines.append("    places: " + ", ".join(f"{text} -> {pid}" for text, pid in sentence.places))
            for reading in sentence.readings:
                lines.append("    " + _reading_line(reading))
            if not sentence.readings:
                lines.append("    no control frame")
        return "\n".join(lines) + "\n"


def explain_article(article: Article, gazetteer: Gazetteer, actors: Actors, lexicon: str | Path | None = None,
                    index: NameIndex | None = None) -> Explanation:
    """Read one article as `analyse` does and keep every reading, for people to check.

    `lexicon` is a lexicon file (default: the English one shipped with geomap);
    `index` the gazetteer's name index, if already built.
    """
    index = index or build_index(gazetteer)
    mentions = find_mentions(article, index, gazetteer, actors.name_spans(article.body))
    claims, readings = read_claims(article, mentions, actors, gazetteer, load_lexicon(lexicon))
    sentences = []
    for number, sentence in enumerate(split_sentences(article.body)):
        named = tuple((m.text, m.place.id) for m in mentions if sentence.start <= m.start < sentence.end)
        read = tuple(r for r in readings if r.sentence == number)
        if named or read:
            sentences.append(SentenceExplanation(number, sentence.text, named, read))
    return Explanation(article, tuple(mentions), tuple(claims), tuple(sentences))


def _reading_line(reading: Reading) -> str:
    parts = [f'{reading.frame} "{reading.words}"']
    if reading.phrase not in ("look_alikes", "denials"):
        parts.append(f"phrase: {reading.phrase}")
    parts.append("places: " + (", ".join(reading.places) or "-"))
    if reading.holder or reading.claimant:
        parts.append(f"holder: {reading.holder or '-'}")
        parts.append(f"claimant: {reading.claimant or '-'}")
    if reading.stance:
        parts.append(f"stance: {reading.stance}")
    if reading.hedges:
        parts.append("hedges: " + ", ".join(reading.hedges))
    if reading.date:
        parts.append(f"date: {reading.date.isoformat()}")
    return "; ".join(parts) + f" -> {reading.outcome}"
