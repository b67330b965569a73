"""Who says so: the speakers of a sentence and the words each of them says.

"X said (that) ...", "..., X said", "..., said X", "according to X", "citing X",
"Y is quoting X as saying": each is a speech act with its speakers (an actor when a
party of the actors file is among the words naming them, else the name as written:
"witnesses", "Reuters") and its scope, the tokens of what is said. A claim's
claimant is the speaker of the innermost act whose scope holds the claim.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .lexicon import Lexicon
from .speakers import (
    SUBJECT_MAX, Speaker, SpeechContext, in_number, noun_use, speaker_of, speakers_after, speakers_before, speakers_in,
)
from .view import SentenceView


@dataclass(frozen=True)
class Speech:
    """One act of saying in a sentence."""

    at: int  # token of the verb or phrase
    speakers: tuple[Speaker, ...]
    scope: tuple[int, int]  # tokens of what is said
    lemma: str  # "say", "deny", "according to", ...
    corroborating: bool = False
    visual: bool = False  # a photograph or video "shows"

    def holds(self, i: int) -> bool:
        return self.scope[0] <= i < self.scope[1]


def find_speech(view: SentenceView, lexicon: Lexicon) -> list[Speech]:
    """The speech acts of one sentence, in order."""
    sentence = SpeechContext(view, lexicon)
    found: list[Speech] = []
    tokens, lex = sentence.tokens, sentence.lex
    starts = _speech_starts(lex)
    i = 0
    while i < len(tokens):
        if tokens[i].low not in starts:
            i += 1
            continue
        n = lex.before_speaker.match(tokens, i)
        if n:
            speakers, end = speakers_after(sentence, i + n)
            if speakers:
                phrase = " ".join(t.low for t in tokens[i:i + n])
                if end < len(tokens) and tokens[end].low in lex.words.complementiser:  # "citing witnesses that ..."
                    scope = (end + 1, len(tokens))
                elif i == 0:  # "According to X, ...": what follows
                    scope = (end, len(tokens))
                else:
                    scope = (0, i)
                found.append(Speech(i, speakers, scope, phrase, bool(lex.corroboration.match(tokens, i))))
            i += n
            continue
        n = lex.speech_verbs.match(tokens, i)
        if n and not noun_use(sentence, i, n):
            speech = _verb(sentence, i, n)
            if speech is not None:
                found.append(speech)
        elif n:
            speech = _owned_claim(sentence, i, n)
            if speech is not None:
                found.append(speech)
        i += max(n, 1)
    found.extend(_colon_speaker(sentence, found))
    visual = _visual(sentence)
    found = [s for s in found if not any(v.at == s.at for v in visual)] + visual  # the picture speaks
    if not found:
        found.extend(_trailing_speaker(sentence))
    return found


def _owned_claim(sentence: SpeechContext, i: int, n: int) -> Speech | None:
    """"the Red Army's claim that it had taken Ostra": the side whose claim it is speaks."""
    tokens, lex, view = sentence.tokens, sentence.lex, sentence.view
    owner = view.party_ending.get(i - 1) if i > 0 and tokens[i - 1].low in lex.words.possessive else None
    if owner is None or owner.actor is None or i + n >= len(tokens) or tokens[i + n].low not in lex.words.complementiser:
        return None
    lemma = lex.speech_lemma.get(tokens[i].low, tokens[i].low)
    return Speech(i, (Speaker(view.text_of(owner.start, owner.end), owner),), (i + n + 1, len(tokens)), lemma)


def _colon_speaker(sentence: SpeechContext, found: list[Speech]) -> list[Speech]:
    """"Al-Korri: RA began withdrawing ...": a headline that gives its speaker first."""
    tokens = sentence.tokens
    party = sentence.view.party_starting.get(0)
    if found or party is None or party.actor is None or party.end >= len(tokens) or tokens[party.end].low != ":":
        return []
    return [Speech(party.end, (Speaker(sentence.view.text_of(0, party.end), party),), (party.end + 1, len(tokens)), "say")]


def _trailing_speaker(sentence: SpeechContext) -> list[Speech]:
    """"..., the group's spokesperson, Karim Osti.": a speaker named at the end, with no verb."""
    tokens, lex = sentence.tokens, sentence.lex
    end = len(tokens)
    while end > 0 and not tokens[end - 1].low.isalnum():
        end -= 1
    commas = [k for k in range(end) if tokens[k].low == "," and not in_number(tokens, k)]
    start = None
    for comma in reversed(commas):
        chunk = range(comma + 1, end if start is None else start - 1)
        if len(chunk) > 10 or any(lex.be.match(tokens, k) or lex.speech_verbs.match(tokens, k)
                                  or lex.clause_breaks.match(tokens, k) for k in chunk):
            break
        names = any(lex.speaker_nouns.match(tokens, k) or (k in sentence.view.party_starting and
                                                           sentence.view.party_starting[k].actor) for k in chunk)
        first = tokens[chunk[0]] if len(chunk) else None
        name_like = first is not None and (first.capitalised or lex.determiners.match(tokens, chunk[0]))
        if not names or not name_like or any(lex.patterns_by_word.get(tokens[k].low) or tokens[k].low in lex.words.infinitive
                                             for k in chunk):
            break  # ", forcing the regime's military to retreat": a clause, not a name
        start = comma + 1
    if start is None:
        return []
    speakers = (speaker_of(sentence, start, end),)
    return [Speech(start, speakers, (0, start - 1), "say")]


def _verb(sentence: SpeechContext, i: int, n: int) -> Speech | None:
    tokens, lex = sentence.tokens, sentence.lex
    lemma = lex.speech_lemma.get(tokens[i].low, tokens[i].low)
    after = i + n
    if tokens[i].low in lex.words.quoted_speech and i > 0 and tokens[i - 1].low in lex.words.quoting:  # "quoting X as saying"
        speakers = _quoted_as(sentence, i - 1)
        if speakers and _tail_only(sentence, after):  # "..., TASS reported a military source as saying on Thursday."
            comma = next((c for c in range(i - 1, -1, -1) if tokens[c].low == "," and not in_number(tokens, c)), None)
            return Speech(i, speakers, (0, comma if comma is not None else i), lemma)
        return Speech(i, speakers, (after, len(tokens)), lemma) if speakers else None
    if lex.object_speaker.match(tokens, i) and i + n < len(tokens) and tokens[i + n].low not in lex.words.quoting:
        speakers, end = speakers_after(sentence, i + n)  # "AFP quoted a war monitor"
        if speakers and (end >= len(tokens) - 1 or (tokens[end].low in (",", ".") or tokens[end].low in lex.words.quoting)):
            comma = next((c for c in range(i - 1, -1, -1) if tokens[c].low == ","), None)
            return Speech(i, speakers, (0, comma if comma is not None else i), lemma)
    if _passive_agent(sentence, i + n) is not None:  # "which were disputed by the BF"
        return Speech(i, (speaker_of(sentence, i + n + 1, _passive_agent(sentence, i + n)),), (0, i), lemma)
    if i > 0 and lex.relative_pronouns.match(tokens, i - 1):  # "Emergency, ..., which said that"
        speakers, start = _antecedent_speakers(sentence, i - 1)
        if speakers:
            corroborating = start >= 2 and bool(lex.corroboration.find(tokens, max(0, start - 3), start))
            return Speech(i, speakers, (after + (after < len(tokens) and tokens[after].low in lex.words.complementiser), len(tokens)),
                          lemma, corroborating)
    if i > 0 and (tokens[i - 1].low in (",", '"') and tokens[i].low.endswith(lex.endings.gerund)
                      or tokens[i - 1].low in lex.words.coordinator):
        return Speech(i, (Speaker("", None),), (after, len(tokens)), lemma)  # ", saying", "but denied": the main speaker
    trailing = _trailing_name(sentence, i, after)
    if trailing is not None:
        return trailing
    if i >= 2 and lex.impersonal_passive.find(tokens, max(0, i - 3), i + n):
        return Speech(i, (Speaker("", None),), (0, max(0, i - 3)), lemma)  # "..., it was noted."
    inverted = i > 0 and tokens[i - 1].low in (",", '"', "'") and lex.speech_inverted.match(tokens, i)
    if inverted:
        speakers, end = speakers_after(sentence, after)
        if speakers and _tail_only(sentence, end) and _tail_only(sentence, after):  # "..., said a resident."
            return Speech(i, speakers, (0, i - 1), lemma)
    speakers, start = speakers_before(sentence, i)
    if not speakers:
        return None
    if start > 0 and tokens[start - 1].low in (",", '"', "'") and _tail_only(sentence, after):
        return Speech(i, speakers, (0, start - 1), lemma)  # "..., X said on Twitter."
    scope_start = after
    if scope_start < len(tokens) and tokens[scope_start].low in lex.words.complementiser:
        scope_start += 1
    return Speech(i, speakers, (scope_start, _scope_end(sentence, i, scope_start)), lemma)


def _scope_end(sentence: SpeechContext, i: int, start: int) -> int:
    """Where what is said ends: the sentence's end, but "claims to have liberated," and "reports by X
    asserting that ..." (a verb inside a phrase) end with the phrase (its comma or the main verb)."""
    tokens, lex = sentence.tokens, sentence.lex
    embedded = start < len(tokens) and tokens[start].low in lex.words.infinitive or tokens[i].low.endswith(lex.endings.gerund) and any(
        lex.claim_nouns.match(tokens, k) for k in range(max(0, i - 8), i))
    if not embedded:
        return len(tokens)
    for k in range(start, len(tokens)):
        if tokens[k].low in (",", ";") or (k > start + 2 and lex.false_phrases.match(tokens, k)):
            return k
    return len(tokens)


