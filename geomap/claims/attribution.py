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
from .parties import Party
from .view import SentenceView

_SUBJECT_MAX = 24  # tokens a speaker's name and its asides may take


@dataclass(frozen=True)
class Speaker:
    """Who speaks: `party` when a side is named (maybe a pronoun still to resolve), else `name`."""

    name: str
    party: Party | None = None


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


def _in_number(tokens, k: int) -> bool:
    """A comma inside a number ("500,000")."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].low.isdigit() and tokens[k + 1].low.isdigit() \
        and not tokens[k].spaced and not tokens[k + 1].spaced


class SpeechFinder:
    """Finds the speech acts of one sentence."""

    def __init__(self, view: SentenceView, lexicon: Lexicon):
        self.view = view
        self.tokens = view.tokens
        self.lex = lexicon

    def find(self) -> list[Speech]:
        found: list[Speech] = []
        tokens, lex = self.tokens, self.lex
        starts = _speech_starts(lex)
        i = 0
        while i < len(tokens):
            if tokens[i].low not in starts:
                i += 1
                continue
            n = lex.before_speaker.match(tokens, i)
            if n:
                speakers, end = self.speakers_after(i + n)
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
            if n and not self._noun_use(i, n):
                speech = self._verb(i, n)
                if speech is not None:
                    found.append(speech)
            i += max(n, 1)
        found.extend(self._colon_speaker(found))
        visual = self._visual()
        found = [s for s in found if not any(v.at == s.at for v in visual)] + visual  # the picture speaks
        if not found:
            found.extend(self._trailing_speaker())
        return found

    def _colon_speaker(self, found: list[Speech]) -> list[Speech]:
        """"Al-Mismari: LNA began withdrawing ...": a headline that gives its speaker first."""
        tokens = self.tokens
        party = self.view.party_starting.get(0)
        if found or party is None or party.actor is None or party.end >= len(tokens) or tokens[party.end].low != ":":
            return []
        return [Speech(party.end, (Speaker(self.view.text_of(0, party.end), party),), (party.end + 1, len(tokens)), "say")]

    def _trailing_speaker(self) -> list[Speech]:
        """"..., the group's spokesperson, Zabihullah Mujahid.": a speaker named at the end, with no verb."""
        tokens, lex = self.tokens, self.lex
        end = len(tokens)
        while end > 0 and not tokens[end - 1].low.isalnum():
            end -= 1
        commas = [k for k in range(end) if tokens[k].low == "," and not _in_number(tokens, k)]
        start = None
        for comma in reversed(commas):
            chunk = range(comma + 1, end if start is None else start - 1)
            if len(chunk) > 10 or any(lex.be.match(tokens, k) or lex.speech_verbs.match(tokens, k)
                                      or lex.clause_breaks.match(tokens, k) for k in chunk):
                break
            names = any(lex.speaker_nouns.match(tokens, k) or (k in self.view.party_starting and
                                                               self.view.party_starting[k].actor) for k in chunk)
            first = tokens[chunk[0]] if len(chunk) else None
            name_like = first is not None and (first.capitalised or lex.determiners.match(tokens, chunk[0]))
            if not names or not name_like or any(lex.patterns_by_word.get(tokens[k].low) or tokens[k].low in lex.words.infinitive
                                                 for k in chunk):
                break  # ", forcing the regime's military to retreat": a clause, not a name
            start = comma + 1
        if start is None:
            return []
        speakers = (self._speaker(start, end),)
        return [Speech(start, speakers, (0, start - 1), "say")]

    def _noun_use(self, i: int, n: int) -> bool:
        """"the army's claims", "reports of", "the regional state": a noun, not someone speaking."""
        tokens, lex = self.tokens, self.lex
        before = i
        while before > 0 and lex.is_filler(tokens, before - 1) and tokens[before - 1].low not in ('"', "'", "(", ")"):
            before -= 1
        if before and (tokens[before - 1].low in self.lex.words.possessive or lex.determiners.match(tokens, before - 1)):
            return True  # "Libya's internationally recognised government"
        if i and tokens[i - 1].low == "-" and not tokens[i].spaced:
            return True  # "UN-recognized"
        if i and lex.locators.match(tokens, i - 1) and tokens[i - 1].low not in lex.words.infinitive:
            return True  # "control of disputed Nagorno-Karabakh town": an adjective
        if i and lex.condition.match(tokens, i - 1):
            return True  # "if confirmed": a hedge
        if not lex.speech_also_nouns.match(tokens, i):
            return False
        if i and lex.be.match(tokens, i - 1):
            return True  # "there are reports that"
        if i + n < len(tokens) and tokens[i + n].low in lex.words.speech_noun_links:
            return True  # "claims of taking Vell", "reports by Turkish media"
        if i + n < len(tokens) and tokens[i + n].low == "-" and not tokens[i + n].spaced:
            return True  # "state-run"
        if i + n < len(tokens) and (tokens[i + n].low in lex.words.complementiser or tokens[i + n].low in (":", '"')):
            return False
        j = i
        while j > 0 and lex.is_filler(tokens, j - 1) and tokens[j - 1].low not in ('"', "'", "(", ")"):
            j -= 1
        named = j > 0 and tokens[j - 1].capitalised and tokens[j - 1].low.isalpha() and not (
            j > 1 and (lex.determiners.match(tokens, j - 2) or lex.locators.match(tokens, j - 2)))  # "a Facebook post"
        speaker = j in self.view.party_ending or named or (j > 0 and lex.speaker_nouns.match(tokens, j - 1))
        return not speaker

    def _verb(self, i: int, n: int) -> Speech | None:
        tokens, lex = self.tokens, self.lex
        lemma = lex.speech_lemma.get(tokens[i].low, tokens[i].low)
        after = i + n
        if tokens[i].low in lex.words.quoted_speech and i > 0 and tokens[i - 1].low in lex.words.quoting:  # "quoting X as saying"
            speakers = self._quoted_as(i - 1)
            if speakers and self._tail_only(after):  # "..., TASS reported a military source as saying on Thursday."
                comma = next((c for c in range(i - 1, -1, -1) if tokens[c].low == "," and not _in_number(tokens, c)), None)
                return Speech(i, speakers, (0, comma if comma is not None else i), lemma)
            return Speech(i, speakers, (after, len(tokens)), lemma) if speakers else None
        if lex.object_speaker.match(tokens, i) and i + n < len(tokens) and tokens[i + n].low not in lex.words.quoting:
            speakers, end = self.speakers_after(i + n)  # "AFP quoted a war monitor"
            if speakers and (end >= len(tokens) - 1 or (tokens[end].low in (",", ".") or tokens[end].low in lex.words.quoting)):
                comma = next((c for c in range(i - 1, -1, -1) if tokens[c].low == ","), None)
                return Speech(i, speakers, (0, comma if comma is not None else i), lemma)
        if self._passive_agent(i + n) is not None:  # "which were disputed by the NRF"
            return Speech(i, (self._speaker(i + n + 1, self._passive_agent(i + n)),), (0, i), lemma)
        if i > 0 and lex.relative_pronouns.match(tokens, i - 1):  # "Emergency, ..., which said that"
            speakers, start = self._antecedent_speakers(i - 1)
            if speakers:
                corroborating = start >= 2 and bool(lex.corroboration.find(tokens, max(0, start - 3), start))
                return Speech(i, speakers, (after + (after < len(tokens) and tokens[after].low in lex.words.complementiser), len(tokens)),
                              lemma, corroborating)
        if i > 0 and (tokens[i - 1].low in (",", '"') and tokens[i].low.endswith(lex.endings.gerund)
                          or tokens[i - 1].low in lex.words.conjunction):
            return Speech(i, (Speaker("", None),), (after, len(tokens)), lemma)  # ", saying ...", "and said": the main speaker
        trailing = self._trailing_name(i, after)
        if trailing is not None:
            return trailing
        if i >= 2 and lex.impersonal_passive.find(tokens, max(0, i - 3), i + n):
            return Speech(i, (Speaker("", None),), (0, max(0, i - 3)), lemma)  # "..., it was noted."
        inverted = i > 0 and tokens[i - 1].low in (",", '"', "'") and lex.speech_inverted.match(tokens, i)
        if inverted:
            speakers, end = self.speakers_after(after)
            if speakers and self._tail_only(end) and self._tail_only(after):  # "..., said a resident."
                return Speech(i, speakers, (0, i - 1), lemma)
        speakers, start = self.speakers_before(i)
        if not speakers:
            return None
        if start > 0 and tokens[start - 1].low in (",", '"', "'") and self._tail_only(after):
            return Speech(i, speakers, (0, start - 1), lemma)  # "..., X said on Twitter."
        scope_start = after
        if scope_start < len(tokens) and tokens[scope_start].low in lex.words.complementiser:
            scope_start += 1
        return Speech(i, speakers, (scope_start, self._scope_end(i, scope_start)), lemma)

    def _scope_end(self, i: int, start: int) -> int:
        """Where what is said ends: the sentence's end, but "claims to have liberated," and "reports by X
        asserting that ..." (a verb inside a phrase) end with the phrase (its comma or the main verb)."""
        tokens, lex = self.tokens, self.lex
        embedded = start < len(tokens) and tokens[start].low in lex.words.infinitive or tokens[i].low.endswith(lex.endings.gerund) and any(
            lex.claim_nouns.match(tokens, k) for k in range(max(0, i - 8), i))
        if not embedded:
            return len(tokens)
        for k in range(start, len(tokens)):
            if tokens[k].low in (",", ";") or (k > start + 2 and lex.false_phrases.match(tokens, k)):
                return k
        return len(tokens)

    def _trailing_name(self, i: int, after: int) -> Speech | None:
        """"..., the GSC said.", "..., Reuters reports.": the speaker is the short phrase after the
        last comma, and what is said comes before that comma."""
        tokens, lex = self.tokens, self.lex
        if not self._tail_only(after):
            return None
        k = i
        while k > 0 and lex.is_filler(tokens, k - 1) and tokens[k - 1].low not in ('"', "'", "(", ")"):
            k -= 1
        comma = next((c for c in range(k - 1, max(-1, k - 10), -1) if tokens[c].low == "," and not _in_number(tokens, c)), None)
        if comma is None or comma + 1 >= k or comma == 0:
            return None
        if any(lex.be.match(tokens, c) or lex.speech_verbs.match(tokens, c) or lex.clause_breaks.match(tokens, c)
               or tokens[c].low in ('"', "'") for c in range(comma + 1, k)):
            return None
        lemma = lex.speech_lemma.get(tokens[i].low, tokens[i].low)
        return Speech(i, self._speakers(comma + 1, k), (0, comma), lemma)

    def _passive_agent(self, j: int) -> int | None:
        """The end of "by X" after a verb when X is a party ("disputed by the NRF")."""
        if j < len(self.tokens) and self.tokens[j].low in self.lex.words.agent:
            k = j + 1
            while k < len(self.tokens) and self.lex.determiners.match(self.tokens, k):
                k += 1
            party = self.view.party_starting.get(k)
            if party is not None and party.actor is not None:
                return party.end
        return None

    def _antecedent_speakers(self, relative: int) -> tuple[tuple[Speaker, ...], int]:
        """Who "which"/"who" stands for: the name before it (and its aside)."""
        tokens = self.tokens
        k = relative
        if k > 0 and tokens[k - 1].low == ",":
            k -= 1
        start = k
        while start > 0 and start > k - _SUBJECT_MAX and tokens[start - 1].low not in ('"', ":", ";") and \
                not any(e == start for _, e in self.lex.before_speaker.find(tokens, max(0, start - 4), start)) and \
                not self.lex.speech_verbs.match(tokens, start - 1):
            start -= 1
        end = k + 1 if k < len(tokens) and tokens[k].low == "," else k  # the name comes first before an aside
        return (self._speaker(start, end),) if start < k else (), start

    def _tail_only(self, j: int) -> bool:
        """Whether nothing after the verb is said: "said on Twitter.", "told Reuters on Tuesday"."""
        tokens, lex = self.tokens, self.lex
        for k in range(j, len(tokens)):
            if tokens[k].low == "," and k + 1 < len(tokens) and lex.speech_verbs.match(tokens, k + 1):
                return True  # "..., it said, adding that ...": what follows is another act
            if tokens[k].low in lex.words.complementiser or tokens[k].low in ('"', ":") or lex.be.match(tokens, k) or lex.speech_verbs.match(tokens, k) \
                    or self._verb_like(k) or k - j > 14:
                return False
        return True

    def _verb_like(self, k: int) -> bool:
        """A word that may start a frame and is no preposition or noun of sides ("seized", not "forces")."""
        tokens, lex = self.tokens, self.lex
        return bool(lex.patterns_by_word.get(tokens[k].low)) and tokens[k].low.isalpha() and not (
            lex.locators.match(tokens, k) or lex.force_nouns.match(tokens, k) or lex.speaker_nouns.match(tokens, k)
            or lex.determiners.match(tokens, k) or tokens[k].capitalised)

    def speakers_before(self, i: int) -> tuple[tuple[Speaker, ...], int]:
        """Who is named just before the verb at `i`, and where their words start.

        Walking back over the name: an aside between commas (", who heads the TPLF,")
        may hold any words; outside it, a quotation mark, colon, dash, clause break or
        another verb of saying ends the name.
        """
        tokens, lex = self.tokens, self.lex
        j = i
        while j > 0 and (lex.is_filler(tokens, j - 1) and tokens[j - 1].low not in ('"', "'", "(", ")")
                         or lex.be.match(tokens, j - 1) or lex.intent.match(tokens, j - 1) == 1
                         or tokens[j - 1].low in lex.words.infinitive and j > 1 and lex.intent.match(tokens, j - 2)):
            j -= 1  # "We must admit", "we have to admit"
        end, k, aside = j, j, False
        while k > 0 and end - k < _SUBJECT_MAX:
            low = tokens[k - 1].low
            if low == ")":
                opening = next((o for o in range(k - 1, -1, -1) if tokens[o].low == "("), None)
                if opening is None:
                    break
                k = opening
                continue
            if low == "," and not _in_number(tokens, k - 1):
                aside = not aside
                k -= 1
                continue
            quote = low == '"' or low == "'" and (tokens[k - 1].spaced or k >= 2 and not tokens[k - 2].low.isalnum())
            verb = lex.speech_verbs.match(tokens, k - 1)
            stop = quote or low in (":", ";", "(") or (low == "-" and tokens[k - 1].spaced) or \
                lex.clause_breaks.match(tokens, k - 1) or verb and not self._noun_use(k - 1, verb)
            if stop and not (aside and low not in ('"', "'", ":", ";")):
                break
            k -= 1
        while k < end and tokens[k].low in (",", "-"):
            k += 1
        if k >= end:
            return (), i
        return self._speakers(k, end), k

    def speakers_after(self, j: int) -> tuple[tuple[Speaker, ...], int]:
        """Who is named from `j` ("according to witnesses from the area"), and where that ends."""
        tokens, lex = self.tokens, self.lex
        if j < len(tokens) and lex.locators.match(tokens, j) and j not in self.view.party_starting:
            return (), j  # "said in a text": no one named after the verb
        k = j
        while k < len(tokens) and k - j < _SUBJECT_MAX:
            low = tokens[k].low
            if low in (",", ".", ";", ":", '"', "(") or lex.clause_breaks.match(tokens, k) \
                    or (k > j and (lex.speech_verbs.match(tokens, k) or lex.be.match(tokens, k))):
                break
            if k > j and lex.locators.match(tokens, k) and k not in self.view.party_starting and not (
                    low in lex.words.speaker_links and self._party_follows(k + 1)) and not (
                    low in lex.words.complement and self._title_follows(k + 1)):
                break  # "witnesses from the area", but "a statement from the LNA's spokesperson"
            k += 1
        if k == j:
            return (), j
        speakers = self._speakers(j, k)
        if k < len(tokens) and tokens[k].low == "," and not any(s.party and s.party.actor for s in speakers):
            close = next((c for c in range(k + 1, min(len(tokens), k + 8)) if tokens[c].low in (",", ".", ";")), len(tokens))
            side = next((p for p in self.view.parties if k < p.start and p.end <= close and p.actor), None)
            if side is not None:  # "said Fesseha Tessema, a TPLF adviser"
                return (Speaker(speakers[0].name, side),), close
        return speakers, k

    def _title(self, start: int, end: int) -> bool:
        """Whether tokens[start:end] describe the one named before them ("spokesperson of ...")."""
        k = start
        while k < end and self.lex.determiners.match(self.tokens, k):
            k += 1
        return k < end and bool(self.lex.speaker_nouns.match(self.tokens, k))

    def _title_follows(self, k: int) -> bool:
        """"President of the Republic of Azerbaijan": a title goes on with a capitalised name."""
        while k < len(self.tokens) and self.lex.determiners.match(self.tokens, k):
            k += 1
        return k < len(self.tokens) and self.tokens[k].capitalised

    def _party_follows(self, k: int) -> bool:
        while k < len(self.tokens) and self.lex.determiners.match(self.tokens, k):
            k += 1
        party = self.view.party_starting.get(k)
        return party is not None and party.actor is not None

    def _speakers(self, start: int, end: int) -> tuple[Speaker, ...]:
        """The speakers named by tokens[start:end]: one per "and"-joined name ("a monitor and a rebel source")."""
        tokens = self.tokens
        parts, begin = [], start
        depth = 0
        for k in range(start, end):
            if tokens[k].low == ",":
                depth += 1
            if tokens[k].low in self.lex.words.conjunction and depth % 2 == 0 and k > begin:
                parts.append((begin, k))
                begin = k + 1
        parts.append((begin, end))
        if len(parts) > 1 and not all(self._names_one(a, b) for a, b in parts):
            parts = [(start, end)]
        return tuple(self._speaker(a, b) for a, b in parts if a < b)

    def _names_one(self, start: int, end: int) -> bool:
        """Whether tokens[start:end] name one speaker of a pair ("a monitor and a rebel source",
        "the Observatory and the Baladi network"), not half of a description ("made up of
        militia and former security forces")."""
        tokens = self.tokens
        first = start + 1 if start < end and self.lex.determiners.match(tokens, start) else start
        return any(start <= p.start < end and p.actor for p in self.view.parties) or end - start <= 3 \
            or first < end and tokens[first].capitalised

    def _speaker(self, start: int, end: int) -> Speaker:
        """The speaker named by tokens[start:end]: the side named nearest the verb (or, when an aside
        stands between name and verb, in the name, then in the aside: "The source, from one of the
        rebel factions there,"), else the name as written."""
        tokens = self.tokens
        commas = [k for k in range(start, end) if tokens[k].low == "," and not _in_number(tokens, k)]
        bounds = [start, *[c + 1 for c in commas], end + 1]
        chunks = [(a, b - 1) for a, b in zip(bounds, bounds[1:]) if a < b - 1]
        if not chunks:
            return Speaker(self.view.text_of(start, end))
        after_aside = tokens[end - 1].low == "," or len(chunks) == 1
        ordered = chunks if after_aside else [chunks[-1], *chunks[:-1]]
        titled = not after_aside and self._title(*chunks[-1])  # "X, spokesperson of Artsakh's President said"
        for a, b in (ordered if after_aside or titled else ordered[:1]):
            parties = [p for p in self.view.parties if a <= p.start and p.end <= b and not p.supporting
                       and not self._locating(p, a) and p.actor is not None]
            heads = [p for p in parties if not (p.end < b and tokens[p.end].low in self.lex.words.possessive and
                                                 any(q.start > p.end for q in parties))]
            nearest = [p for p in heads if p.end == b]  # "... of Azerbaijan Vahram Poghosyan said"
            if heads:
                return Speaker(self.view.text_of(*ordered[0]).strip(" \"'“”‘’"), (nearest or heads)[0])
        a, b = ordered[0]
        while a < b and self.lex.is_filler(tokens, a):
            a += 1  # "on November 9 morning he": he
        pronouns = [p for p in self.view.parties if a <= p.start and p.end <= b and p.actor is None]
        name = self.view.text_of(a, b).strip(" \"'“”‘’")
        return Speaker(name, pronouns[0] if pronouns and pronouns[0].start == a and pronouns[0].end >= b - 1 else None)

    def _locating(self, party: Party, start: int) -> bool:
        """"The leader of rebel forces in Ethiopia": Ethiopia only says where they are (but
        "officials in Yerevan" are Yerevan's)."""
        k = party.start
        while k > start and self.lex.determiners.match(self.tokens, k - 1):
            k -= 1
        if k - 2 >= start and self.tokens[k - 1].low in self.lex.words.speaker_places and self.lex.speaker_nouns.match(self.tokens, k - 2):
            return False  # "officials in Yerevan"
        return k > start and (self.lex.locators.match(self.tokens, k - 1) and
                              self.tokens[k - 1].low not in self.lex.words.speaker_links
                              or self.lex.not_speaker_after.match(self.tokens, k - 1))

    def _quoted_as(self, as_at: int) -> tuple[Speaker, ...]:
        """"Reuters is quoting two eye-witnesses as saying": the eye-witnesses."""
        tokens, lex = self.tokens, self.lex
        k = as_at
        while k > 0 and not lex.speech_verbs.match(tokens, k - 1) and as_at - k < _SUBJECT_MAX:
            k -= 1
        if k > 0 and k < as_at:
            return self._speakers(k, as_at)
        speakers, _ = self.speakers_before(k - 1 if k else 0)
        return speakers

    def _visual(self) -> list[Speech]:
        """"A photograph ... is thought to show ...": the picture speaks."""
        tokens, lex = self.tokens, self.lex
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
