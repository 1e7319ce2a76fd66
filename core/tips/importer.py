"""Bulk import of a tip library (curators moving a wiki into Tipoff)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError
from sqlmodel import Session

from core.errors import InvalidInput
from core.models import User
from core.models.tip import TipCreate
from core.tips.service import create_tip


def load_tip_file(path: Path) -> list[TipCreate]:
    """Read ``[{title?, body, tags?, accounts?}, ...]`` or ``{"tips": [...]}``.

    Every item is checked before anything is written, so an import is all or nothing.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    items = data.get("tips") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InvalidInput(f"{path}: expected a list of tips or an object with a 'tips' list")
    tips = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            item = {k: v for k, v in item.items() if k in TipCreate.model_fields}
        try:
            tips.append(TipCreate.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            raise InvalidInput(f"{path}: tip {number}: {first['loc']}: {first['msg']}") from exc
    return tips


def import_tips(session: Session, author: User, tips: list[TipCreate]) -> int:
    for tip in tips:
        create_tip(session, author, tip)
    return len(tips)
