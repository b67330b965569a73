"""Sentence splitting: abbreviations, quotations and captions."""
from __future__ import annotations

from geomap.sentences import split_sentences


def _texts(body):
    return [s.text for s in split_sentences(body)]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    body = "Mr. Saleh met Gen. Tal in the U.S. capital. J. Smith said so."
    assert _texts(body) == ["Mr. Saleh met Gen. Tal in the U.S. capital.", "J. Smith said so."]


def test_a_caption_on_its_own_line_is_its_own_sentence():
    body = "A photograph shows fighters - AP\nThe fighting went on."
    assert _texts(body) == ["A photograph shows fighters - AP", "The fighting went on."]


def test_sentences_inside_a_quotation_know_the_quotation_span():
    body = 'The front said: “The claim is false. We hold the town,” it said.'
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == ["The front said: “The claim is false.", "We hold the town,” it said."]
    assert [s.quoted for s in sentences] == [False, True]  # the first opens the quotation, the second sits in it
    assert body[sentences[1].quote_start] == "“" and body[sentences[1].quote_end - 1] == "”"


def test_offsets_slice_each_sentence():
    body = "One. Two!\n\nThree?"
    assert all(body[s.start:s.end] == s.text for s in split_sentences(body))
