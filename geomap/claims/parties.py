"""Who a run of words names: an actor, a pronoun, "the enemy".

Actors come only from the actors file. A phrase names an actor when it is one of its
aliases ("Kessland Defence Forces"), an adjective of the actor before a force noun of
the lexicon ("Ardenian troops", "rebel fighters"), a country name whose demonym is
such an adjective ("Berovia" for the actor of "Berovian forces"), a generic head that
only one actor's aliases end with ("the army"), or a force noun tied to one of those
("forces loyal to Varga", "pro-KLF forces"). Adjectives are the actor's own
(`adjectives:` in actors.yaml) and those its aliases show ("Ardenian" from
"Ardenian forces"); demonyms come from the countryinfo package.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..actors import Actors
from .. import english
from ..matching import fold_name, transliteration_key
from .lexicon import Lexicon
from .tokens import Token, words_of


@dataclass(frozen=True)
class Party:
    """A run of tokens naming a side; `actor` is None for a pronoun or "the enemy" until the reader resolves it."""

    start: int
    end: int
    actor: str | None
    kind: str  # name, force, generic, pronoun, speaker-pronoun, rival, bare ("troops", no owner named)
    supporting: bool = False  # "backed by the Oskarian military": not the head of its phrase
    candidates: tuple[str, ...] = ()  # a generic head that several actors' aliases end with ("the army")


class PartyFinder:
    """Finds parties in a sentence's tokens, for one actors file and lexicon."""

    def __init__(self, actors: Actors, lexicon: Lexicon):
        self.lexicon = lexicon
        self.aliases: dict[tuple[str, ...], tuple[str, bool]] = {}
        for actor in actors:
            for alias in actor.aliases:
                words = words_of(alias)
                if words:
                    self.aliases.setdefault(words, (actor.id, alias[:1].isupper()))
        for actor in actors:  # a person is named by surname after the first mention ("Berrin said")
            for alias in actor.aliases:
                names = alias.split()
                if len(names) >= 2 and all(n[:1].isupper() and n.isalpha() for n in names) and \
                        not any(words_of(n)[0] in lexicon.force_nouns or words_of(n)[0] in lexicon.speaker_nouns
                                for n in names):
                    self.aliases.setdefault(words_of(names[-1]), (actor.id, True))
        self.longest_alias = max((len(w) for w in self.aliases), default=0)
        self.alias_lengths: dict[str, tuple[int, ...]] = {}  # first word -> lengths of the aliases it starts
        # a name spelt otherwise ("Aliev", "Harutiunian"): by the transliteration key of its words
        self.spelt: dict[tuple[str, ...], str] = {}
        for words, (actor, capital) in self.aliases.items():
            if capital and all(w.isalpha() for w in words) and sum(len(w) for w in words) >= 5:
                self.spelt.setdefault(_spelling(words), actor)
        self.spelt_lengths = frozenset(len(w) for w, (_, capital) in self.aliases.items() if capital)
        self.adjectives = _adjectives(actors, lexicon)
        self.generic = _generic_heads(actors, lexicon)
        for head, owners in self.generic.items():  # "rebels" -> "rebel fighters", "rebel-held", "rebellious"
            for words in lexicon.head_adjectives.get(head, ()):
                if len(words) == 1 and len(owners) == 1:
                    self.adjectives.setdefault(words[0], owners[0])
        for adjective, actor in list(self.adjectives.items()):  # "Armenians admit", "Azeris celebrated"
            if adjective[:1].isalpha() and adjective.endswith(lexicon.endings.demonym):
                for plural in lexicon.endings.plural:
                    self.aliases.setdefault((adjective + plural,), (actor, True))
        countries = {}
        for country, demonyms in _demonyms().items():
            owners = {self.adjectives[d] for d in demonyms if d in self.adjectives}
            if len(owners) == 1 and country not in self.aliases:
                countries[country] = owners.pop()
        self.countries = countries
        self.starters = frozenset().union(  # words a party other than a name can start with
            self.adjectives, self.generic, lexicon.speaker_pronouns.first_words, lexicon.third_pronouns.first_words,
            lexicon.rival_words.first_words, lexicon.self_references.first_words, lexicon.force_nouns.first_words)

    def _lengths(self) -> dict[str, tuple[int, ...]]:
        if not self.alias_lengths:
            lengths: dict[str, set[int]] = defaultdict(set)
            for words in (*self.aliases, *self.countries):
                lengths[words[0]].add(len(words))
            self.alias_lengths = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
        return self.alias_lengths

    def find(self, tokens: Sequence[Token]) -> list[Party]:
        """Every party in `tokens`, left to right, not overlapping."""
        parties: list[Party] = []
        i = 0
        while i < len(tokens):
            party = _party_at(self, tokens, i)
            if party is None:
                i += 1
                continue
            party = _widened(self, tokens, party)
            if party is not None:
                parties.append(party)
                i = party.end
            else:
                i += 1
        return [_mark_support(self, tokens, p) for p in parties]


    def alias_at(self, tokens: Sequence[Token], i: int) -> Party | None:
        lengths = self._lengths().get(tokens[i].low, ())
        capitalised_run = 0  # words from i that could be a name spelt otherwise
        while self.spelt and i + capitalised_run < len(tokens) and tokens[i + capitalised_run].capitalised and \
                tokens[i + capitalised_run].low.isalpha():
            capitalised_run += 1
        if not lengths and not capitalised_run:
            return None
        for n in range(min(self.longest_alias, len(tokens) - i), 0, -1):
            listed = n in lengths
            spelt = n <= capitalised_run and n in self.spelt_lengths
            if not listed and not spelt:
                continue
            words = tuple(t.low for t in tokens[i:i + n])
            found = self.aliases.get(words) or (self.countries.get(words) and (self.countries[words], True))
            if found is None and spelt and sum(len(w) for w in words) >= 5 and _spelling(words) in self.spelt:
                found = (self.spelt[_spelling(words)], True)
            if found:
                actor, capital = found
                if capital and not tokens[i].capitalised:
                    continue
                if n == 1 and len(words[0]) <= 3 and not tokens[i].text.isupper() and capital:
                    continue  # "Gen" is no acronym alias "GEN"
                return Party(i, i + n, actor, "name")
        return None

    def adjective_at(self, tokens: Sequence[Token], i: int) -> Party | None:
        """An actor's adjective, then up to two more words, then a force or speaker noun; or
        the bare adjective before a hyphenated "-held", "-controlled" ("rebel-held") or a
        held noun ("under Talvian control")."""
        lex = self.lexicon
        actor = self.adjectives.get(tokens[i].low)
        if actor is None:
            return None
        if i + 2 < len(tokens) and tokens[i + 1].low == "-" and not tokens[i + 1].spaced and not tokens[i + 2].spaced:
            return Party(i, i + 1, actor, "force")
        if lex.held_nouns.match(tokens, i + 1):
            return Party(i, i + 1, actor, "force")  # "under Talvian control"
        j = i + 1
        for _ in range(3):
            if j >= len(tokens):
                return None
            n = lex.force_nouns.match(tokens, j) or lex.speaker_nouns.match(tokens, j)
            if n:
                return Party(i, j + n, actor, "force")
            if tokens[j].low in self.adjectives or not (tokens[j].low.isalpha() or tokens[j].low in self.lexicon.words.possessive):
                return None
            j += 1  # "Vardia's President", "Estmark Defence Forces"
        return None


