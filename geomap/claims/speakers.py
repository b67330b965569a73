"""Who is named as speaking: the words before or after a verb of saying that name a speaker
("a spokesman for the army", "witnesses from the area", "the Observatory and the Baladi
network"), one Speaker per name, with the side a party among the words names."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .parties import Party
from .view import SentenceView

SUBJECT_MAX = 24  # tokens a speaker's name and its asides may take


def in_number(tokens, k: int) -> bool:
    """A comma inside a number ("500,000")."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].low.isdigit() and tokens[k + 1].low.isdigit() \
        and not tokens[k].spaced and not tokens[k + 1].spaced


@dataclass(frozen=True)
class Speaker:
    """Who speaks: `party` when a side is named (maybe a pronoun still to resolve), else `name`."""

    name: str
    party: Party | None = None


@dataclass(frozen=True)
class SpeechContext:
    """The sentence being read for speech, and the lexicon."""

    view: SentenceView
    lex: Lexicon

    @property
    def tokens(self):
        return self.view.tokens


def noun_use(sentence: SpeechContext, i: int, n: int) -> bool:
    """"the army's claims", "reports of", "the regional state": a noun, not someone speaking."""
    tokens, lex = sentence.tokens, sentence.lex
    before = i
    while before > 0 and lex.is_filler(tokens, before - 1) and tokens[before - 1].low not in ('"', "'", "(", ")"):
        before -= 1
    if before and (tokens[before - 1].low in sentence.lex.words.possessive or lex.determiners.match(tokens, before - 1)):
        return True  # "Westmark's internationally recognised government"
    if i and tokens[i - 1].low == "-" and not tokens[i].spaced:
        return True  # "UN-recognized"
    if i and lex.locators.match(tokens, i - 1) and tokens[i - 1].low not in lex.words.infinitive:
        return True  # "control of disputed Upper Vardia town": an adjective
    if i and lex.condition.match(tokens, i - 1):
        return True  # "if confirmed": a hedge
    if not lex.speech_also_nouns.match(tokens, i):
        return False
    if i and lex.be.match(tokens, i - 1):
        return True  # "there are reports that"
    if i + n < len(tokens) and tokens[i + n].low in lex.words.speech_noun_links:
        return True  # "claims of taking Vell", "reports by Oskarian media"
    if i + n < len(tokens) and tokens[i + n].low == "-" and not tokens[i + n].spaced:
        return True  # "state-run"
    if i + n < len(tokens) and (tokens[i + n].low in lex.words.complementiser or tokens[i + n].low in (":", '"')):
        return False
    j = i
    while j > 0 and lex.is_filler(tokens, j - 1) and tokens[j - 1].low not in ('"', "'", "(", ")"):
        j -= 1
    named = j > 0 and tokens[j - 1].capitalised and tokens[j - 1].low.isalpha() and not (
        j > 1 and (lex.determiners.match(tokens, j - 2) or lex.locators.match(tokens, j - 2)))  # "a Facebook post"
    speaker = j in sentence.view.party_ending or named or (j > 0 and lex.speaker_nouns.match(tokens, j - 1))
    return not speaker


