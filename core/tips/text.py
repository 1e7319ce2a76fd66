"""Turning what people type into what we store: Markdown to safe HTML, tags to slugs,
company names to domains."""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from slugify import slugify

from core.errors import InvalidInput

# CommonMark with raw HTML switched off: "<script>" in a tip is text, not markup.
_markdown = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").enable("table")

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
MAX_TAGS = 12
MAX_ACCOUNTS = 12


def render_markdown(body: str) -> str:
    """Markdown → HTML that is safe to insert into a page (sanitised by nh3/ammonia)."""
    return nh3.clean(
        _markdown.render(body),
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )


def normalise_tags(tags: list[str] | None) -> list[str]:
    """ "Pricing Talks" → "pricing-talks"; empty and duplicate tags disappear, order is kept."""
    result: list[str] = []
    for raw in tags or []:
        if not isinstance(raw, str):
            raise InvalidInput("tags must be strings")
        tag = slugify(raw, max_length=64, word_boundary=True, allow_unicode=True)
        if tag and tag not in result:
            result.append(tag)
    if len(result) > MAX_TAGS:
        raise InvalidInput(f"at most {MAX_TAGS} tags per tip")
    return result


def normalise_domain(value: str) -> str:
    """ "ACME.com" → "acme.com"; anything that is not a plausible domain name is refused."""
    if not isinstance(value, str):
        raise InvalidInput("accounts must be strings")
    domain = value.strip().lower().rstrip(".")
    domain = re.sub(r"^(https?://)?(www\.)?", "", domain).split("/")[0]
    try:
        ascii_form = domain.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_form = ""
    labels = ascii_form.split(".")
    if (
        len(ascii_form) > 253
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
        or not re.match(r"^(xn--[a-z0-9-]+|[a-z]{2,63})$", labels[-1])
    ):
        raise InvalidInput(f"not a company domain: {value!r} (use the form acme.com)")
    return domain


def normalise_accounts(accounts: list[str] | None) -> list[str]:
    result: list[str] = []
    for raw in accounts or []:
        domain = normalise_domain(raw)
        if domain not in result:
            result.append(domain)
    if len(result) > MAX_ACCOUNTS:
        raise InvalidInput(f"at most {MAX_ACCOUNTS} accounts per tip")
    return result
