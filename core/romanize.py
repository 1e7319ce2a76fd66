"""Greek and Cyrillic spelled in Latin letters, so that one folded form reads them.

The lexicon, the word overlap and the full-text query compare folded words made of
``[0-9a-z]`` (``core.ranking.text.fold``). Without this, a Greek, Russian, Bulgarian or
Ukrainian meeting folded to nothing: no kind of meeting, no shared word, no customer
name. ``anyascii`` spells each letter the common way ("Παράδοση" → "Paradosi",
"Поставка" → "Postavka"), so the lexicon's cues for these languages are written in that
spelling, and a tip and a meeting in one of them share words again.

Only these two alphabets: Chinese and Japanese write no spaces between words, and their
romanisation would glue a sentence into one word.
"""

from __future__ import annotations

import re

from anyascii import anyascii

# Greek and Coptic, Greek Extended (polytonic), Cyrillic and its supplement.
_ALPHABETS = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f]+")
# The soft and hard signs only mark how the letter before sounds; anyascii writes them as
# an apostrophe, which would split the word ("дистрибьютор" → "distrib'yutor").
_SIGNS = str.maketrans("", "", "ьъЬЪ")


def romanize(text: str) -> str:
    """``text`` with its Greek and Cyrillic runs spelled in Latin letters; the rest as it was."""
    if not _ALPHABETS.search(text):
        return text
    return _ALPHABETS.sub(lambda run: anyascii(run.group().translate(_SIGNS)), text)