def speakers_before(sentence: SpeechContext, i: int) -> tuple[tuple[Speaker, ...], int]:
    """Who is named just before the verb at `i`, and where their words start.

    Walking back over the name: an aside between commas (", who heads the KLF,")
    may hold any words; outside it, a quotation mark, colon, dash, clause break or
    another verb of saying ends the name.
    """
    tokens, lex = sentence.tokens, sentence.lex
    j = i
    while j > 0 and (lex.is_filler(tokens, j - 1) and tokens[j - 1].low not in ('"', "'", "(", ")")
                     or lex.be.match(tokens, j - 1) or lex.intent.match(tokens, j - 1) == 1
                     or tokens[j - 1].low in lex.words.infinitive and j > 1 and lex.intent.match(tokens, j - 2)):
        j -= 1  # "We must admit", "we have to admit"
    end, k, aside = j, j, False
    while k > 0 and end - k < SUBJECT_MAX:
        low = tokens[k - 1].low
        if low == ")":
            opening = next((o for o in range(k - 1, -1, -1) if tokens[o].low == "("), None)
            if opening is None:
                break
            k = opening
            continue
        if low == "," and not in_number(tokens, k - 1):
            aside = not aside
            k -= 1
            continue
        quote = low == '"' or low == "'" and (tokens[k - 1].spaced or k >= 2 and not tokens[k - 2].low.isalnum())
        verb = lex.speech_verbs.match(tokens, k - 1)
        stop = quote or low in (":", ";", "(") or (low == "-" and tokens[k - 1].spaced) or \
            lex.clause_breaks.match(tokens, k - 1) or verb and not noun_use(sentence, k - 1, verb)
        if stop and not (aside and low not in ('"', "'", ":", ";")):
            break
        k -= 1
    while k < end and tokens[k].low in (",", "-"):
        k += 1
    if k >= end:
        return (), i
    return speakers_in(sentence, k, end), k


def speakers_after(sentence: SpeechContext, j: int) -> tuple[tuple[Speaker, ...], int]:
    """Who is named from `j` ("according to witnesses from the area"), and where that ends."""
    tokens, lex = sentence.tokens, sentence.lex
    if j < len(tokens) and lex.locators.match(tokens, j) and j not in sentence.view.party_starting:
        return (), j  # "said in a text": no one named after the verb
    k = j
    while k < len(tokens) and k - j < SUBJECT_MAX:
        low = tokens[k].low
        if low in (",", ".", ";", ":", '"', "(") or lex.clause_breaks.match(tokens, k) \
                or (k > j and (lex.speech_verbs.match(tokens, k) or lex.be.match(tokens, k))):
            break
        if k > j and lex.locators.match(tokens, k) and k not in sentence.view.party_starting and not (
                low in lex.words.speaker_links and _party_follows(sentence, k + 1)) and not (
                low in lex.words.complement and _title_follows(sentence, k + 1)):
            break  # "witnesses from the area", but "a statement from the RA's spokesperson"
        k += 1
    if k == j:
        return (), j
    speakers = speakers_in(sentence, j, k)
    if k < len(tokens) and tokens[k].low == "," and not any(s.party and s.party.actor for s in speakers):
        close = next((c for c in range(k + 1, min(len(tokens), k + 8)) if tokens[c].low in (",", ".", ";")), len(tokens))
        side = next((p for p in sentence.view.parties if k < p.start and p.end <= close and p.actor), None)
        if side is not None:  # "said Fesseha Tessema, a KLF adviser"
            return (Speaker(speakers[0].name, side),), close
    return speakers, k


def _title(sentence: SpeechContext, start: int, end: int) -> bool:
    """Whether tokens[start:end] describe the one named before them ("spokesperson of ...")."""
    k = start
    while k < end and sentence.lex.determiners.match(sentence.tokens, k):
        k += 1
    return k < end and bool(sentence.lex.speaker_nouns.match(sentence.tokens, k))


def _title_follows(sentence: SpeechContext, k: int) -> bool:
    """"President of the Republic of Ardenia": a title goes on with a capitalised name."""
    while k < len(sentence.tokens) and sentence.lex.determiners.match(sentence.tokens, k):
        k += 1
    return k < len(sentence.tokens) and sentence.tokens[k].capitalised


def _party_follows(sentence: SpeechContext, k: int) -> bool:
    while k < len(sentence.tokens) and sentence.lex.determiners.match(sentence.tokens, k):
        k += 1
    party = sentence.view.party_starting.get(k)
    return party is not None and party.actor is not None


