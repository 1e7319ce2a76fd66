"""Mail bodies from Jinja2 templates: each mail is ``NAME.txt`` plus ``NAME.html``.

The HTML is autoescaped (names and addresses are user text); the text part is
not (it is not HTML). ``layout.html`` gives every HTML mail the same simple,
inline-styled frame, since mail clients drop style sheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


@lru_cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_mail(template: str, /, *, subject: str, **context: Any) -> RenderedMail:
    """Render ``template.txt`` and ``template.html`` with ``context`` (and ``subject``)."""
    env = _environment()
    context = {**context, "subject": subject}
    return RenderedMail(
        subject=subject,
        text=env.get_template(f"{template}.txt").render(context),
        html=env.get_template(f"{template}.html").render(context),
    )