def _party_at(finder: PartyFinder, tokens: Sequence[Token], i: int) -> Party | None:
    lex = finder.lexicon
    alias = finder.alias_at(tokens, i)
    adjective = finder.adjective_at(tokens, i) if tokens[i].low in finder.adjectives else None
    if alias and (not adjective or alias.end >= adjective.end):
        return alias
    if adjective:
        return adjective
    low = tokens[i].low
    if low not in finder.starters:
        return None
    n = lex.speaker_pronouns.match(tokens, i)
    if n:
        return Party(i, i + n, None, "speaker-pronoun")
    n = lex.third_pronouns.match(tokens, i)
    if n and not (low in lex.words.neuter_pronouns and i + 1 < len(tokens) and lex.be.match(tokens, i + 1)
                  and lex.impersonal.find(tokens, i + 2, min(len(tokens), i + 5))):
        return Party(i, i + n, None, "pronoun")
    n = lex.rival_words.match(tokens, i)
    if n:
        return Party(i, i + n, None, "rival")
    n = lex.self_references.match(tokens, i)
    if n and i + n < len(tokens) and lex.force_nouns.match(tokens, i + n):
        return Party(i, i + n + lex.force_nouns.match(tokens, i + n), None, "speaker-pronoun")  # "the country's forces"
    n = lex.force_nouns.match(tokens, i)
    if n:
        tied = _belonging(finder, tokens, i + n)
        if tied:
            return Party(i, tied.end, tied.actor, "force")  # "militias loyal to Varraj"
        if i > 0 and tokens[i - 1].low in lex.words.definite and tokens[i].low.endswith(lex.endings.plural) \
                and not tokens[i].capitalised:
            return Party(i - 1, i + n, None, "pronoun")  # "the forces": those named before
        if tokens[i].low.endswith(lex.endings.plural) and not tokens[i].capitalised and i > 0 and \
                (tokens[i - 1].low in lex.words.complementiser or lex.speech_verbs.match(tokens, i - 1)):
            return Party(i, i + n, None, "bare")  # "X said troops had withdrawn": X's, if a side says so
    if low in finder.generic and _generic_allowed(finder, tokens, i):
        owners = finder.generic[low]
        return Party(i, i + 1, owners[0] if len(owners) == 1 else None, "generic", candidates=owners)
    return None