def _trailing_name(sentence: SpeechContext, i: int, after: int) -> Speech | None:
    """"..., the GSC said.", "..., Reuters reports.": the speaker is the short phrase after the
    last comma, and what is said comes before that comma."""
    tokens, lex = sentence.tokens, sentence.lex
    if not _tail_only(sentence, after):
        return None
    k = i
    while k > 0 and lex.is_filler(tokens, k - 1) and tokens[k - 1].low not in ('"', "'", "(", ")"):
        k -= 1
    comma = next((c for c in range(k - 1, max(-1, k - 10), -1) if tokens[c].low == "," and not in_number(tokens, c)), None)
    if comma is None or comma + 1 >= k or comma == 0:
        return None
    if any(lex.be.match(tokens, c) or lex.speech_verbs.match(tokens, c) or lex.clause_breaks.match(tokens, c)
           or tokens[c].low in ('"', "'") for c in range(comma + 1, k)):
        return None
    lemma = lex.speech_lemma.get(tokens[i].low, tokens[i].low)
    return Speech(i, speakers_in(sentence, comma + 1, k), (0, comma), lemma)


def _passive_agent(sentence: SpeechContext, j: int) -> int | None:
    """The end of "by X" after a verb when X is a party ("disputed by the BF")."""
    if j < len(sentence.tokens) and sentence.tokens[j].low in sentence.lex.words.agent:
        k = j + 1
        while k < len(sentence.tokens) and sentence.lex.determiners.match(sentence.tokens, k):
            k += 1
        party = sentence.view.party_starting.get(k)
        if party is not None and party.actor is not None:
            return party.end
    return None


