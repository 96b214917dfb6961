"""A readability hint for partners while they write an offer's summary.

A simple rule rather than a readability formula: Flesch-Douma and the like need a Dutch
syllable counter and were made for long texts, while a summary is one or two sentences. Plain
Dutch ("klare taal", level B1) asks for sentences of at most about 15 words and few long words;
a Dutch compound over 15 letters ("opvoedingsondersteuning") is what most often stops a parent
who is learning Dutch.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_SENTENCE_WORDS = 15
MAX_WORD_LETTERS = 15
LONG_WORDS_SHOWN = 3

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def readability_hints(text):
    """What would make ``text`` easier to read, as sentences for the writer; empty when it is
    plain enough."""
    text = " ".join((text or "").split())
    if not text:
        return []
    hints = []
    longest = max(len(_WORD.findall(sentence)) for sentence in _SENTENCE_END.split(text))
    if longest > MAX_SENTENCE_WORDS:
        hints.append(
            _(
                "A sentence has %(count)s words. Sentences of at most %(max)s words are "
                "easier to read: could you split it?"
            )
            % {"count": longest, "max": MAX_SENTENCE_WORDS}
        )
    long_words = list(
        dict.fromkeys(word for word in _WORD.findall(text) if len(word) > MAX_WORD_LETTERS)
    )
    if long_words:
        hints.append(
            ngettext(
                "A long word is hard for many parents: %(words)s. Is there a shorter one?",
                "Long words are hard for many parents: %(words)s. Are there shorter ones?",
                len(long_words),
            )
            % {"words": ", ".join(long_words[:LONG_WORDS_SHOWN])}
        )
    return hints