def _belonging(finder: PartyFinder, tokens: Sequence[Token], j: int) -> Party | None:
    """"forces loyal to X", "forces from Kessland", "units under the command of X": X."""
    if j >= len(tokens):
        return None
    n = finder.lexicon.belonging.match(tokens, j)
    if not n:
        return None
    k = j + n
    while k < len(tokens) and tokens[k].low in finder.lexicon.determiners:
        k += 1
    if k >= len(tokens):
        return None
    if k + 1 < len(tokens) and tokens[k + 1].low in finder.lexicon.words.possessive and not (finder.alias_at(tokens, k) or finder.adjective_at(tokens, k)):
        for m in range(k + 2, min(len(tokens), k + 6)):  # "forces aligned with Westmark's recognised Government of ..."
            if finder.alias_at(tokens, m):
                k = m
                break
    party = finder.alias_at(tokens, k) or finder.adjective_at(tokens, k)
    if party is None and tokens[k].low in finder.adjectives:
        party = Party(k, k + 1, finder.adjectives[tokens[k].low], "force")
    if party is None and tokens[k].capitalised and k + 1 < len(tokens):
        party = finder.alias_at(tokens, k + 1)  # "backing Al Varraj"
    if party is not None and party.end < len(tokens) and tokens[party.end].low in finder.lexicon.words.possessive:
        # "forces from Estmark's northern Kessland region": the region, not the country
        m = party.end + 1
        while m < len(tokens) and m < party.end + 4:
            inner = finder.alias_at(tokens, m) or (Party(m, m + 1, finder.adjectives[tokens[m].low], "force")
                                                  if tokens[m].low in finder.adjectives else None)
            if inner is not None:
                party = inner
                break
            m += 1
    if party is not None and party.end < len(tokens) and (
            tokens[party.end].low in finder.lexicon.sizes or finder.lexicon.reference_nouns.match(tokens, party.end)):
        party = Party(party.start, party.end + 1, party.actor, party.kind)  # "... Kessland region"
    return party


def _generic_allowed(finder: PartyFinder, tokens: Sequence[Token], i: int) -> bool:
    """"the army", "the heroic army", not "Westmarkish Army" (an army geomap does not know)."""
    if i == 0 or not tokens[i - 1].low.isalnum():
        return True  # at the start of a sentence or clause
    before = tokens[i - 1]
    if before.low in finder.adjectives or before.low in finder.lexicon.determiners or before.low == "-" or before.low in finder.lexicon.words.possessive:
        return True
    return not before.capitalised and before.low.isalpha()


def _widened(finder: PartyFinder, tokens: Sequence[Token], party: Party) -> Party | None:
    """Hyphenated prefixes and suffixes ("pro-X", "anti-X", "X-backed", "X-led forces"),
    and a following "'s forces" or force noun, taken into the party or ruling it out."""
    lex = finder.lexicon
    start, end = party.start, party.end
    if start >= 2 and tokens[start - 1].low == "-" and not tokens[start].spaced and not tokens[start - 1].spaced:
        prefix = tokens[start - 2].low
        if prefix in lex.other_side_prefixes:
            return None
        if prefix in lex.same_side_prefixes:
            start -= 2
    if end + 1 < len(tokens) and tokens[end].low == "-" and not tokens[end].spaced and not tokens[end + 1].spaced:
        suffix = tokens[end + 1].low
        if suffix in lex.other_side_suffixes:
            return None
        if suffix in lex.same_side_suffixes:
            end += 2
    if end + 1 < len(tokens) and tokens[end].spaced and (lex.same_side_suffixes.match(tokens, end) or
                                                          lex.other_side_suffixes.match(tokens, end)) \
            and (lex.force_nouns.match(tokens, end + 1)):
        if lex.other_side_suffixes.match(tokens, end):
            return None  # "Oskarian backed forces"
        end += 1  # "BF aligned forces"
    elif party.kind == "name" and end < len(tokens) and tokens[end].capitalised:
        k = end
        while k < len(tokens) and k < end + 4 and tokens[k].capitalised and tokens[k].low.isalpha():
            k += 1
        if k < len(tokens) and k > end and lex.force_nouns.match(tokens, k):
            end = k  # "the BF Western Military Region forces"
    if end < len(tokens) and tokens[end].low in finder.lexicon.words.possessive and end + 1 < len(tokens):
        k = end + 1
        while k < len(tokens) and k < end + 3 and not (lex.force_nouns.match(tokens, k) or lex.speaker_nouns.match(tokens, k)):
            if not tokens[k].low.isalpha() or finder.adjectives.get(tokens[k].low, party.actor) != party.actor:
                break  # "Estmark's rebellious forces": the adjective names the side, not the possessor
            k += 1
        n = k < len(tokens) and (lex.force_nouns.match(tokens, k) or lex.speaker_nouns.match(tokens, k))
        if n and party.kind != "pronoun":
            end = k + n
    elif party.kind in ("name", "generic", "force", "pronoun") and end < len(tokens):
        n = lex.force_nouns.match(tokens, end) or lex.speaker_nouns.match(tokens, end)
        if n and party.kind != "pronoun":
            end += n
    if party.kind in ("pronoun", "speaker-pronoun") and tokens[party.start].low in finder.lexicon.words.possessives:
        n = end < len(tokens) and (lex.force_nouns.match(tokens, end) or lex.speaker_nouns.match(tokens, end))
        if not n and end + 1 < len(tokens):
            n2 = lex.force_nouns.match(tokens, end + 1) or lex.speaker_nouns.match(tokens, end + 1)
            if n2:
                end += 1 + n2
        elif n:
            end += n
    return Party(start, end, party.actor, party.kind, candidates=party.candidates)