def _antecedent_speakers(sentence: SpeechContext, relative: int) -> tuple[tuple[Speaker, ...], int]:
    """Who "which"/"who" stands for: the name before it (and its aside)."""
    tokens = sentence.tokens
    k = relative
    if k > 0 and tokens[k - 1].low == ",":
        k -= 1
    start = k
    while start > 0 and start > k - SUBJECT_MAX and tokens[start - 1].low not in ('"', ":", ";") and \
            not any(e == start for _, e in sentence.lex.before_speaker.find(tokens, max(0, start - 4), start)) and \
            not sentence.lex.speech_verbs.match(tokens, start - 1):
        start -= 1
    end = k + 1 if k < len(tokens) and tokens[k].low == "," else k  # the name comes first before an aside
    return (speaker_of(sentence, start, end),) if start < k else (), start


def _tail_only(sentence: SpeechContext, j: int) -> bool:
    """Whether nothing after the verb is said: "said on Twitter.", "told Reuters on Tuesday"."""
    tokens, lex = sentence.tokens, sentence.lex
    for k in range(j, len(tokens)):
        if tokens[k].low == "," and k + 1 < len(tokens) and lex.speech_verbs.match(tokens, k + 1):
            return True  # "..., it said, adding that ...": what follows is another act
        if tokens[k].low in lex.words.complementiser or tokens[k].low in ('"', ":") or lex.be.match(tokens, k) or lex.speech_verbs.match(tokens, k) \
                or _verb_like(sentence, k) or k - j > 14:
            return False
    return True


def _verb_like(sentence: SpeechContext, k: int) -> bool:
    """A word that may start a frame and is no preposition or noun of sides ("seized", not "forces")."""
    tokens, lex = sentence.tokens, sentence.lex
    return bool(lex.patterns_by_word.get(tokens[k].low)) and tokens[k].low.isalpha() and not (
        lex.locators.match(tokens, k) or lex.force_nouns.match(tokens, k) or lex.speaker_nouns.match(tokens, k)
        or lex.determiners.match(tokens, k) or tokens[k].capitalised)


def _quoted_as(sentence: SpeechContext, as_at: int) -> tuple[Speaker, ...]:
    """"Reuters is quoting two eye-witnesses as saying": the eye-witnesses."""
    tokens, lex = sentence.tokens, sentence.lex
    k = as_at
    while k > 0 and not lex.speech_verbs.match(tokens, k - 1) and as_at - k < SUBJECT_MAX:
        k -= 1
    if k > 0 and k < as_at:
        return speakers_in(sentence, k, as_at)
    speakers, _ = speakers_before(sentence, k - 1 if k else 0)
    return speakers


def _visual(sentence: SpeechContext) -> list[Speech]:
    """"A photograph ... is thought to show ...": the picture speaks."""
    tokens, lex = sentence.tokens, sentence.lex
    found = []
    for start, end in lex.visual_nouns.find(tokens):
        for verb_start, verb_end in lex.visual_verbs.find(tokens, end, len(tokens)):
            claimant = lex.visual_claimant.get(" ".join(t.low for t in tokens[start:end]), tokens[start].low)
            found.append(Speech(verb_start, (Speaker(claimant),), (verb_end, len(tokens)), "show", visual=True))
            break
    return found


@functools.lru_cache(maxsize=8)
def _speech_starts(lexicon: Lexicon) -> frozenset[str]:
    """Words a speech phrase can start with: other words are passed over without a lookup."""
    return lexicon.before_speaker.first_words | lexicon.speech_verbs.first_words
