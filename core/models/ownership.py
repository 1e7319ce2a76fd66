"""Rows a user owns: one helper, one rule, for every table with a ``user_id``.

Someone else's row is reported as missing (404), never as forbidden (403), so
ids cannot be probed to learn what exists. (A tip is not owned but *visible*:
``core.tips.service.get_visible_tip`` applies the library's visibility rules.)
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session

from core.errors import NotFound
from core.models.user import User

Row = TypeVar("Row")


def owned(session: Session, model: type[Row], row_id: int, user: User) -> Row:
    """The ``model`` row ``row_id`` if ``user`` owns it, else ``NotFound``."""
    row: Any = session.get(model, row_id)
    if row is None or row.user_id != user.id:
        raise NotFound(f"no such {model.__name__.lower()}")
    return row