def _mark_support(finder: PartyFinder, tokens: Sequence[Token], party: Party) -> Party:
    """A party after "backed by" supports the head of its phrase ("rebels backed by the Oskarian military")."""
    k = party.start
    while k > 0 and tokens[k - 1].low in finder.lexicon.determiners:
        k -= 1
    if any(end == k for _, end in finder.lexicon.supporting.find(tokens, max(0, k - 4), k)):
        return Party(party.start, party.end, party.actor, party.kind, True, party.candidates)
    return party


@functools.lru_cache(maxsize=8)
def party_finder(actors: Actors, lexicon: Lexicon) -> PartyFinder:
    """One finder per actors file and lexicon: its tables are built once."""
    return PartyFinder(actors, lexicon)


def _adjectives(actors: Actors, lexicon: Lexicon) -> dict[str, str]:
    """Adjective -> actor: the actors' own, those their aliases show, and their countries' demonyms.

    Only aliases that end with a common noun show an adjective ("Sudland troops": Sudlandic;
    "Republican Guard" is a name). An adjective that the aliases give to several actors goes to the one that uses it
    clearly most ("Sudlandic" for the government when its aliases say "Sudland army",
    "Sudland troops", "Sudland forces" and the rebels' only "Sudland rebels"), else to none.
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    own: dict[str, str] = {}
    known_demonyms = _demonyms()
    for actor in actors:
        for adjective in actor.adjectives:
            own[adjective.lower()] = actor.id
        for alias in actor.aliases:
            words = words_of(alias)
            common_noun = alias.split()[-1][:1].islower()  # "Sudland troops", not the name "National Army"
            if len(words) == 2 and common_noun and _names_a_side(words[1], lexicon) and words[0].isalpha() \
                    and words[0] not in lexicon.determiners:
                votes[words[0]][actor.id] += 1
            for demonym in known_demonyms.get(words, ()):
                votes[demonym][actor.id] += 2  # the actor named "Ardenia" is "Ardenian"
    chosen = {}
    for adjective, count in votes.items():
        (best, n), *rest = count.most_common() + [(None, 0)]
        if n > 2 * rest[0][1]:
            chosen[adjective] = best
    chosen.update(own)
    return chosen


@functools.lru_cache(maxsize=4096)
def _spelling(words: tuple[str, ...]) -> str:
    """A name as its transliteration key, so "Aliev" and "Arvidov" agree."""
    return transliteration_key(fold_name(" ".join(words)))


def _names_a_side(noun: str, lexicon: Lexicon) -> bool:
    return noun in lexicon.force_nouns or noun in lexicon.speaker_nouns


def _generic_heads(actors: Actors, lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Generic head -> the actors whose aliases end with it as a common noun ("the army": the actor
    of "Sudland army"; where several do, the reader picks the one the article is about)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for alias in actor.aliases:
            words = words_of(alias)
            common_noun = alias.split()[-1][:1].islower()  # "Sudland army", not the name "National Army"
            if words and words[-1] in lexicon.generic_heads and (common_noun or len(words) == 1):
                owners[words[-1]].add(actor.id)
    return {head: tuple(sorted(ids)) for head, ids in owners.items()}


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Country name (as tokens) -> its demonyms ("armenia" -> "armenian")."""
    return {words_of(name): found for name, found in english.demonyms().items()}
