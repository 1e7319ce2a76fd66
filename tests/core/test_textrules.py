"""The one text rule, as properties (they join ``make fuzz`` through ``examples()``)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from core.textrules import bad_locations, is_clean, strip_bad
from tests.fuzzing import examples

any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=examples(200))
@given(any_text)
def test_stripping_leaves_clean_text_and_keeps_clean_text(text):
    cleaned = strip_bad(text)
    assert is_clean(cleaned)
    if is_clean(text):
        assert cleaned == text
    cleaned.encode("utf-8")  # always storable


@settings(max_examples=examples(200))
@given(json_values)
def test_a_json_value_is_refused_exactly_when_some_string_in_it_is_unstorable(value):
    locations = list(bad_locations(json.loads(json.dumps(value))))
    assert (locations == []) == all(_storable(text) for text in _strings(value))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text