def speakers_in(sentence: SpeechContext, start: int, end: int) -> tuple[Speaker, ...]:
    """The speakers named by tokens[start:end]: one per "and"-joined name ("a monitor and a rebel source")."""
    tokens = sentence.tokens
    parts, begin = [], start
    depth = 0
    for k in range(start, end):
        if tokens[k].low == ",":
            depth += 1
        if tokens[k].low in sentence.lex.words.conjunction and depth % 2 == 0 and k > begin:
            parts.append((begin, k))
            begin = k + 1
    parts.append((begin, end))
    if len(parts) > 1 and not all(_names_one(sentence, a, b) for a, b in parts):
        parts = [(start, end)]
    return tuple(speaker_of(sentence, a, b) for a, b in parts if a < b)


def _names_one(sentence: SpeechContext, start: int, end: int) -> bool:
    """Whether tokens[start:end] name one speaker of a pair ("a monitor and a rebel source",
    "the Observatory and the Baladi network"), not half of a description ("made up of
    militia and former security forces")."""
    tokens = sentence.tokens
    first = start + 1 if start < end and sentence.lex.determiners.match(tokens, start) else start
    return any(start <= p.start < end and p.actor for p in sentence.view.parties) or end - start <= 3 \
        or first < end and tokens[first].capitalised


def speaker_of(sentence: SpeechContext, start: int, end: int) -> Speaker:
    """The speaker named by tokens[start:end]: the side named nearest the verb (or, when an aside
    stands between name and verb, in the name, then in the aside: "The source, from one of the
    rebel factions there,"), else the name as written."""
    tokens = sentence.tokens
    commas = [k for k in range(start, end) if tokens[k].low == "," and not in_number(tokens, k)]
    bounds = [start, *[c + 1 for c in commas], end + 1]
    chunks = [(a, b - 1) for a, b in zip(bounds, bounds[1:]) if a < b - 1]
    if not chunks:
        return Speaker(sentence.view.text_of(start, end))
    after_aside = tokens[end - 1].low == "," or len(chunks) == 1
    ordered = chunks if after_aside else [chunks[-1], *chunks[:-1]]
    titled = not after_aside and _title(sentence, *chunks[-1])  # "X, spokesperson of Vardia's President said"
    for a, b in (ordered if after_aside or titled else ordered[:1]):
        parties = [p for p in sentence.view.parties if a <= p.start and p.end <= b and not p.supporting
                   and not _locating(sentence, p, a) and p.actor is not None]
        heads = [p for p in parties if not (p.end < b and tokens[p.end].low in sentence.lex.words.possessive and
                                             any(q.start > p.end for q in parties))]
        nearest = [p for p in heads if p.end == b]  # "... of Ardenia Tomas Berrin said"
        if heads:
            return Speaker(sentence.view.text_of(*ordered[0]).strip(" \"'“”‘’"), (nearest or heads)[0])
    a, b = ordered[0]
    while a < b and sentence.lex.is_filler(tokens, a):
        a += 1  # "on November 9 morning he": he
    pronouns = [p for p in sentence.view.parties if a <= p.start and p.end <= b and p.actor is None]
    name = sentence.view.text_of(a, b).strip(" \"'“”‘’")
    return Speaker(name, pronouns[0] if pronouns and pronouns[0].start == a and pronouns[0].end >= b - 1 else None)


def _locating(sentence: SpeechContext, party: Party, start: int) -> bool:
    """"The leader of rebel forces in Estmark": Estmark only says where they are (but
    "officials in Berova" are Berova's)."""
    k = party.start
    while k > start and sentence.lex.determiners.match(sentence.tokens, k - 1):
        k -= 1
    if k - 2 >= start and sentence.tokens[k - 1].low in sentence.lex.words.speaker_places and sentence.lex.speaker_nouns.match(sentence.tokens, k - 2):
        return False  # "officials in Berova"
    return k > start and (sentence.lex.locators.match(sentence.tokens, k - 1) and
                          sentence.tokens[k - 1].low not in sentence.lex.words.speaker_links
                          or sentence.lex.not_speaker_after.match(sentence.tokens, k - 1))
