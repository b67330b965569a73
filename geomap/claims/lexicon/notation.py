"""How the lexicon writes words: `~verb` for every form of a verb, `a|b` for either, `be`
for every form of "to be", and in frame phrases `(a b|c)` groups, `[a|b]` optional words,
`{role}` slots and VERB, NOUN, PARTICIPLE, GERUND for the entry's lists. English
inflection comes from lemminflect, so the file lists each verb once."""
from __future__ import annotations

import itertools
import re

from lemminflect import getAllInflections, getAllInflectionsOOV

from ..tokens import words_of
from .tables import ROLES, Element, FramePattern, Slot, Words


class Notation:
    """Expands the lexicon's written words into token sequences."""

    def __init__(self, be: tuple[str, ...] = ("be",)):
        self.be = be  # the forms of "to be", from the grammar section

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
            return [tail] if form == "PARTICIPLE" else [(gerund, *tail) for gerund in sorted(_gerunds("be"))] if form == "GERUND" else \
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


def compile_phrase(notation: Notation, frame: str, text: str, lists: dict[str, list[str]]) -> list[FramePattern]:
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
                notation.inflected(entry) if body == "VERB" else notation.inflected(entry, form=body)
                if body in ("PARTICIPLE", "GERUND") else notation.written("~" + entry))]
        else:
            options = notation.written(body)
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
