"""The English lexicon: what the claims reader knows about the language, read from YAML.

`en.yaml` beside this file is the data (see its header for how to edit it); this
module turns it into lookup tables once: every phrase becomes the token sequences it
stands for, with verbs and nouns in all their forms (lemminflect knows English
inflection, so the file lists each verb once). A user may point geomap at another
file with the same sections (`load_lexicon(path)`, `geomap build --lexicon`).
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lemminflect import getAllInflections, getAllInflectionsOOV

from ...errors import GeomapError, Problem
from ...yamlio import LineDict, did_you_mean, load_yaml
from ..tokens import Token, words_of
from .grammar import Endings, FunctionWords, read_endings, read_words

DEFAULT_LEXICON = Path(__file__).with_name("en.yaml")
ROLES = ("holder", "loser", "place")
FRAMES = ("gain", "loss", "state", "presence", "hold-out")
SECTIONS = ("fillers", "grammar", "frames", "denials", "attribution", "parties", "places", "cancel", "dates", "hedges",
            "look_alikes")

Words = tuple[str, ...]  # one way a phrase element can be written, as tokens


class LexiconError(GeomapError):
    """The lexicon YAML is malformed."""


@dataclass(frozen=True)
class Element:
    """One word position of a phrase: the token sequences that may stand there."""

    options: tuple[Words, ...]  # longest first

    def __post_init__(self):
        object.__setattr__(self, "_phrases", Phrases(self.options))

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """Tokens matched at `i` (0 if none)."""
        return self._phrases.match(tokens, i)

    @property
    def first_words(self) -> frozenset[str]:
        return self._phrases.first_words


@dataclass(frozen=True)
class Slot:
    """Where a role (holder, loser, place) stands inside a phrase; `force`: named as armed men;
    `where`: a place where something is ("outside the governor's office in X": X)."""

    role: str
    force: bool = False
    where: bool = False


@dataclass(frozen=True, eq=False)  # hashed by identity: frames index patterns in sets
class FramePattern:
    """One way English says what happened to a place, with where each role attaches."""

    frame: str
    text: str  # as written in the lexicon, for `geomap explain`
    left: str | None  # role looked for before the core (the subject)
    core: tuple[Element | Slot, ...]
    right: str | None  # role looked for after the core (the object)
    force_roles: frozenset = frozenset()  # roles that must be named as armed men ({holder:force})
    where: bool = False  # the place is where something is ({place:where})

    @functools.cached_property
    def needs(self) -> tuple[frozenset, ...]:
        """For each word of the core after the first, the words one of which a sentence must hold."""
        return tuple(element.first_words for element in self.core[1:] if isinstance(element, Element))


class Phrases:
    """A set of fixed phrases, kept as a word trie so the longest match costs one step per word."""

    _END = ""  # key marking that a phrase ends at this node (no token is empty)

    def __init__(self, phrases: Iterable[Words]):
        self._trie: dict = {}
        for words in phrases:
            if words:
                node = self._trie
                for word in words:
                    node = node.setdefault(word, {})
                node[self._END] = True
        self.first_words = frozenset(self._trie)

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """Length of the longest phrase starting at token `i` (0 if none)."""
        node, longest, k = self._trie, 0, i
        while k < len(tokens):
            node = node.get(tokens[k].low)
            if node is None:
                break
            k += 1
            if self._END in node:
                longest = k - i
        return longest

    def find(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) token spans of every phrase in tokens[start:end], left to right, not overlapping."""
        end = len(tokens) if end is None else end
        found, i = [], start
        while i < end:
            n = self.match(tokens, i) if tokens[i].low in self.first_words else 0
            if n and i + n <= end:
                found.append((i, i + n))
                i += n
            else:
                i += 1
        return found

    def __contains__(self, word: str) -> bool:
        return self._END in self._trie.get(word, {})


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per file, cached
class Lexicon:
    """Every table the claims reader consults; built by `load_lexicon`."""

    path: str
    fillers: Phrases
    determiners: Phrases
    clause_breaks: Phrases
    relative_pronouns: Phrases
    aside_openers: Phrases
    participle_links: Phrases
    be: Phrases
    impersonal: Phrases
    words: FunctionWords
    endings: Endings
    supporting: Phrases
    patterns: tuple[FramePattern, ...]
    patterns_by_word: dict  # first core token -> patterns that may start there
    denial_verbs: Phrases
    false_phrases: Phrases
    claim_nouns: Phrases
    persistence: Phrases
    speech_verbs: Phrases
    speech_also_nouns: Phrases
    speech_inverted: Phrases
    object_speaker: Phrases
    impersonal_passive: Phrases
    not_speaker_after: Phrases
    speech_lemma: dict  # form -> lemma, for the verbs of saying
    before_speaker: Phrases
    corroboration: Phrases
    speaker_nouns: Phrases
    visual_nouns: Phrases
    visual_claimant: dict  # noun -> the claimant it stands for ("photo" -> "photograph")
    visual_verbs: Phrases
    force_nouns: Phrases
    held_nouns: Phrases
    belonging: Phrases
    same_side_prefixes: Phrases
    other_side_prefixes: Phrases
    same_side_suffixes: Phrases
    other_side_suffixes: Phrases
    rival_words: Phrases
    self_references: Phrases
    generic_heads: tuple[str, ...]
    head_adjectives: dict  # generic head -> adjectives that name its actor ("rebels" -> rebel, rebellious)
    speaker_pronouns: Phrases
    third_pronouns: Phrases
    part_nouns: Phrases
    surrounding_nouns: Phrases
    holdout_nouns: Phrases
    coordination: Phrases
    locators: Phrases
    descriptors: Phrases
    reference_nouns: Phrases
    same_reference: tuple[frozenset, ...]
    sizes: dict
    numbers: dict  # "eight" -> 8; vague quantities ("several") -> 0
    feature_sizes: dict
    negation: Phrases
    intent: Phrases
    epistemic: Phrases
    realised_before_to: Phrases
    causatives: Phrases
    condition: Phrases
    condition_hedges: Phrases
    history: Phrases
    hypothetical: Phrases
    ability: Phrases
    ongoing: Phrases
    months: tuple[tuple[str, ...], ...]  # each month's names, January first
    weekdays: tuple[str, ...]  # Monday first
    before_month: tuple[str, ...]
    relative_dates: dict  # phrase -> days back
    relative_date_phrases: Phrases
    hedges: Phrases
    look_alikes: dict  # kind -> Phrases

    def is_filler(self, tokens: Sequence[Token], i: int) -> int:
        """Tokens from `i` that may stand between the words of a phrase (0 if none)."""
        token = tokens[i]
        low = token.low
        if low.isdigit() or (len(low) > 3 and low.endswith(self.endings.adverb) and low not in self.words.not_adverbs) \
                or low[:1].isdigit() and low.lstrip("0123456789") in self.endings.ordinal:
            return 1
        return self.fillers.match(tokens, i)

    def references(self, noun: str) -> frozenset:
        """The nouns that may point at the same place as `noun` ("town" for "city")."""
        for group in self.same_reference:
            if noun in group:
                return group
        return frozenset((noun,))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon at `path` (default: the English one shipped with geomap).

    Built once per file and version: an edited file is read again. Raises
    LexiconError with `file:line` for a malformed file, or a missing one.
    """
    path = Path(path) if path else DEFAULT_LEXICON
    try:
        stat = path.stat()
    except OSError as exc:
        raise LexiconError(Problem(str(path), None, f"cannot read the lexicon: {exc.strerror}")) from None
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _load(path: Path, modified: int, size: int) -> Lexicon:
    """The lexicon at `path`, as it was at `modified` with `size` bytes (the cache key)."""
    document = load_yaml(path, LexiconError)
    problems: list[Problem] = []
    if not isinstance(document, LineDict):
        raise LexiconError(Problem(str(path), None, "expected a mapping with the lexicon's sections"))
    for key in document:
        if key not in SECTIONS:
            problems.append(Problem(str(path), document.line_of(key), f"unknown section {key!r}{did_you_mean(key, SECTIONS)}"))
    for key in SECTIONS:
        if key not in document:
            problems.append(Problem(str(path), None, f"missing section {key!r}"))
    if problems:
        raise LexiconError(problems)
    reader = _Reader(path, problems)
    lexicon = reader.build(document)
    if problems:
        raise LexiconError(problems)
    return lexicon


class _Reader:
    """Turns the YAML sections into tables, collecting problems with their lines."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        self.be: tuple[str, ...] = ("be",)  # the forms of "to be", from the grammar section

    def written(self, text: str) -> list[Words]:
        """The token sequences a lexicon word stands for: `~verb` in each form, `a|b` either."""
        found: list[Words] = []
        for alternative in text.split("|"):
            alternative = alternative.strip()
            if alternative == "be":
                found.extend((form,) for form in self.be)
            elif alternative.startswith("~"):
                found.extend(self.inflected(alternative[1:]))
            else:
                found.append(words_of(alternative))
        return [words for words in found if words]

    def inflected(self, entry: str, form: str = "") -> list[Words]:
        """A verb entry in all its forms (or only as PARTICIPLE or GERUND): the head verb inflects
        ("take over" -> "took over"), "be" in front stands for each form of be ("be driven out")."""
        words = entry.split()
        if words and words[0] == "be":
            tail = words_of(" ".join(words[1:]))
            return [tail] if form == "PARTICIPLE" else [("being", *tail)] if form == "GERUND" else \
                [(f, *tail) for f in self.be]
        head, *rest = words
        tail = words_of(" ".join(rest)) if rest else ()
        prefix = ""
        if "-" in head:  # re-take: the part after the hyphen inflects
            prefix, _, head = head.rpartition("-")
            prefix += "-"
        forms = _participles(head) if form == "PARTICIPLE" else _gerunds(head) if form == "GERUND" else _forms(head)
        return [words_of(prefix + form) + tail for form in sorted(forms)]

    def phrase_words(self, text: str) -> list[Words]:
        """A fixed phrase whose words may be written with ~ or be ("be out of sync with reality")."""
        options = [self.written(word) for word in text.split()]
        return [tuple(itertools.chain.from_iterable(choice)) for choice in itertools.product(*options)]

    def problem(self, where: LineDict, key: str, message: str) -> None:
        self.problems.append(Problem(str(self.path), where.line_of(key) if isinstance(where, LineDict) else None, message))

    def section(self, document: LineDict, key: str) -> LineDict:
        value = document.get(key)
        if not isinstance(value, LineDict):
            self.problem(document, key, f"{key!r} must be a mapping")
            return LineDict()
        return value

    def words(self, where: LineDict, key: str) -> list[str]:
        value = where.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(where, key, f"{key!r} must be a list of words or phrases")
            return []
        return value

    def phrases(self, where: LineDict, key: str) -> Phrases:
        return Phrases(alternative for text in self.words(where, key) for alternative in self.written(text))

    def build(self, document: LineDict) -> Lexicon:
        grammar = self.section(document, "grammar")
        self.be = tuple(words_of(w)[0] for w in self.words(grammar, "be")) or ("be",)
        denials, attribution = self.section(document, "denials"), self.section(document, "attribution")
        parties, places = self.section(document, "parties"), self.section(document, "places")
        cancel, look_alikes = self.section(document, "cancel"), self.section(document, "look_alikes")
        pronouns = parties.get("pronouns") if isinstance(parties.get("pronouns"), LineDict) else LineDict()
        patterns = self.patterns(document)
        by_word: dict[str, list[FramePattern]] = {}
        for pattern in patterns:
            first = pattern.core[0]
            for option in first.options:
                by_word.setdefault(option[0], []).append(pattern)
        speech = self.words(attribution, "verbs")
        visual = attribution.get("visual_nouns", {})
        if not isinstance(visual, dict) or not all(isinstance(v, list) for v in visual.values()):
            self.problem(attribution, "visual_nouns", "'visual_nouns' must map a claimant name to a list of nouns")
            visual = {}
        dates = self.section(document, "dates")
        relative = dates.get("relative", {})
        if not isinstance(relative, dict) or not all(isinstance(v, int) for v in relative.values()):
            self.problem(dates, "relative", "'relative' must map phrases to a number of days")
            relative = {}
        months = dates.get("months", [])
        if not isinstance(months, list) or len(months) != 12 or not all(
                isinstance(m, list) and m and all(isinstance(n, str) for n in m) for m in months):
            self.problem(dates, "months", "'months' must list twelve lists of names, January first")
            months = [[str(n)] for n in range(1, 13)]
        sizes = {name: self.sizes(places, name) for name in ("sizes", "feature_sizes")}
        same = places.get("same_reference", [])
        if not isinstance(same, list) or not all(isinstance(g, list) for g in same):
            self.problem(places, "same_reference", "'same_reference' must be a list of lists of nouns")
            same = []
        return Lexicon(
            path=str(self.path),
            fillers=Phrases(a for text in self.words(document, "fillers") for a in self.written(text)),
            determiners=self.phrases(grammar, "determiners"),
            clause_breaks=self.phrases(grammar, "clause_breaks"),
            relative_pronouns=self.phrases(grammar, "relative_pronouns"),
            aside_openers=self.phrases(grammar, "aside_openers"),
            participle_links=self.phrases(grammar, "participle_links"),
            be=Phrases((form,) for form in self.be),
            impersonal=self.phrases(grammar, "impersonal"),
            words=read_words(grammar, self.problem),
            endings=read_endings(grammar, self.problem),
            supporting=self.phrases(parties, "supporting"),
            patterns=tuple(patterns),
            patterns_by_word={word: tuple(found) for word, found in by_word.items()},
            denial_verbs=Phrases(a for verb in self.words(denials, "verbs") for a in self.written("~" + verb)),
            false_phrases=Phrases(a for text in self.words(denials, "falsity") for a in self.phrase_words(text)),
            claim_nouns=self.phrases(denials, "claim_nouns"),
            persistence=self.phrases(denials, "persistence"),
            speech_verbs=Phrases(a for verb in speech for a in self.written("~" + verb)),
            speech_lemma={form[0]: verb for verb in speech for form in self.written("~" + verb)},
            speech_also_nouns=self.phrases(attribution, "also_nouns"),
            speech_inverted=Phrases(a for verb in self.words(attribution, "inverted") for a in self.written("~" + verb)),
            object_speaker=Phrases(a for verb in self.words(attribution, "object_speaker") for a in self.written("~" + verb)),
            impersonal_passive=self.phrases(attribution, "impersonal_passive"),
            not_speaker_after=self.phrases(parties, "not_speaker_after"),
            before_speaker=self.phrases(attribution, "before_speaker"),
            corroboration=self.phrases(attribution, "corroboration"),
            speaker_nouns=self.phrases(attribution, "speaker_nouns"),
            visual_nouns=Phrases(words_of(noun) for nouns in visual.values() for noun in nouns),
            visual_claimant={" ".join(words_of(noun)): name for name, nouns in visual.items() for noun in nouns},
            visual_verbs=Phrases(a for text in self.words(attribution, "visual_verbs") for a in self.phrase_words(text)),
            force_nouns=self.phrases(parties, "force_nouns"),
            held_nouns=self.phrases(parties, "held_nouns"),
            belonging=self.phrases(parties, "belonging"),
            same_side_prefixes=self.phrases(parties, "same_side_prefixes"),
            other_side_prefixes=self.phrases(parties, "other_side_prefixes"),
            same_side_suffixes=self.phrases(parties, "same_side_suffixes"),
            other_side_suffixes=self.phrases(parties, "other_side_suffixes"),
            rival_words=self.phrases(parties, "rival_words"),
            self_references=self.phrases(parties, "self_references"),
            generic_heads=tuple(w.lower() for w in self.words(parties, "generic_heads")),
            head_adjectives=self.mapping(parties, "head_adjectives"),
            speaker_pronouns=self.phrases(pronouns, "speaker"),
            third_pronouns=self.phrases(pronouns, "third"),
            part_nouns=self.phrases(places, "part_nouns"),
            surrounding_nouns=self.phrases(places, "surrounding_nouns"),
            holdout_nouns=self.phrases(places, "holdout_nouns"),
            coordination=self.phrases(places, "coordination"),
            locators=self.phrases(places, "locators"),
            descriptors=self.phrases(places, "descriptors"),
            reference_nouns=self.phrases(places, "reference_nouns"),
            same_reference=tuple(frozenset(" ".join(words_of(n)) for n in group) for group in same),
            sizes=sizes["sizes"],
            numbers=self.sizes(places, "numbers"),
            feature_sizes=sizes["feature_sizes"],
            negation=self.phrases(cancel, "negation"),
            intent=self.phrases(cancel, "intent"),
            epistemic=self.phrases(cancel, "epistemic"),
            realised_before_to=self.phrases(cancel, "realised_before_to"),
            causatives=Phrases(a for verb in self.words(cancel, "causatives") for a in self.written("~" + verb)),
            condition=self.phrases(cancel, "condition"),
            condition_hedges=self.phrases(cancel, "condition_hedges"),
            history=self.phrases(cancel, "history"),
            hypothetical=self.phrases(cancel, "hypothetical"),
            ability=self.phrases(cancel, "ability"),
            ongoing=self.phrases(cancel, "ongoing"),
            months=tuple(tuple(names) for names in months),
            weekdays=tuple(self.words(dates, "weekdays")),
            before_month=tuple(self.words(dates, "before_month")),
            relative_dates={" ".join(words_of(k)): v for k, v in relative.items()},
            relative_date_phrases=Phrases(words_of(k) for k in relative),
            hedges=Phrases(a for text in self.words(document, "hedges") for a in self.written(text)),
            look_alikes={kind: Phrases(a for text in self.words(look_alikes, kind) for a in self.written(text))
                         for kind in look_alikes},
        )

    def mapping(self, where: LineDict, key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        """A section mapping a word to a list of words, as token sequences."""
        value = where.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            self.problem(where, key, f"{key!r} must map each word to a list of words")
            return {}
        return {k.lower(): tuple(words_of(w) for w in v) for k, v in value.items()}

    def sizes(self, places: LineDict, key: str) -> dict:
        value = places.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
            self.problem(places, key, f"{key!r} must map nouns to whole numbers")
            return {}
        return dict(value)

    def patterns(self, document: LineDict) -> list[FramePattern]:
        found: list[FramePattern] = []
        entries = document.get("frames", [])
        if not isinstance(entries, list):
            self.problem(document, "frames", "'frames' must be a list of entries")
            return found
        for entry in entries:
            if not isinstance(entry, LineDict):
                self.problem(document, "frames", "each frame entry must be a mapping")
                continue
            for key in entry:
                if key not in ("frame", "phrases", "verbs", "nouns"):
                    self.problem(entry, key, f"unknown field {key!r}{did_you_mean(key, ('frame', 'phrases', 'verbs', 'nouns'))}")
            frame = entry.get("frame")
            if frame not in FRAMES:
                self.problem(entry, "frame", f"frame {frame!r} is not one of {', '.join(FRAMES)}")
                continue
            lists = {"VERB": self.words(entry, "verbs"), "NOUN": self.words(entry, "nouns")}
            lists["PARTICIPLE"] = lists["GERUND"] = lists["VERB"]
            for text in self.words(entry, "phrases"):
                try:
                    found.extend(_compile(self, frame, text, lists))
                except ValueError as exc:
                    self.problem(entry, "phrases", f"phrase {text!r}: {exc}")
        return found


def _inflections(word: str, upos: str) -> dict:
    """lemminflect's forms of `word`, by its rules for a word it does not know ("reassume")."""
    return getAllInflections(word, upos=upos) or getAllInflectionsOOV(word, upos=upos)


def _participles(word: str) -> set[str]:
    """The past participles of an English verb."""
    verb = _inflections(word, "VERB")
    return set(verb.get("VBN", ())) or set(verb.get("VBD", ()))


def _gerunds(word: str) -> set[str]:
    """The -ing forms of an English verb."""
    return set(_inflections(word, "VERB").get("VBG", ()))


def _forms(word: str) -> set[str]:
    """Every inflected form of an English verb or noun, and the word itself."""
    forms = {word}
    for upos in ("VERB", "NOUN"):
        for variants in _inflections(word, upos).values():
            forms.update(variants)
    return forms


_PHRASE_PART = re.compile(r"\[[^\]]*\]|\([^)]*\)|\S+")  # [optional], (a group|of words), word


def _compile(reader: "_Reader", frame: str, text: str, lists: dict[str, list[str]]) -> list[FramePattern]:
    """The patterns one lexicon phrase stands for, one per way of filling its optional words."""
    items: list[tuple[Element | Slot, bool]] = []
    for raw in _PHRASE_PART.findall(text):
        optional = raw.startswith("[") and raw.endswith("]")
        body = raw[1:-1] if optional or raw.startswith("(") else raw
        if body.startswith("{") and body.endswith("}"):
            role, _, restriction = body[1:-1].partition(":")
            if role not in ROLES or restriction not in ("", "force", "where"):
                raise ValueError(f"unknown role {{{body[1:-1]}}}; roles are {', '.join('{' + r + '}' for r in ROLES)}"
                                 " (a side may be {holder:force}, a place {place:where})")
            items.append((Slot(role, restriction == "force", restriction == "where"), optional))
            continue
        if body in lists:
            if not lists[body]:
                raise ValueError(f"{body} needs a `{body.lower()}s:` list in its entry")
            options = [w for entry in lists[body] for w in (
                reader.inflected(entry) if body == "VERB" else reader.inflected(entry, form=body)
                if body in ("PARTICIPLE", "GERUND") else reader.written("~" + entry))]
        else:
            options = reader.written(body)
        if not options:
            raise ValueError(f"{raw!r} stands for no word")
        items.append((Element(tuple(sorted(set(options), key=lambda w: (-len(w), w)))), optional))
    optional_positions = [i for i, (_, optional) in enumerate(items) if optional]
    patterns = []
    for kept in itertools.product((True, False), repeat=len(optional_positions)):
        dropped = {p for p, keep in zip(optional_positions, kept) if not keep}
        parts = [item for i, (item, _) in enumerate(items) if i not in dropped]
        force = frozenset(item.role for item in parts if isinstance(item, Slot) and item.force)
        where = any(isinstance(item, Slot) and item.where for item in parts)
        left = parts.pop(0).role if parts and isinstance(parts[0], Slot) else None
        right = parts.pop().role if parts and isinstance(parts[-1], Slot) else None
        if not parts or isinstance(parts[0], Slot):
            raise ValueError("a phrase needs a word between its roles")
        patterns.append(FramePattern(frame, text, left, tuple(parts), right, force, where))
    return patterns
