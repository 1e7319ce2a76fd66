"""Who is looking at a page. A page without a signed-in person sends them to sign in
and back again afterwards (``?next=``), which is also how a shared link or a
tapped notification survives an expired session."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from api.deps import OptionalUser
from core.models import User


def safe_next(target: str | None) -> str:
    """Only same-site paths: ``//evil.example`` and ``https://…`` become ``/``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def signin_location(request: Request) -> str:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/signin" if here == "/" else f"/signin?next={quote(here, safe='')}"


def page_user(request: Request, user: OptionalUser) -> User:
    if user is None:
        raise HTTPException(status_code=303, headers={"Location": signin_location(request)})
    request.state.page_user = user  # for the error page's navigation (``PageRoute``)
    return user


PageUser = Annotated[User, Depends(page_user)]
