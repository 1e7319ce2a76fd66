"""The one input rule for text: no NUL bytes, no unpaired UTF-16 surrogates.

Neither can be stored: PostgreSQL refuses NUL in text columns and no
database can encode a lone surrogate as UTF-8, so letting them through gives a
500 on one database and silently different data on the other. Text people
send us (API, forms) is refused with 422 naming the field (``api.inputs``);
text we read from elsewhere (calendar feeds) is cleaned with ``strip_bad`` and
the work goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from core.errors import InvalidInput

# NUL, and any surrogate code point (in a Python str a valid pair is one code point,
# so every surrogate left in a str is unpaired).
_BAD = re.compile("[\x00\ud800-\udfff]")
MESSAGE = "must not contain NUL bytes or unpaired UTF-16 surrogates"


def is_clean(text: str) -> bool:
    return _BAD.search(text) is None


def strip_bad(text: str) -> str:
    """``text`` without NULs and unpaired surrogates (for data read from feeds)."""
    return _BAD.sub("", text) if _BAD.search(text) else text


def check_text(field: str, text: str | None) -> None:
    """Raise ``InvalidInput`` naming ``field`` if ``text`` breaks the rule."""
    if text is not None and not is_clean(text):
        raise InvalidInput(f"{field} {MESSAGE}")


Location = tuple[str | int, ...]


def bad_locations(value: Any, location: Location = ()) -> Iterator[Location]:
    """Where in a decoded JSON value (keys included) a string breaks the rule."""
    if isinstance(value, str):
        if not is_clean(value):
            yield location
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and not is_clean(key):
                yield (*location, strip_bad(key))
            yield from bad_locations(item, (*location, strip_bad(str(key))))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from bad_locations(item, (*location, index))
